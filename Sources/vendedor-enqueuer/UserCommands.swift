import ArgumentParser
import Foundation
import Pipeline
import Shop
import Support

/// `vendedor-enqueuer user create --role admin|operador --name NAME --password-stdin`: a
/// staff user of the console. The password is read from standard input (one line; never
/// from the command line, where other users could see it) and stored as a bcrypt hash.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Usuarios de la consola (/consola).", subcommands: [CreateUser.self])
}

struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Crea un usuario de la consola con la clave que llega por la entrada estándar."
    )

    @Option(name: [.customLong("role"), .customLong("rol")], help: "admin | operador")
    var role: String

    @Option(
        name: [.customLong("name"), .customLong("nombre")], help: "Nombre de usuario (3–40: letras, dígitos, . _ -).")
    var name: String

    @Flag(help: "Lee la clave de la entrada estándar (obligatorio: la clave nunca va en la línea de comandos).")
    var passwordStdin = false

    @Option(help: .hidden)
    var bcryptCost: UInt8 = PasswordHash.defaultCost

    func validate() throws {
        guard passwordStdin else {
            throw ArgumentParser.ValidationError("use --password-stdin y escriba la clave por la entrada estándar")
        }
        guard (4...31).contains(bcryptCost) else {
            throw ArgumentParser.ValidationError("--bcrypt-cost debe estar entre 4 y 31")
        }
    }

    func run() async throws {
        let role: Role
        let name: String
        let password: String
        do {
            role = try StaffUser.role(parsing: self.role)
            name = try StaffUser.validName(self.name)
            password = try StaffUser.validPassword(Self.readPassword())
        } catch let error as Shop.ValidationError {
            throw ArgumentParser.ValidationError(error.message)
        }
        let config = startOrExit { try AppConfig(environment: .load()) }
        let database = startOrExit { try AppDatabase.open(try DatabaseURL(config.databaseURL)) }
        let hash = PasswordHash.make(password, cost: bcryptCost)
        do {
            let user = try database.createStaffUser(name: name, role: role, passwordHash: hash)
            try database.appendAudit(
                NewAuditEntry(user: "cli", action: "usuario.crear", detail: "\(user.name) (\(role.rawValue))"))
            print("Usuario \(user.name) creado con rol \(role.rawValue).")
        } catch let error as CodedError {
            FileHandle.standardError.write(Data("vendedor: \(error.message)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The first line of standard input (at most 1 KB), without its line ending.
    static func readPassword() -> String {
        let data = FileHandle.standardInput.readData(ofLength: 1024)
        var text = String(decoding: data, as: UTF8.self)
        if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            text = String(text[..<newline])
        }
        return text
    }
}
