import ArgumentParser
import Foundation
import FrontEnd
import Hummingbird
import Integrations
import JobEngine
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
        LineLogHandler.bootstrap()
        let config = startOrExit { try FrontEndConfig(environment: .load()) }
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

    @Option(name: [.customLong("days"), .customLong("dias")], help: "Días de validez.")
    var days: Int = 30

    func run() async throws {
        guard let role = Role(rawValue: role) else {
            throw ValidationError("--role debe ser admin, operador o canal")
        }
        guard days >= 1, days <= 3650 else { throw ValidationError("--days debe estar entre 1 y 3650") }
        let config = startOrExit { try AppConfig(environment: .load()) }
        let secret = startOrExit { try requireSecret(config) }
        print(TokenSigner(secret: secret).sign(subject: subject, role: role, lifetime: Double(days) * 86_400))
    }
}

func requireSecret(_ config: AppConfig) throws -> String {
    try config.requiredSecretKey()
}
