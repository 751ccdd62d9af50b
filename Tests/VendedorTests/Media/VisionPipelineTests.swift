import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import SpanishText
@testable import Workers

/// Photos through the whole pipeline: HTTP upload → blob store → Redis → vision worker (real
/// Tesseract, or Gemini on a loopback fake) → the chat message the reply worker will get.
@Suite("Vision pipeline: real Tesseract OCR and Gemini descriptions up to the chat message")
struct VisionPipelineTests {
    static func folded(_ text: String) -> String { TextFold.fold(text) }

    @Test func aLabelPhotoBecomesAChatMessageNamingTheProduct() async throws {
        try await MediaHarness.run { harness, client in
            let photo = try await RenderedImage.text(["CASCO DE SEGURIDAD"], format: "png")
            let uploadedFrom = WallClock.nowMs()
            let id = try await harness.upload(
                client, "imagen", chatId: "web-ocr", caption: "¿Tienen este?", file: photo)
            let uploadedBy = WallClock.nowMs()
            let chat = try #require(try await harness.chats.wait().first)
            #expect(chat.chatId == "h:widget:web-ocr")
            #expect(chat.channel == .http)
            #expect(chat.kind == .image)
            // The caption and the label's text arrive as two parts.
            #expect(chat.message == "¿Tienen este?")
            #expect(chat.readText?.origin == .ocr)
            let readText: String = Self.folded(chat.readText?.text ?? "")
            #expect(readText.contains("casco de seguridad"), "\(chat.historyText)")
            #expect(chat.historyText.hasPrefix("¿Tienen este?\n[Foto, texto leído]\n"))
            // The message keeps the time the photo was received (the photo's record drops its
            // payload once completed, so the upload's own window is the reference).
            #expect((uploadedFrom...uploadedBy).contains(chat.receivedMs))
            // The message is a follow-up in the photo's chain: the photo's job id is the
            // one the customer waits on.
            #expect(harness.chats.envelopes.first?.rootId == id)
            // The follow-up carries the chain's owner (the HTTP channel that uploaded the
            // photo), so the reply's callback is found without reading the root's record.
            #expect(harness.chats.envelopes.first?.owner == "canal:widget")
            #expect(harness.deliveries.payloads.isEmpty)
            let status = try await harness.finished(id)
            #expect(status.state == .completed)
        }
    }

    @Test func aTextSentAfterAPhotoWaitsForThePhotosMessage() async throws {
        try await MediaHarness.run { harness, client in
            let photo = try await RenderedImage.text(["GUANTES DE VAQUETA"], format: "png")
            let photoId = try await harness.upload(client, "imagen", chatId: "web-orden", file: photo)
            var headers = harness.bearer()
            headers[.contentType] = "application/json"
            let text = try await client.execute(
                uri: "/chat/texto", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"chat_id":"web-orden","mensaje":"¿Y cuánto valen?"}"#))
            #expect(text.status == .accepted)
            // The OCR takes a while; the text is already queued, yet the photo's message
            // keeps the photo's turn in the chat's line.
            let chats = try await harness.chats.wait(for: 2)
            #expect(chats.map(\.kind) == [.image, .text])
            #expect(Self.folded(chats[0].historyText).contains("guantes de vaqueta"))
            #expect(chats[1].message == "¿Y cuánto valen?")
            #expect(harness.chats.envelopes.first?.rootId == photoId)
        }
    }

    @Test func aWrittenListAndAScreenshotAreReadLineByLine() async throws {
        try await MediaHarness.run { harness, client in
            let list = try await RenderedImage.text(
                ["Pedido para la obra:", "GUANTES DE VAQUETA x 3", "BOTAS PUNTA DE ACERO x 2"], format: "jpg")
            _ = try await harness.upload(client, "imagen", chatId: "web-lista", file: list)
            let quote = try await RenderedImage.text(
                ["Cotización 1043", "Extintor multipropósito ABC"], format: "webp")
            _ = try await harness.upload(client, "imagen", chatId: "web-cotizacion", file: quote)
            let chats = try await harness.chats.wait(for: 2)
            let listMessage = try #require(chats.first { $0.chatId == "h:widget:web-lista" }).historyText
            #expect(listMessage.hasPrefix("[Foto, texto leído]\n"))
            #expect(Self.folded(listMessage).contains("guantes de vaqueta"), "\(listMessage)")
            #expect(Self.folded(listMessage).contains("botas punta de acero"), "\(listMessage)")
            #expect(listMessage.split(separator: "\n").count >= 4, "one line per printed line: \(listMessage)")
            let quoteMessage = try #require(chats.first { $0.chatId == "h:widget:web-cotizacion" }).historyText
            #expect(Self.folded(quoteMessage).contains("extintor multiproposito"), "\(quoteMessage)")
        }
    }

    @Test func aPhotoWithNoTextGetsAKindReplyAskingForTheProduct() async throws {
        try await MediaHarness.run { harness, client in
            let blank = try await RenderedImage.withoutText()
            let id = try await harness.upload(client, "imagen", chatId: "web-sin-texto", file: blank)
            let delivery = try #require(try await harness.deliveries.wait().first)
            #expect(delivery.chatId == "h:widget:web-sin-texto")
            #expect(delivery.text == ImageMessageHandler.unreadable)
            #expect(delivery.origin == "agente")
            #expect(delivery.jobId == id)
            #expect(delivery.owner == "widget")
            // No agent turn records this exchange: the delivery writes it in the history.
            #expect(delivery.history == .init(incoming: "(foto)", kind: .image))
            let status = try await harness.finished(id)
            #expect(status.state == .completed)
            #expect(try harness.reply(status) == ChatReply(reply: ImageMessageHandler.unreadable))
            #expect(harness.chats.payloads.isEmpty)
        }
    }

    @Test func geminiDescribesThePhotoWithTheCaption() async throws {
        try await FakeGemini.run { fake in
            fake.answer { call in
                .text(call.texts.joined().contains("obra") ? "Casco de seguridad blanco tipo I." : "No sé")
            }
            let vision = VisionConfig(
                provider: .gemini, gemini: GeminiConfig(apiKey: FakeGemini.key, baseURL: fake.baseURL))
            try await MediaHarness.run(vision: vision) { harness, client in
                let photo = try await RenderedImage.text(["CASCO"], format: "jpg")
                let id = try await harness.upload(client, "imagen", caption: "Para la obra", file: photo)
                let chat = try #require(try await harness.chats.wait().first)
                #expect(chat.message == "Para la obra")
                #expect(chat.readText == .init(origin: .description, text: "Casco de seguridad blanco tipo I."))
                let call = try #require(fake.calls.first)
                #expect(call.model == "gemini-2.0-flash")
                #expect(call.camelCase)
                #expect(call.images.first?.mimeType == "image/jpeg")
                #expect(call.images.first?.data == photo)
                #expect(call.texts.first?.contains("«Para la obra»") == true)
                #expect(call.systemInstruction?.contains("seguridad industrial") == true)
                #expect(try await harness.finished(id).state == .completed)
            }
        }
    }

    @Test func geminiRateLimitsAndOverloadsAreRetried() async throws {
        try await FakeGemini.run { fake in
            fake.answer { _ in .text("Guantes de vaqueta reforzada.") }
            // In-call retry after RetryInfo, then a 503 twice: the first job attempt gives
            // up (two tries per call) and the engine's retry succeeds.
            fake.injectRateLimit(retryDelay: "0.05s")
            fake.injectUnavailable(2)
            let vision = VisionConfig(
                provider: .gemini, gemini: GeminiConfig(apiKey: FakeGemini.key, baseURL: fake.baseURL))
            try await MediaHarness.run(vision: vision) { harness, client in
                let id = try await harness.upload(client, "imagen", file: MediaSamples.png)
                let chat = try #require(try await harness.chats.wait().first)
                #expect(chat.historyText == "[Foto, descripción]\nGuantes de vaqueta reforzada.")
                #expect(fake.calls.count == 4)
                let status = try await harness.finished(id)
                #expect(status.state == .completed)
                #expect(status.attempts == 2)
                #expect(harness.deliveries.payloads.isEmpty)
            }
        }
    }

    @Test func aPermanentFailureTellsTheCustomerAndDeadLetters() async throws {
        try await FakeGemini.run { fake in
            fake.injectInvalidArgument("Provided image is not valid.")
            let vision = VisionConfig(
                provider: .gemini, gemini: GeminiConfig(apiKey: FakeGemini.key, baseURL: fake.baseURL))
            try await MediaHarness.run(vision: vision) { harness, client in
                let id = try await harness.upload(client, "imagen", chatId: "web-falla", file: MediaSamples.webp)
                let delivery = try #require(try await harness.deliveries.wait().first)
                #expect(delivery.text == ImageMessageHandler.failed)
                #expect(delivery.chatId == "h:widget:web-falla")
                let status = try await harness.finished(id)
                #expect(status.state == .dead)
                #expect(status.error?.contains("Provided image is not valid.") == true)
                #expect(status.attempts == 1, "a 400 is not retried")
                let dead = try await harness.fixture.jobs.deadJobs(queue: "vision")
                #expect(dead.jobs.map(\.id) == [id])
                #expect(fake.calls.count == 1)
                #expect(harness.chats.payloads.isEmpty)
            }
        }
    }

    @Test func theLastAttemptOfATransientFailureTellsTheCustomerOnce() async throws {
        try await FakeGemini.run { fake in
            fake.injectUnavailable(2 * MediaHarness.maxAttempts)
            let vision = VisionConfig(
                provider: .gemini, gemini: GeminiConfig(apiKey: FakeGemini.key, baseURL: fake.baseURL))
            try await MediaHarness.run(vision: vision) { harness, client in
                let id = try await harness.upload(client, "imagen", file: MediaSamples.jpeg)
                let status = try await harness.finished(id)
                #expect(status.state == .dead)
                #expect(status.attempts == MediaHarness.maxAttempts)
                #expect(fake.calls.count == 2 * MediaHarness.maxAttempts)
                let deliveries = try await harness.deliveries.wait()
                #expect(deliveries.map(\.text) == [ImageMessageHandler.failed])
                // Re-driving the dead letter with Gemini back to normal: the photo is read,
                // and the earlier notice is not sent again.
                #expect(try await harness.fixture.jobs.redrive(queue: "vision", id: id) == [id])
                let chat = try #require(try await harness.chats.wait().first)
                #expect(chat.readText?.text.contains("Un casco de seguridad blanco.") == true)
                #expect(harness.deliveries.payloads.count == 1)
            }
        }
    }

    @Test func anExpiredPhotoAsksTheCustomerToSendItAgain() async throws {
        try await MediaHarness.run { harness, client in
            let missing = String(repeating: "ab", count: 32)
            let enqueued = try await harness.fixture.jobs.enqueue(
                ImageMessageJob(
                    chatId: "tg:55", channel: .telegram, blob: missing, mime: "image/jpeg", message: "",
                    receivedMs: WallClock.nowMs()))
            let delivery = try #require(try await harness.deliveries.wait().first)
            #expect(delivery.text == ImageMessageHandler.expired)
            #expect(delivery.channel == .telegram)
            #expect(delivery.owner == nil)
            let status = try await harness.finished(enqueued.id)
            #expect(status.state == .dead)
            #expect(status.error?.contains(missing) == true)
        }
    }
}
