import Foundation

/// A person who runs the shop and signs in to the console: an `operador` (conversations,
/// orders, clients, exports) or an `admin` (also the catalog, the panel, queues and the
/// audit log). The password is stored only as a bcrypt hash.
public struct StaffUser: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var role: Role
    public var passwordHash: String
    public var active: Bool
    public var created: Date

    public init(id: Int64, name: String, role: Role, passwordHash: String, active: Bool, created: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.active = active
        self.created = created
    }

    /// The roles a person can have (`canal` is for programs).
    public static let roles: [Role] = [.operator, .admin]

    /// Bcrypt reads at most 72 bytes; longer passwords are refused rather than cut.
    public static let passwordBytes = 8...72
    public static let nameLength = 3...40

    /// A user name: 3–40 letters, digits, `.`, `_` or `-` (ASCII), kept as typed and compared
    /// without case.
    public static func validName(_ raw: String) throws(ValidationError) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard nameLength.contains(name.count),
            name.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x5F || byte == 0x2D
            })
        else {
            throw ValidationError(
                field: "nombre",
                message: "El nombre de usuario debe tener de 3 a 40 letras, dígitos, puntos, guiones o guiones bajos.")
        }
        return name
    }

    /// A password of 8–72 bytes (UTF-8).
    public static func validPassword(_ password: String) throws(ValidationError) -> String {
        guard passwordBytes.contains(password.utf8.count) else {
            throw ValidationError(field: "clave", message: "La clave debe tener entre 8 y 72 bytes.")
        }
        return password
    }

    /// A staff role by its name (`admin`, `operador`).
    public static func role(parsing raw: String) throws(ValidationError) -> Role {
        guard let role = Role(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()),
            roles.contains(role)
        else {
            throw ValidationError(field: "rol", message: "El rol debe ser admin u operador.")
        }
        return role
    }
}
