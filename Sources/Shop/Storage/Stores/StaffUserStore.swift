import Foundation

/// The console's users: names unique without case, bcrypt hashes only, retired rather than
/// deleted (their audit lines keep the name).
public protocol StaffUserStore: Sendable {
    /// Adds a user with an already hashed password; a name taken (in any case) is
    /// `StoreError.conflict`.
    func createStaffUser(name: String, role: Role, passwordHash: String) async throws -> StaffUser
    /// The user with this name (any case), active or not.
    func staffUser(name: String) async throws -> StaffUser?
    func staffUser(id: Int64) async throws -> StaffUser?
    /// Every user, by name.
    func staffUsers() async throws -> [StaffUser]
    /// Disables (`false`: the login refuses it) or re-enables a user;
    /// `StoreError.notFound` for an unknown name.
    @discardableResult
    func setStaffUserActive(name: String, active: Bool) async throws -> StaffUser
}

/// Staff user rules that do not depend on the engine.
enum StaffUserRules {
    /// The validated name and role of a new user.
    static func new(name: String, role: Role) throws -> String {
        let name = try StaffUser.validName(name)
        guard StaffUser.roles.contains(role) else {
            throw ValidationError(field: "rol", message: "El rol debe ser admin u operador.")
        }
        return name
    }

    static func conflict(_ name: String) -> StoreError { .conflict("Ya existe el usuario \(name).") }
    static func notFound(_ name: String) -> StoreError { .notFound(resource: "el usuario", key: name) }
}
