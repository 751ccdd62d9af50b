import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Assistant
@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

/// Telegram-native answers at the front end: button presses (`callback_query`), shared
/// contacts and locations become the right jobs, and everything a press may carry that is
/// not one of this bot's buttons for that chat is a clean refusal.
extension TelegramHarness {
    /// Posts updates to the webhook route as Telegram does (with the secret header); the
    /// status of each.
    func postToWebhook(_ updates: [Data]) async throws -> [HTTPResponse.Status] {
        try await app().test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for update in updates {
                var headers: HTTPFields = [.contentType: "application/json"]
                headers[.init("X-Telegram-Bot-Api-Secret-Token")!] = TelegramHarness.secret
                statuses.append(
                    try await client.execute(
                        uri: "/telegram/webhook", method: .post, headers: headers, body: ByteBuffer(data: update)
                    ).status)
            }
            return statuses
        }
    }
}

@Suite("Telegram buttons, contacts and locations at the webhook")
struct TelegramButtonsIntakeTests {
    func post(_ harness: TelegramHarness, _ updates: [Data]) async throws -> [HTTPResponse.Status] {
        try await harness.postToWebhook(updates)
    }

    @Test func aPressOnThisChatsButtonIsAnsweredAndTypedIntoTheChatsLine() async throws {
        try await TelegramHarness.run { harness in
            let chat: Int64 = 4_400_000_001
            let data = TelegramButtonData.encode(chatId: chat, action: .yes)
            #expect(data == "v1:4400000001:si")
            // Message 600 is the newest one the delivery worker sent this chat with buttons.
            try await harness.fixture.redis.send("SET", TelegramKeys.latestKeyboard(chat), "600")
            let press = harness.fake.update(
                field: "callback_query", FakeTelegram.callbackQuery(id: "q-1", fromId: chat, chatId: chat, data: data))
            #expect(try await post(harness, [press.json]) == [.ok])
            let messages = try await harness.jobs(ChatMessageJob.self)
            let message = try #require(messages.first)
            #expect(messages.count == 1)
            #expect(message.payload.chatId == "tg:4400000001")
            #expect(message.payload.message == "sí")
            // The same ordering key as a typed message: the chat's line.
            #expect(message.payload.orderingKey == "tg:4400000001")
            let answers = try await harness.jobs(TelegramCallbackAnswerJob.self).map(\.payload)
            #expect(answers == [TelegramCallbackAnswerJob(chatId: "tg:4400000001", callbackQueryId: "q-1")])
            let typing = try await harness.jobs(TelegramTypingJob.self).map(\.payload)
            #expect(typing == [TelegramTypingJob(chatId: "tg:4400000001", jobId: message.id)])
            // Telegram delivering the same press again adds nothing.
            #expect(try await post(harness, [press.json]) == [.ok])
            #expect(try await harness.allJobs().count == 3)
        }
    }

    /// Only the newest keyboard of a chat is taken: a button of an older message (a quantity
    /// picker for another product, a confirmation already superseded), or of a chat that was
    /// never sent one, gets a notice and reaches nobody.
    @Test func aPressOnAnOlderMessagesButtonIsAnsweredButNotTyped() async throws {
        try await TelegramHarness.run { harness in
            let chat: Int64 = 4_400_000_002
            let never: Int64 = 4_400_000_003
            try await harness.fixture.redis.send("SET", TelegramKeys.latestKeyboard(chat), "601")
            let old = harness.fake.update(
                field: "callback_query",
                FakeTelegram.callbackQuery(
                    id: "q-old", fromId: chat, chatId: chat, messageId: 600,
                    data: TelegramButtonData.encode(chatId: chat, action: .quantity(3))))
            let unknown = harness.fake.update(
                field: "callback_query",
                FakeTelegram.callbackQuery(
                    id: "q-never", fromId: never, chatId: never, messageId: 600,
                    data: TelegramButtonData.encode(chatId: never, action: .yes)))
            #expect(try await post(harness, [old.json, unknown.json]) == [.ok, .ok])
            #expect(try await harness.jobs(ChatMessageJob.self).isEmpty)
            let answers = try await harness.jobs(TelegramCallbackAnswerJob.self).map(\.payload)
            #expect(answers.count == 2)
            #expect(answers.allSatisfy { $0.text == TelegramReplies.buttonStale })
            // The newest keyboard's press goes through.
            let current = harness.fake.update(
                field: "callback_query",
                FakeTelegram.callbackQuery(
                    id: "q-new", fromId: chat, chatId: chat, messageId: 601,
                    data: TelegramButtonData.encode(chatId: chat, action: .quantity(3))))
            #expect(try await post(harness, [current.json]) == [.ok])
            #expect(try await harness.jobs(ChatMessageJob.self).map(\.payload.message) == ["3"])
        }
    }

    @Test func aForgedPressForAnotherChatOrByAnotherUserIsRefused() async throws {
        try await TelegramHarness.run { harness in
            let victim: Int64 = 4_400_000_002
            let attacker: Int64 = 4_400_000_003
            let fake = harness.fake
            // A button whose data names another chat, pressed in the attacker's chat.
            let otherChat = fake.update(
                field: "callback_query",
                FakeTelegram.callbackQuery(
                    id: "q-a", fromId: attacker, chatId: attacker,
                    data: TelegramButtonData.encode(chatId: victim, action: .yes)))
            // A press reported in the victim's private chat but made by someone else.
            let otherUser = fake.update(
                field: "callback_query",
                FakeTelegram.callbackQuery(
                    id: "q-b", fromId: attacker, chatId: victim,
                    data: TelegramButtonData.encode(chatId: victim, action: .yes)))
            #expect(try await post(harness, [otherChat.json, otherUser.json]) == [.ok, .ok])
            #expect(try await harness.jobs(ChatMessageJob.self).isEmpty)
            let answers = try await harness.jobs(TelegramCallbackAnswerJob.self).map(\.payload)
            #expect(Set(answers.map(\.callbackQueryId)) == ["q-a", "q-b"])
            #expect(answers.allSatisfy { $0.text == TelegramReplies.buttonRefused })
        }
    }

    @Test func oversizedOrGarbageCallbackDataIsACleanRefusal() async throws {
        try await TelegramHarness.run { harness in
            let chat: Int64 = 4_400_000_004
            let prefix = "v1:\(chat):"
            let garbage: [Any?] = [
                nil, "", prefix + String(repeating: "c", count: 70), String(repeating: "x", count: 500_000),
                prefix + "sí", prefix + "c0", prefix + "c1000", prefix + "c01", prefix + "c-1", prefix + "c٣",
                prefix + "SI", "v2:\(chat):si", "v1:\(chat):si:extra", "v1::si", "v1:abc:si", prefix,
                "v1:99999999999999999999999:si", prefix + "si\u{0}", prefix + "si ", "\u{202E}" + prefix + "si",
                12, ["si"], true,
            ]
            var updates: [Data] = []
            for (index, data) in garbage.enumerated() {
                var query = FakeTelegram.callbackQuery(id: "g-\(index)", fromId: chat, chatId: chat, data: nil)
                if let data { query["data"] = data }
                updates.append(harness.fake.update(field: "callback_query", query).json)
            }
            // A press without its message (an inline-mode message) and one with a broken message.
            var noMessage = FakeTelegram.callbackQuery(
                id: "g-nomsg", fromId: chat, chatId: chat, data: prefix + "si")
            noMessage["message"] = nil
            var brokenMessage = noMessage
            brokenMessage["id"] = "g-broken"
            brokenMessage["message"] = ["chat": "no es un chat"]
            updates.append(harness.fake.update(field: "callback_query", noMessage).json)
            updates.append(harness.fake.update(field: "callback_query", brokenMessage).json)
            let statuses = try await post(harness, updates)
            #expect(statuses == Array(repeating: .ok, count: updates.count))
            #expect(try await harness.jobs(ChatMessageJob.self).isEmpty)
            let answers = try await harness.jobs(TelegramCallbackAnswerJob.self).map(\.payload)
            #expect(answers.count == updates.count)
            #expect(answers.allSatisfy { $0.text == TelegramReplies.buttonRefused })
        }
    }

    @Test func theDataCodecReadsOnlyItsOwnShape() {
        #expect(
            TelegramButtonData.decode("v1:-1001234567890123:c12", chatId: -1_001_234_567_890_123)
                == .success(.quantity(12)))
        #expect(TelegramButtonData.decode("v1:5:cancelar", chatId: 5) == .success(.cancel))
        #expect(TelegramButtonData.decode("v1:5:no", chatId: 5) == .success(.no))
        #expect(TelegramButtonData.decode("v1:5:si", chatId: 6) == .failure(.otherChat))
        #expect(TelegramButtonData.decode(String(repeating: "a", count: 65), chatId: 5) == .failure(.tooLong))
        #expect(TelegramButtonData.decode("v1:5:borrar", chatId: 5) == .failure(.unknownAction))
        #expect(TelegramButtonData.decode(nil, chatId: 5) == .failure(.missing))
        // The longest data the bot writes fits Telegram's 64 bytes.
        let longest = TelegramButtonData.encode(chatId: Int64.min, action: .cancel)
        #expect(longest.utf8.count <= Telegram.maxCallbackDataBytes)
        #expect(TelegramButtonData.decode(longest, chatId: Int64.min) == .success(.cancel))
    }

    @Test func onlyTheSendersOwnContactBecomesTheirPhone() async throws {
        try await TelegramHarness.run { harness in
            let chat: Int64 = 4_400_000_005
            let fake = harness.fake
            let own = fake.update(
                message: FakeTelegram.message(
                    chatId: chat,
                    extra: ["contact": ["phone_number": "+57 318 284 2304", "first_name": "Ana", "user_id": chat]]))
            let forwarded = fake.update(
                message: FakeTelegram.message(
                    chatId: chat + 1,
                    extra: ["contact": ["phone_number": "3001112233", "first_name": "Luis", "user_id": 99_999]]))
            let notAUser = fake.update(
                message: FakeTelegram.message(
                    chatId: chat + 2, extra: ["contact": ["phone_number": "3001112233", "first_name": "Luis"]]))
            #expect(try await post(harness, [own.json, forwarded.json, notAUser.json]) == [.ok, .ok, .ok])
            let messages = try await harness.jobs(ChatMessageJob.self).map(\.payload)
            #expect(messages.map(\.chatId) == ["tg:4400000005"])
            #expect(messages.first?.shared == .init(phone: "+57 318 284 2304"))
            #expect(messages.first?.historyText == "[Comparte su número: +57 318 284 2304]")
            let replies = try await harness.jobs(DeliverReplyJob.self).map(\.payload).sorted { $0.chatId < $1.chatId }
            #expect(replies.map(\.chatId) == ["tg:4400000006", "tg:4400000007"])
            #expect(replies.allSatisfy { $0.text == TelegramReplies.foreignContact })
            #expect(!TelegramReplies.foreignContact.contains("Por ahora puedo"))
        }
    }

    @Test func aSharedLocationOrVenueTravelsAsTextAndImpossibleOnesAreNot() async throws {
        try await TelegramHarness.run { harness in
            let fake = harness.fake
            let location = fake.update(
                message: FakeTelegram.message(
                    chatId: 4_400_000_010, extra: ["location": ["latitude": 3.451632, "longitude": -76.531972]]))
            let venue = fake.update(
                message: FakeTelegram.message(
                    chatId: 4_400_000_011,
                    extra: [
                        "location": ["latitude": 4.6097, "longitude": -74.0817],
                        "venue": [
                            "location": ["latitude": 4.6097, "longitude": -74.0817], "title": "Bodega 4",
                            "address": "Calle 13 # 68-20",
                        ],
                    ]))
            let impossible = fake.update(
                message: FakeTelegram.message(
                    chatId: 4_400_000_012, extra: ["location": ["latitude": 200.0, "longitude": 10.0]]))
            #expect(try await post(harness, [location.json, venue.json, impossible.json]) == [.ok, .ok, .ok])
            let messages = try await harness.jobs(ChatMessageJob.self).map(\.payload).sorted { $0.chatId < $1.chatId }
            #expect(
                messages.map(\.shared?.location) == [
                    "Ubicación: 3.45163, -76.53197", "Ubicación: Bodega 4, Calle 13 # 68-20 (4.60970, -74.08170)",
                ])
            let replies = try await harness.jobs(DeliverReplyJob.self).map(\.payload)
            #expect(replies.map(\.chatId) == ["tg:4400000012"])
        }
    }

    @Test func pollingAndTheWebhookAskForButtonPresses() async throws {
        try await TelegramHarness.run { harness in
            let client = harness.client()
            try await client.setWebhook(
                url: "https://tienda.example.co/telegram/webhook", secret: TelegramHarness.secret)
            try await client.deleteWebhook()
            _ = try await client.getUpdates(offset: nil, timeout: 0)
            for method in ["setWebhook", "getUpdates"] {
                let body = try #require(harness.fake.calls(method).last?.json as? [String: Any])
                #expect(body["allowed_updates"] as? [String] == ["message", "callback_query"], "\(method)")
            }
        }
    }
}

/// The same through the whole pipeline: the webhook, Redis, the agent and the order worker,
/// the delivery worker sending to the fake Telegram (which records keyboards and
/// `answerCallbackQuery`).
@Suite("Telegram buttons, contacts and locations through the agent", .serialized)
struct TelegramButtonsPipelineTests {
    final class ButtonPipeline: @unchecked Sendable {
        let harness: TelegramHarness
        let waiters: JobWaiters
        let worker: InProcessWorker

        init(_ harness: TelegramHarness) throws {
            self.harness = harness
            let data = TestPaths.repoRoot.appendingPathComponent("data")
            _ = try harness.database.seedIfEmpty(
                catalogCSV: try String(contentsOf: data.appendingPathComponent("catalogo.csv"), encoding: .utf8),
                companyText: try String(
                    contentsOf: data.appendingPathComponent("contexto_empresa.md"), encoding: .utf8))
            waiters = JobWaiters(client: harness.fixture.jobs)
            waiters.start()
            let retrieval = RetrievalConfig(
                provider: .none, searchDataDirectory: data.appendingPathComponent("busqueda").path)
            let agent = try AgentResources.make(
                config: AgentConfig(orderWait: .seconds(60)), retrieval: retrieval, database: harness.database,
                jobs: harness.fixture.jobs,
                waiters: waiters, transport: CurlTransport(), logger: harness.fixture.logger)
            let registry = WorkerHandlers.registry(
                commerce: CommerceResources(database: harness.database, uploadsDirectory: harness.directory.url.path),
                delivery: harness.delivery(), agent: agent)
            worker = try InProcessWorker(harness.fixture, registry: registry)
        }

        func stop() async {
            await worker.stop()
        }

        /// Posts updates to the webhook as Telegram does.
        func post(_ updates: [Data]) async throws {
            let statuses = try await harness.postToWebhook(updates)
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
        }

        /// A cart of 2 helmets, then name and cédula: the agent asks for the phone.
        func reachThePhoneQuestion(_ chat: Int64) async throws -> FakeTelegram.Sent {
            _ = try await say(chat, "quiero 2 cascos dieléctricos")
            _ = try await say(chat, "eso es todo")
            return try await say(chat, "Ana María Gómez, cc 1.107.654.321")
        }

        func sent(to chat: Int64) -> [FakeTelegram.Sent] {
            harness.fake.sentMessages.filter { $0.chatId == chat }
        }

        /// Sends one update and waits for the chat's next reply.
        func exchange(_ chat: Int64, _ update: Data) async throws -> FakeTelegram.Sent {
            let before = sent(to: chat).count
            try await post([update])
            let arrived = await eventually(timeout: TestPaths.loadedWait) { self.sent(to: chat).count > before }
            #expect(arrived, "sin respuesta en \(chat)")
            return try #require(sent(to: chat).last)
        }

        func say(_ chat: Int64, _ text: String) async throws -> FakeTelegram.Sent {
            try await exchange(chat, harness.fake.update(message: FakeTelegram.message(chatId: chat, text: text)).json)
        }

        func shareContact(_ chat: Int64, phone: String, userId: Int64?) async throws -> FakeTelegram.Sent {
            var contact: [String: Any] = ["phone_number": phone, "first_name": "Ana"]
            if let userId { contact["user_id"] = userId }
            return try await exchange(
                chat, harness.fake.update(message: FakeTelegram.message(chatId: chat, extra: ["contact": contact])).json
            )
        }

        /// A press of a button of `message` (a message the bot sent this chat).
        func press(_ chat: Int64, data: String, id: String, on message: FakeTelegram.Sent, from: Int64? = nil)
            async throws -> FakeTelegram.Sent
        {
            try await exchange(
                chat,
                harness.fake.update(
                    field: "callback_query",
                    FakeTelegram.callbackQuery(
                        id: id, fromId: from ?? chat, chatId: chat, messageId: message.messageId, data: data)
                ).json)
        }

        func orders(_ chat: Int64) throws -> [Order] {
            try harness.database.listOrders(OrderFilter(chatId: TelegramChatID.make(chat))).results
        }
    }

    @Test func ownContactFillsThePhoneALocationIsKeptAndTheConfirmButtonPlacesTheOrder() async throws {
        try await TelegramHarness.run { harness in
            let pipeline = try ButtonPipeline(harness)
            let chat: Int64 = 4_400_000_100
            let askPhone = try await pipeline.reachThePhoneQuestion(chat)
            #expect(askPhone.text.contains("celular"), "\(askPhone.text)")
            #expect(
                askPhone.requestsContact,
                "el teclado con «Compartir mi número»: \(String(describing: askPhone.replyMarkup))")
            #expect(askPhone.replyMarkup?["one_time_keyboard"] as? Bool == true)

            let afterContact = try await pipeline.shareContact(chat, phone: "+573182842304", userId: chat)
            #expect(afterContact.text.contains("tomé su número"), "\(afterContact.text)")
            #expect(afterContact.text.contains("correo"), "pasa al dato siguiente: \(afterContact.text)")
            #expect(!afterContact.text.contains("Por ahora puedo"))
            #expect(!afterContact.requestsContact)

            let summary = try await pipeline.say(
                chat, "ana@example.com, Calle 5 # 38-21, barrio San Fernando, entregar en portería")
            #expect(summary.text.contains("Celular: 3182842304"), "\(summary.text)")
            #expect(summary.inlineButtons.map(\.text) == ["Confirmar pedido", "Cambiar algo", "Cancelar pedido"])

            let located = try await pipeline.exchange(
                chat,
                harness.fake.update(
                    message: FakeTelegram.message(
                        chatId: chat, extra: ["location": ["latitude": 3.451632, "longitude": -76.531972]])
                ).json)
            #expect(located.text.contains("guardé su ubicación"), "\(located.text)")
            #expect(located.text.contains("Ubicación: 3.45163, -76.53197"), "el resumen la muestra: \(located.text)")
            let confirm = try #require(located.inlineButtons.first { $0.text == "Confirmar pedido" })
            #expect(try pipeline.orders(chat).isEmpty)

            // The summary before the location had the same buttons; they are not the newest
            // once the delivery worker has recorded the new message (just after Telegram took it).
            let recorded = try await eventually(timeout: TestPaths.loadedWait) {
                let newest = try await harness.fixture.jobs.redis.send("GET", TelegramKeys.latestKeyboard(chat))
                return newest.string == String(located.messageId)
            }
            #expect(recorded)
            let oldConfirm = try #require(summary.inlineButtons.first { $0.text == "Confirmar pedido" })
            let before = pipeline.sent(to: chat).count
            _ = try await harness.postToWebhook([
                harness.fake.update(
                    field: "callback_query",
                    FakeTelegram.callbackQuery(
                        id: "press-old", fromId: chat, chatId: chat, messageId: summary.messageId, data: oldConfirm.data
                    )
                ).json
            ])
            let noticed = await eventually(timeout: TestPaths.loadedWait) {
                harness.fake.answeredCallbacks.contains {
                    $0.id == "press-old" && $0.text == TelegramReplies.buttonStale
                }
            }
            #expect(noticed, "\(harness.fake.answeredCallbacks)")
            #expect(try pipeline.orders(chat).isEmpty)
            #expect(pipeline.sent(to: chat).count == before)

            let placed = try await pipeline.press(chat, data: confirm.data, id: "press-confirm", on: located)
            let order = try #require(try pipeline.orders(chat).first)
            #expect(placed.text.contains("#\(order.id)"), "\(placed.text)")
            #expect(order.items.map(\.quantity) == [2])
            #expect(order.client.phone == "3182842304")
            #expect(order.client.notes == "entregar en portería. Ubicación: 3.45163, -76.53197")
            #expect(placed.inlineButtons.isEmpty && !placed.requestsContact)
            // The press was answered (the client's spinner stops), without a notice.
            let answered = await eventually(timeout: TestPaths.loadedWait) {
                harness.fake.answeredCallbacks.contains { $0.id == "press-confirm" }
            }
            #expect(answered)
            #expect(harness.fake.answeredCallbacks.first { $0.id == "press-confirm" }?.text == nil)
            // The history shows the press as the words it stands for.
            let history = try harness.database.history(chatId: TelegramChatID.make(chat))
            #expect(history.contains { $0.sender == .user && $0.content == "sí" })
            #expect(history.contains { $0.sender == .user && $0.content == "[Comparte su número: +573182842304]" })
            await pipeline.stop()
        }
    }

    @Test func someoneElsesContactIsNotThePhoneAndAForgedPressDoesNothing() async throws {
        try await TelegramHarness.run { harness in
            let pipeline = try ButtonPipeline(harness)
            let chat: Int64 = 4_400_000_200
            _ = try await pipeline.reachThePhoneQuestion(chat)
            let refused = try await pipeline.shareContact(chat, phone: "+573001112233", userId: 77_777)
            #expect(refused.text == TelegramReplies.foreignContact)
            let state = try #require(try await harness.database.dialogue(chatId: TelegramChatID.make(chat)))
            #expect(state.form[.phone] == nil)
            #expect(state.form.requested == .phone)
            // Typing the phone still works.
            let typed = try await pipeline.say(chat, "3182842304")
            #expect(typed.text.contains("correo"), "\(typed.text)")
            let summary = try await pipeline.say(
                chat, "ana@example.com, Calle 5 # 38-21, barrio San Fernando, entregar en portería")
            #expect(summary.text.contains("Celular: 3182842304"), "\(summary.text)")
            #expect(!summary.text.contains("3001112233"))
            // A press forged for this chat from another chat, and one by another user here:
            // refused with a notice, and no order.
            let data = TelegramButtonData.encode(chatId: chat, action: .yes)
            let other: Int64 = 4_400_000_201
            try await pipeline.post([
                harness.fake.update(
                    field: "callback_query",
                    FakeTelegram.callbackQuery(id: "forged-1", fromId: other, chatId: other, data: data)
                ).json,
                harness.fake.update(
                    field: "callback_query",
                    FakeTelegram.callbackQuery(id: "forged-2", fromId: other, chatId: chat, data: data)
                ).json,
                harness.fake.update(
                    field: "callback_query",
                    FakeTelegram.callbackQuery(
                        id: "forged-3", fromId: chat, chatId: chat, data: String(repeating: "9", count: 4096))
                ).json,
            ])
            let answered = await eventually(timeout: TestPaths.loadedWait) { harness.fake.answeredCallbacks.count == 3 }
            #expect(answered)
            #expect(harness.fake.answeredCallbacks.allSatisfy { $0.text == TelegramReplies.buttonRefused })
            #expect(try pipeline.orders(chat).isEmpty)
            // The typed yes still confirms.
            let placed = try await pipeline.say(chat, "sí")
            let order = try #require(try pipeline.orders(chat).first)
            #expect(placed.text.contains("#\(order.id)"))
            #expect(order.client.phone == "3182842304")
            await pipeline.stop()
        }
    }
}
