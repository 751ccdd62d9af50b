import Foundation
import Testing

@testable import Integrations
@testable import JobEngine

@Suite("Telegram: Bot API client against the fake server")
struct TelegramClientTests {
    func client(_ fake: FakeTelegram, policy: ProviderHTTP.RetryPolicy = TelegramHarness.quickPolicy) -> TelegramClient
    {
        TelegramClient(token: FakeTelegram.token, baseURL: fake.baseURL, transport: CurlTransport(), policy: policy)
    }

    @Test func sendsPlainTextWithSixtyFourBitIdsAndDecodesTheEnvelope() async throws {
        try await FakeTelegram.run { fake in
            let group: Int64 = -1_001_234_567_890_123
            let id = try await client(fake).sendMessage(chatId: group, text: "Hola 👋", replyTo: 57)
            let sent = try #require(fake.sentMessages.first)
            #expect(sent.chatId == group)
            #expect(sent.text == "Hola 👋")
            #expect(sent.parseMode == nil)
            #expect(sent.replyTo == 57)
            #expect(sent.messageId == id)
            let request = try #require(fake.calls("sendMessage").first)
            #expect(request.headers["content-type"] == "application/json")
        }
    }

    @Test func errorsCarryTelegramsDescriptionAndNeverTheToken() async throws {
        try await FakeTelegram.run { fake in
            fake.block(chatId: 42)
            do {
                _ = try await client(fake).sendMessage(chatId: 42, text: "hola")
                Issue.record("un chat bloqueado debía fallar")
            } catch let error as ProviderError {
                #expect(error.status == 403)
                #expect(error.kind == .permanent)
                #expect(error.message == "Forbidden: bot was blocked by the user")
                #expect(!error.description.contains(FakeTelegram.token))
                #expect(!"\(error.jobError)".contains(FakeTelegram.token))
            }
            let wrongToken = TelegramClient(token: "1:otro", baseURL: fake.baseURL, transport: CurlTransport())
            await #expect(throws: ProviderError.self) { try await wrongToken.sendChatAction(chatId: 1) }
            #expect(fake.server.requests.last.map { $0.path.hasSuffix("sendChatAction") } == true)
            #expect(client(fake).redacted("GET /bot\(FakeTelegram.token)/getMe") == "GET /bot<token>/getMe")
        }
    }

    @Test func a429IsWaitedOutInsideTheCallWhenShortAndHandedBackWhenLong() async throws {
        try await FakeTelegram.run { fake in
            fake.injectFlood(retryAfter: 1)
            let start = Date()
            _ = try await client(fake).sendMessage(chatId: 7, text: "después de esperar")
            let calls = fake.calls("sendMessage")
            #expect(calls.count == 2)
            #expect(calls[1].at.timeIntervalSince(calls[0].at) >= 0.9, "no esperó retry_after")
            #expect(Date().timeIntervalSince(start) >= 0.9)
            #expect(fake.sentMessages.count == 1)

            fake.injectFlood(retryAfter: 35)
            let patient = client(fake, policy: .init(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 2))
            do {
                _ = try await patient.sendMessage(chatId: 7, text: "otra")
                Issue.record("un 429 largo debía volver al llamador")
            } catch let error as ProviderError {
                #expect(error.kind == .rateLimited)
                #expect(error.retryAfter == 35)
                guard case .retryAfter(let seconds, _) = error.jobError as? JobError else {
                    Issue.record("un 429 debe ser un retryAfter del motor")
                    return
                }
                #expect(seconds == 35)
            }
            let flood = try #require(fake.calls("sendMessage").last)
            #expect(flood.path.hasSuffix("/sendMessage"))
        }
    }

    @Test func a502WithHTMLIsRetriedAndUnknownMethodsAre404() async throws {
        try await FakeTelegram.run { fake in
            fake.injectBadGateway(method: "sendChatAction")
            try await client(fake).sendChatAction(chatId: 9)
            #expect(fake.chatActions.map(\.action) == ["typing"])
            do {
                _ = try await client(fake).call("sendNada", ["chat_id": 1], as: Bool.self)
                Issue.record("un método desconocido debía fallar")
            } catch let error as ProviderError {
                #expect(error.status == 404)
                #expect(error.message == "Not Found: method not found")
            }
        }
    }

    @Test func getUpdatesConfirmsWithAHigherOffsetAndHoldsUntilAnUpdateArrives() async throws {
        try await FakeTelegram.run { fake in
            let telegram = client(fake)
            let first = fake.addUpdate(message: FakeTelegram.message(chatId: 1, text: "uno"))
            fake.addUpdate(message: FakeTelegram.message(chatId: 1, text: "dos"))
            let all = try await telegram.getUpdates(offset: nil, timeout: 0)
            #expect(all.map(\.updateId) == [first, first + 1])
            #expect(all[0].message?.text == "uno")
            // Not confirmed yet: asked again, the same updates come back.
            #expect(try await telegram.getUpdates(offset: nil, timeout: 0).count == 2)
            #expect(try await telegram.getUpdates(offset: first + 1, timeout: 0).map(\.updateId) == [first + 1])
            #expect(fake.pendingUpdates == 1)
            // Nothing pending: the call is held until an update is added.
            async let held = telegram.getUpdates(offset: first + 2, timeout: 20)
            try await Task.sleep(for: .milliseconds(300))
            let third = fake.addUpdate(message: FakeTelegram.message(chatId: 2, text: "tres"))
            #expect(try await held.map(\.updateId) == [third])
            // A webhook makes polling a 409.
            try await telegram.setWebhook(url: "https://ejemplo.com.co/telegram/webhook", secret: "abc")
            await #expect(throws: ProviderError.self) { _ = try await telegram.getUpdates(offset: nil, timeout: 0) }
            #expect(try await telegram.getWebhookInfo().url == "https://ejemplo.com.co/telegram/webhook")
            try await telegram.deleteWebhook()
            #expect(try await telegram.getWebhookInfo().url == "")
        }
    }

    @Test func filesAreFetchedWithGetFileAndTheTwentyMegabyteLimitIsTelegrams() async throws {
        try await FakeTelegram.run { fake in
            fake.addFile(id: "AgAC-grande", bytes: SampleFiles.jpeg, path: "photos/file_1.jpg")
            fake.addFile(id: "enorme", bytes: SampleFiles.jpeg, path: "documents/file_2.jpg", size: 21 << 20)
            let telegram = client(fake)
            let file = try await telegram.getFile(fileId: "AgAC-grande")
            #expect(file.filePath == "photos/file_1.jpg")
            #expect(try await telegram.download(filePath: "photos/file_1.jpg") == SampleFiles.jpeg)
            do {
                _ = try await telegram.getFile(fileId: "enorme")
                Issue.record("un archivo de más de 20 MB debía fallar")
            } catch let error as ProviderError {
                #expect(error.status == 400)
                #expect(error.message == "Bad Request: file is too big")
            }
            await #expect(throws: ProviderError.self) { _ = try await telegram.download(filePath: "photos/otro.jpg") }
        }
    }
}
