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
        LineLogHandler.bootstrap(file: config.app.logFile, format: config.app.logFormat)
        let logger = Logger(label: "vendedor-enqueuer")
        for line in SettingsCatalog.warnings(environment) { logger.warning("\(line)") }
        let frontEnd = await startOrExitAsync { try await buildFrontEnd(config: config) }
        try await frontEnd.run()
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Imprime un token de acceso firmado con SECRET_KEY (su id va a stderr), o revoca uno con --revoke.")

    @Option(name: [.customLong("role"), .customLong("rol")], help: "admin | operador | canal")
    var role: String?

    @Option(
        name: [.customLong("subject"), .customLong("sujeto")],
        help: "A quién se le entrega (nombre del canal o de la persona): 1–64 letras, dígitos o _ . @ -.")
    var subject: String?

    @Option(
        name: [.customLong("days"), .customLong("dias")],
        help: "Días de validez, 1–365 (por defecto ACCESS_TOKEN_EXPIRE_MINUTES, o 30 días).")
    var days: Int?

    @Option(
        name: [.customLong("revoke"), .customLong("revocar")],
        help: "Revoca el token con este id (el que se imprimió al emitirlo) o el token mismo; usa REDIS_URL.")
    var revoke: String?

    func run() async throws {
        let config = startOrExit { try AppConfig(environment: .load()) }
        if let revoke {
            try await revokeToken(revoke, config: config)
            return
        }
        guard let role = role.flatMap(Role.init(rawValue:)) else {
            throw ValidationError("--role debe ser admin, operador o canal")
        }
        guard let subject, TokenSigner.isValidSubject(subject) else {
            throw ValidationError("--subject debe tener de 1 a 64 letras, dígitos o _ . @ -")
        }
        let maxDays = Int(TokenSigner.maxLifetime / 86_400)
        if let days, !(1...maxDays).contains(days) {
            throw ValidationError("--days debe estar entre 1 y \(maxDays)")
        }
        let lifetime = days.map { Double($0) * 86_400 } ?? config.tokenLifetimeSeconds
        let secret = startOrExit { try requireSecret(config) }
        let id = TokenSigner.newId()
        FileHandle.standardError.write(Data("id del token: \(id)\n".utf8))
        print(TokenSigner(secret: secret).sign(subject: subject, role: role, lifetime: lifetime, id: id))
    }

    /// Puts the id on the revocation list every front end checks (within 5 s), until the
    /// longest life a token can have has passed (or the token's own end, given the token).
    private func revokeToken(_ given: String, config: AppConfig) async throws {
        var id = given.trimmingCharacters(in: .whitespaces)
        var until = Int(Date().timeIntervalSince1970 + TokenSigner.maxLifetime)
        if id.split(separator: ".").count == 3 {
            let secret = startOrExit { try requireSecret(config) }
            guard let verified = try? TokenSigner(secret: secret).verifyToken(id) else {
                throw ValidationError("el token no es válido o ya venció: no hace falta revocarlo")
            }
            id = verified.id
            until = verified.expires
        }
        guard TokenSigner.isValidId(id) else { throw ValidationError("--revoke necesita un id de token o un token") }
        let redis = RedisClient(url: config.redisURL, name: "token-revoke", logger: Logger(label: "vendedor-enqueuer"))
        try await RequestGuard.revoke(id, until: until, redis: redis)
        print("Token \(id) revocado.")
    }
}

func requireSecret(_ config: AppConfig) throws -> String {
    try config.requiredSecretKey()
}
