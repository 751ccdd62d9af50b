import Foundation
import Testing

@Suite("Telegram: set-webhook and delete-webhook from the command line")
struct TelegramCommandTests {
    func run(_ arguments: [String], fake: FakeTelegram, secret: String? = "secreto_del_cli-1") async throws
        -> (status: Int32?, output: String)
    {
        let binary = TestPaths.binDir.appendingPathComponent("vendedor-enqueuer").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TestFailure("no existe \(binary); compile antes de probar")
        }
        let output = TestPaths.temporaryDirectory("cli").appendingPathComponent("salida.log")
        var environment = [
            "TELEGRAM_TOKEN": FakeTelegram.token, "TELEGRAM_API_BASE_URL": fake.baseURL,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        environment["TELEGRAM_WEBHOOK_SECRET"] = secret
        let process = try ChildProcess(
            path: binary, arguments: arguments, environment: environment, outputPath: output.path)
        let status = await process.waitForExit(timeout: .seconds(30))
        return (status, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    @Test func setWebhookSendsTheSecretAndDeleteWebhookRemovesIt() async throws {
        try await FakeTelegram.run { fake in
            let set = try await run(
                ["set-webhook", "--url", "https://tienda.example.com/telegram/webhook"], fake: fake)
            #expect(set.status == 0, "\(set.output)")
            #expect(fake.webhookURL == "https://tienda.example.com/telegram/webhook")
            #expect(fake.webhookSecret == "secreto_del_cli-1")
            #expect(set.output.contains("Webhook de Telegram configurado"))
            #expect(!set.output.contains(FakeTelegram.token))

            let refused = try await run(["set-webhook", "--url", "https://tienda.example.com:9999/x"], fake: fake)
            #expect(refused.status == 1)
            #expect(refused.output.contains("ports 80, 88, 443 or 8443"))
            #expect(!refused.output.contains(FakeTelegram.token))
            let noSecret = try await run(
                ["setWebhook", "--url", "https://tienda.example.com/t"], fake: fake, secret: nil)
            #expect(noSecret.status != 0)
            #expect(noSecret.output.contains("TELEGRAM_WEBHOOK_SECRET"))

            let deleted = try await run(["delete-webhook"], fake: fake)
            #expect(deleted.status == 0, "\(deleted.output)")
            #expect(fake.webhookURL == nil)
        }
    }
}
