import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import Pipeline
@testable import Shop

@Suite("Telegram: webhook front end and update intake")
struct TelegramWebhookTests {
    func post(_ client: some TestClientProtocol, _ body: Data, secret: String? = TelegramHarness.secret) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let secret { headers[.init("X-Telegram-Bot-Api-Secret-Token")!] = secret }
        return try await client.execute(
            uri: "/telegram/webhook", method: .post, headers: headers, body: ByteBuffer(data: body))
    }

    @Test func withoutOrWithAWrongSecretTheCallIsRefusedAndNothingIsEnqueued() async throws {
        try await TelegramHarness.run { harness in
            let update = harness.fake.update(message: FakeTelegram.message(chatId: 42, text: "Hola"))
            try await harness.app().test(.router) { client in
                let missing = try await post(client, update.json, secret: nil)
                #expect(missing.status == .unauthorized)
                #expect(String(buffer: missing.body).contains("\"codigo\":\"no_autenticado\""))
                let wrong = try await post(client, update.json, secret: "otro_secreto")
                #expect(wrong.status == .forbidden)
                #expect(String(buffer: wrong.body).contains("\"codigo\":\"prohibido\""))
                let almost = try await post(client, update.json, secret: TelegramHarness.secret + "x")
                #expect(almost.status == .forbidden)
                // Authenticated but unreadable: acknowledged (a retry would not help), nothing enqueued.
                let garbage = try await post(client, Data(#"{"sin":"update_id"}"#.utf8))
                #expect(garbage.status == .ok)
                // No bearer token needed, but the secret is.
                #expect(try await harness.allJobs().isEmpty)
                let right = try await post(client, update.json)
                #expect(right.status == .ok)
            }
            #expect(try await harness.allJobs().count == 2)  // the message and its "escribiendo…"
        }
    }

    @Test func aTextBecomesAChatMessageOfChatTgIdWithTypingBesideIt() async throws {
        try await TelegramHarness.run { harness in
            let chat: Int64 = -1_001_234_567_890_123
            let update = harness.fake.update(
                message: FakeTelegram.message(chatId: chat, text: "  ¿Tienen extintores de 10 libras?  "))
            try await harness.app().test(.router) { client in
                let response = try await post(client, update.json)
                #expect(response.status == .ok)
            }
            let messages = try await harness.jobs(ChatMessageJob.self)
            let message = try #require(messages.first)
            #expect(messages.count == 1)
            #expect(message.payload.chatId == "tg:-1001234567890123")
            #expect(message.payload.channel == .telegram)
            #expect(message.payload.message == "¿Tienen extintores de 10 libras?")
            let typing = try await harness.jobs(TelegramTypingJob.self)
            #expect(typing.map(\.payload) == [TelegramTypingJob(chatId: "tg:-1001234567890123", jobId: message.id)])
        }
    }

    @Test func theSameUpdateTwiceIsOneJobEvenThroughTwoFrontEnds() async throws {
        try await TelegramHarness.run { harness in
            let update = harness.fake.update(message: FakeTelegram.message(chatId: 77, text: "Quiero un casco"))
            let other = harness.fixture.jobs.withOwnConnection(name: "otro-frente")
            defer { other.redis.close() }
            try await harness.app().test(.router) { first in
                try await harness.app(jobs: other).test(.router) { second in
                    async let a = post(first, update.json)
                    async let b = post(second, update.json)
                    let statuses = try await [a.status, b.status]
                    #expect(statuses == [.ok, .ok])
                    #expect(try await post(first, update.json).status == .ok)  // a later retry by Telegram
                }
            }
            #expect(try await harness.jobs(ChatMessageJob.self).count == 1)
            #expect(try await harness.jobs(TelegramTypingJob.self).count == 1)
        }
    }

    @Test func telegramsOwnRetriesOfAnUpdateAreDeduplicatedOverRealHTTP() async throws {
        try await TelegramHarness.run { harness in
            try await harness.app().test(.live) { client in
                try await harness.client().setWebhook(
                    url: "http://127.0.0.1:\(client.port!)/telegram/webhook", secret: TelegramHarness.secret)
                let update = harness.fake.update(message: FakeTelegram.message(chatId: 5, text: "Hola"))
                #expect(try await harness.fake.deliverToWebhook(update.json) == [200])
                #expect(try await harness.fake.deliverToWebhook(update.json) == [200])
            }
            #expect(try await harness.jobs(ChatMessageJob.self).count == 1)
        }
    }

    @Test func theHTTPChannelCannotWriteAsATelegramChat() async throws {
        try await TelegramHarness.run { harness in
            let token = TokenSigner(secret: "secreto-de-pruebas-0123456789").sign(
                subject: "widget", role: .channel, lifetime: 3600)
            try await harness.app().test(.router) { client in
                let response = try await client.execute(
                    uri: "/chat/texto", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(string: #"{"chat_id":"tg:42","mensaje":"Hola"}"#))
                #expect(response.status == .unprocessableContent)
            }
            #expect(try await harness.allJobs().isEmpty)
        }
    }

    @Test func startGetsTheWelcomeThroughTheDeliveryWorker() async throws {
        try await TelegramHarness.run { harness in
            let update = harness.fake.update(message: FakeTelegram.message(chatId: 42, text: "/start promo"))
            #expect(try await harness.intake().accept([Telegram.Update.decode(update.json)]) == 1)
            let replies = try await harness.jobs(DeliverReplyJob.self)
            #expect(replies.map(\.payload.text) == [TelegramConfig.defaultWelcome])
            #expect(replies.first?.payload.chatId == "tg:42")
            #expect(replies.first?.payload.channel == .telegram)
            #expect(try await harness.jobs(ChatMessageJob.self).isEmpty)
        }
    }

    @Test func photosVoiceAudioAndImageDocumentsBecomeDownloadJobs() async throws {
        try await TelegramHarness.run { harness in
            let fake = harness.fake
            let photo = FakeTelegram.message(
                chatId: 10,
                extra: [
                    "caption": " ¿Tienen este? ",
                    "photo": [
                        ["file_id": "pequena", "file_unique_id": "u1", "width": 90, "height": 67, "file_size": 1432],
                        [
                            "file_id": "gigante", "file_unique_id": "u3", "width": 9000, "height": 9000,
                            "file_size": 25 << 20,
                        ],
                        [
                            "file_id": "grande", "file_unique_id": "u2", "width": 1280, "height": 960,
                            "file_size": 154_230,
                        ],
                    ],
                ])
            let voice = FakeTelegram.message(
                chatId: 11,
                extra: ["voice": ["file_id": "voz", "file_unique_id": "v", "duration": 3, "mime_type": "audio/ogg"]])
            let audio = FakeTelegram.message(
                chatId: 12, extra: ["audio": ["file_id": "cancion", "file_unique_id": "a", "duration": 60]])
            let document = FakeTelegram.message(
                chatId: 13,
                extra: [
                    "document": ["file_id": "doc", "file_unique_id": "d", "mime_type": "image/png", "file_size": 2048]
                ])
            let updates = try [photo, voice, audio, document].map {
                try Telegram.Update.decode(fake.update(message: $0).json)
            }
            #expect(try await harness.intake().accept(updates) == 8)
            let files = try await harness.jobs(TelegramFileJob.self).map(\.payload).sorted { $0.chatId < $1.chatId }
            #expect(files.map(\.chatId) == ["tg:10", "tg:11", "tg:12", "tg:13"])
            #expect(files.map(\.fileId) == ["grande", "voz", "cancion", "doc"])
            #expect(files.map(\.kind) == ["imagen", "audio", "audio", "imagen"])
            #expect(files[0].message == "¿Tienen este?")
            #expect(files[0].fileSize == 154_230)
        }
    }

    @Test func tooBigFilesAndUnusableMessagesGetAShortReplyOrNothing() async throws {
        try await TelegramHarness.run { harness in
            let fake = harness.fake
            let huge = FakeTelegram.message(
                chatId: 20, extra: ["voice": ["file_id": "larga", "duration": 3000, "file_size": (20 << 20) + 1]])
            let video = FakeTelegram.message(chatId: 21, extra: ["video": ["file_id": "vid", "duration": 5]])
            let sticker = FakeTelegram.message(chatId: 22, extra: ["sticker": ["file_id": "st"]])
            let pdf = FakeTelegram.message(
                chatId: 23, extra: ["document": ["file_id": "pdf", "mime_type": "application/pdf"]])
            let groupJoin = FakeTelegram.message(chatId: -100_555, extra: ["new_chat_members": [["id": 1]]])
            let updates = try [huge, video, sticker, pdf, groupJoin].map {
                try Telegram.Update.decode(fake.update(message: $0).json)
            }
            try await harness.intake().accept(updates + [Telegram.Update(updateId: 1)])
            let replies = try await harness.jobs(DeliverReplyJob.self).map(\.payload).sorted { $0.chatId < $1.chatId }
            #expect(replies.map(\.chatId) == ["tg:20", "tg:21", "tg:23"])
            #expect(replies[0].text == TelegramReplies.tooLarge)
            #expect(replies[1].text == TelegramReplies.unsupported)
            // No agent turn records these: the delivery writes them in the history.
            #expect(replies[0].history == .init(incoming: TelegramIntake.tooLargeEntry, kind: .audio))
            #expect(replies[1].history == .init(incoming: TelegramIntake.unsupportedEntry))
            #expect(try await harness.allJobs().count == 3)
        }
    }
}

extension Telegram.Update {
    static func decode(_ json: Data) throws -> Telegram.Update {
        try JSONDecoder().decode(Telegram.Update.self, from: json)
    }
}
