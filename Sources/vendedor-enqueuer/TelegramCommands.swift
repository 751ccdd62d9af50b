import ArgumentParser
import Foundation
import Integrations
import Shop
import Support

/// `vendedor-enqueuer set-webhook --url https://…/telegram/webhook`: points Telegram at this
/// front end, with `TELEGRAM_WEBHOOK_SECRET` as the header every call must carry.
struct SetWebhook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-webhook",
        abstract: "Configura el webhook de Telegram (usa TELEGRAM_TOKEN y TELEGRAM_WEBHOOK_SECRET).",
        aliases: ["setWebhook"])

    @Option(help: "URL pública HTTPS de POST /telegram/webhook (puertos 443, 80, 88 u 8443).")
    var url: String

    @Option(help: "Conexiones simultáneas que Telegram puede abrir (1–100).")
    var maxConnections: Int = 40

    func run() async throws {
        guard url.hasPrefix("https://") else { throw ValidationError("--url debe empezar por https://") }
        guard (1...100).contains(maxConnections) else {
            throw ValidationError("--max-connections debe estar entre 1 y 100")
        }
        let config = startOrExit { try TelegramConfig(environment: .load()) }
        guard let secret = config.webhookSecret else {
            throw ValidationError("falta TELEGRAM_WEBHOOK_SECRET (el encabezado que Telegram enviará en cada llamada)")
        }
        let client = try telegramClient(config)
        try await report(client) {
            try await client.setWebhook(url: url, secret: secret, maxConnections: maxConnections)
        }
        print("Webhook de Telegram configurado: \(url)")
        let info = try await client.getWebhookInfo()
        print("Actualizaciones pendientes: \(info.pendingUpdateCount ?? 0)")
    }
}

/// `vendedor-enqueuer delete-webhook`: removes the webhook (pending updates are kept unless
/// `--drop-pending`), so the front end can poll.
struct DeleteWebhook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-webhook", abstract: "Elimina el webhook de Telegram (para recibir por consulta larga).",
        aliases: ["deleteWebhook"])

    @Flag(help: "Descarta las actualizaciones pendientes (se pierden mensajes de clientes).")
    var dropPending = false

    func run() async throws {
        let config = startOrExit { try TelegramConfig(environment: .load()) }
        let client = try telegramClient(config)
        try await report(client) { try await client.deleteWebhook(dropPending: dropPending) }
        print("Webhook de Telegram eliminado\(dropPending ? " y actualizaciones pendientes descartadas" : "").")
    }
}

private func telegramClient(_ config: TelegramConfig) throws -> TelegramClient {
    guard let token = config.token else { throw ValidationError("falta TELEGRAM_TOKEN") }
    return TelegramClient(token: token, baseURL: config.apiBaseURL, transport: CurlTransport(maxConcurrent: 1))
}

/// Runs a Bot API call; a failure prints Telegram's answer (never the token) and exits 1.
private func report(_ client: TelegramClient, _ call: () async throws -> Void) async throws {
    do {
        try await call()
    } catch {
        FileHandle.standardError.write(
            Data("vendedor: Telegram rechazó la operación: \(client.redacted("\(error)"))\n".utf8))
        throw ExitCode.failure
    }
}
