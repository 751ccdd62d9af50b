import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The whole system as deployed: the front end's webhook, one `vendedor-workers` process
/// serving every queue (downloads, OCR with real Tesseract, the agent, orders, delivery),
/// a test's own Redis and SQLite file, and the fake Telegram Bot API.
@Suite("End to end: Telegram text and photo to a delivered reply")
struct TelegramEndToEndTests {
    /// Seeds the demo catalog and company text into the harness's database and starts the
    /// production worker binary on it.
    func startWorkers(_ harness: TelegramHarness) throws -> WorkerProcess {
        let data = TestPaths.repoRoot.appendingPathComponent("data")
        _ = try harness.database.seedIfEmpty(
            catalogCSV: try String(contentsOf: data.appendingPathComponent("catalogo.csv"), encoding: .utf8),
            companyText: try String(contentsOf: data.appendingPathComponent("contexto_empresa.md"), encoding: .utf8))
        var environment = harness.fixture.environment
        environment["DATABASE_URL"] = "sqlite:///" + harness.directory.databasePath
        environment["TELEGRAM_TOKEN"] = FakeTelegram.token
        environment["TELEGRAM_API_BASE_URL"] = harness.fake.baseURL
        environment["BLOBS_DIR"] = harness.directory.url.appendingPathComponent("blobs").path
        environment["EMBEDDINGS_PROVIDER"] = "none"
        return try WorkerProcess(environment: environment)
    }

    func post(_ client: some TestClientProtocol, _ update: Data) async throws -> HTTPResponse.Status {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[.init("X-Telegram-Bot-Api-Secret-Token")!] = TelegramHarness.secret
        return try await client.execute(
            uri: "/telegram/webhook", method: .post, headers: headers, body: ByteBuffer(data: update)
        ).status
    }

    @Test func aPhotoOfALabelThenATextAreAnsweredInOrderWithTheProduct() async throws {
        try await TelegramHarness.run { harness in
            let workers = try startWorkers(harness)
            defer { workers.terminate() }
            let label = try await RenderedImage.text(["CASCO DE SEGURIDAD"], format: "jpg")
            harness.fake.addFile(id: "foto-casco", bytes: label, path: "photos/file_1.jpg")
            let photo = harness.fake.update(
                message: FakeTelegram.message(
                    chatId: 5_550_001,
                    extra: [
                        "caption": "¿Tienen esto?",
                        "photo": [
                            [
                                "file_id": "foto-casco", "file_unique_id": "u1", "width": 90, "height": 30,
                                "file_size": label.count,
                            ]
                        ],
                    ], messageId: 60))
            let text = harness.fake.update(
                message: FakeTelegram.message(chatId: 5_550_001, text: "hola", messageId: 61))
            try await harness.app().test(.router) { client in
                let first = try await post(client, photo.json)
                let second = try await post(client, text.json)
                #expect(first == .ok)
                #expect(second == .ok)
            }
            let delivered = await eventually(timeout: TestPaths.loadedWait) {
                harness.fake.sentMessages.filter { $0.chatId == 5_550_001 }.count >= 2
            }
            let sent = harness.fake.sentMessages.filter { $0.chatId == 5_550_001 }.map(\.text)
            #expect(delivered, "respuestas: \(sent); log: \(workers.log.suffix(3000))")
            // The photo's reply comes first and names the product read from the label.
            #expect(sent.first?.localizedCaseInsensitiveContains("casco") == true, "\(sent)")
            let history = try harness.database.history(chatId: "tg:5550001")
            #expect(history.first?.kind == .image)
            #expect(history.first?.content.localizedCaseInsensitiveContains("casco") == true)
        }
    }
}
