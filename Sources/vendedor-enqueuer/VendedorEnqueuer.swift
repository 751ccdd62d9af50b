import ArgumentParser
import Foundation
import FrontEnd
import Hummingbird
import Integrations
import JobEngine
import Logging
import Pipeline
import Shop
import Support

@main
struct VendedorEnqueuer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendedor-enqueuer",
        abstract: "Front end de Vendedor: HTTP y Telegram; valida, guarda adjuntos y encola.",
        subcommands: [Serve.self, Token.self, User.self, SetWebhook.self, DeleteWebhook.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Atiende HTTP hasta SIGTERM.")

    func run() async throws {
        let environment = Support.Environment.load()
        let config = startOrExit { try FrontEndConfig(environment: environment) }
        LineLogHandler.bootstrap(file: config.app.logFile)
        let logger = Logger(label: "vendedor-enqueuer")
        for line in SettingsCatalog.warnings(environment) { logger.warning("\(line)") }
        let frontEnd = await startOrExitAsync { try await buildFrontEnd(config: config) }
        try await frontEnd.run()
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Imprime un token de acceso firmado con SECRET_KEY.")

    @Option(name: [.customLong("role"), .customLong("rol")], help: "admin | operador | canal")
    var role: String

    @Option(
        name: [.customLong("subject"), .customLong("sujeto")],
        help: "A quién se le entrega (nombre del canal o de la persona).")
    var subject: String

    @Option(
        name: [.customLong("days"), .customLong("dias")],
        help: "Días de validez (por defecto ACCESS_TOKEN_EXPIRE_MINUTES, o 30 días).")
    var days: Int?

    func run() async throws {
        guard let role = Role(rawValue: role) else {
            throw ValidationError("--role debe ser admin, operador o canal")
        }
        if let days, !(1...3650).contains(days) { throw ValidationError("--days debe estar entre 1 y 3650") }
        let config = startOrExit { try AppConfig(environment: .load()) }
        let secret = startOrExit { try requireSecret(config) }
        let lifetime = days.map { Double($0) * 86_400 } ?? config.tokenLifetimeSeconds
        print(TokenSigner(secret: secret).sign(subject: subject, role: role, lifetime: lifetime))
    }
}

func requireSecret(_ config: AppConfig) throws -> String {
    try config.requiredSecretKey()
}
