import ArgumentParser
import Foundation
import Pipeline
import Shop
import Support

/// `vendedor-enqueuer user create --role admin|operador --name NAME --password-stdin`: a
/// staff user of the console. The password is read from standard input (one line; never
/// from the command line, where other users could see it) and stored as a bcrypt hash.
/// `user disable --name NAME` / `user enable --name NAME`: the login refuses a disabled user
/// (its sessions end within their idle time; `salir-todo` ends them at once). The users live
/// in `DATABASE_URL` (SQLite or PostgreSQL).
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Usuarios de la consola (/consola).",
        subcommands: [CreateUser.self, DisableUser.self, EnableUser.self])

    /// The store `DATABASE_URL` names, or the process ends with the reason.
    static func openStore() async -> any ShopStore & ClosableStore {
        let config = startOrExit { try AppConfig(environment: .load()) }
        return await startOrExitAsync { try await StorageEngine.open(try DatabaseURL(config.databaseURL)) }
    }

    /// Runs `body` with the store, closing it; a refusal (unknown user, name taken…) is one
    /// line on stderr and status 1.
    static func withStore(_ body: (any ShopStore) async throws -> Void) async throws {
        let store = await openStore()
        do {
            try await body(store)
            await store.close()
        } catch let error as CodedError {
            await store.close()
            FileHandle.standardError.write(Data("vendedor: \(error.message)\n".utf8))
            throw ExitCode.failure
        } catch {
            await store.close()
            throw error
        }
    }
}

/// `user disable` / `user enable`: switches a user off or back on, with an audit line.
struct DisableUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Desactiva un usuario de la consola (no podrá ingresar).")

    @Option(name: [.customLong("name"), .customLong("nombre")], help: "Nombre de usuario.")
    var name: String

    func run() async throws { try await SwitchUser.run(name: name, active: false) }
}

struct EnableUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Reactiva un usuario de la consola.")

    @Option(name: [.customLong("name"), .customLong("nombre")], help: "Nombre de usuario.")
    var name: String

    func run() async throws { try await SwitchUser.run(name: name, active: true) }
}

enum SwitchUser {
    static func run(name raw: String, active: Bool) async throws {
        let name: String
        do {
            name = try StaffUser.validName(raw)
        } catch {
            throw ArgumentParser.ValidationError(error.message)
        }
        try await User.withStore { store in
            let user = try await store.setStaffUserActive(name: name, active: active)
            let action = active ? "usuario.activar" : "usuario.desactivar"
            try await store.appendAudit(NewAuditEntry(user: "cli", action: action, detail: user.name))
            print("Usuario \(user.name) \(active ? "activado" : "desactivado").")
        }
    }
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
        let hash = PasswordHash.make(password, cost: bcryptCost)
        try await User.withStore { store in
            let user = try await store.createStaffUser(name: name, role: role, passwordHash: hash)
            try await store.appendAudit(
                NewAuditEntry(user: "cli", action: "usuario.crear", detail: "\(user.name) (\(role.rawValue))"))
            print("Usuario \(user.name) creado con rol \(role.rawValue).")
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
