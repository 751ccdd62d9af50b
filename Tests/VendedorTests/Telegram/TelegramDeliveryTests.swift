import Foundation
import Testing

@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support
@testable import Workers

@Suite("Telegram: the delivery worker (rate limits, 429, 403, long texts)")
struct TelegramDeliveryTests {
    /// Enqueues the replies in one step (each chat's in the given order) and returns their ids.
    func enqueue(_ harness: TelegramHarness, _ replies: [DeliverReplyJob]) async throws -> [String] {
        try await harness.fixture.jobs.enqueue(try replies.map { try NewJob($0) }).map(\.id)
    }

    func reply(_ chat: Int64, _ text: String) -> DeliverReplyJob {
        DeliverReplyJob(chatId: TelegramChatID.make(chat), channel: .telegram, text: text)
    }

    /// Waits until every job is finished; returns their statuses.
    func finished(_ harness: TelegramHarness, _ ids: [String], timeout: Duration = TestPaths.loadedWait) async throws
        -> [JobStatus]
    {
        var statuses: [JobStatus] = []
        _ = try await eventually(timeout: timeout) {
            statuses = try await ids.asyncMap { try await harness.fixture.status($0) }.compactMap { $0 }
            return statuses.count == ids.count && statuses.allSatisfy(\.isFinished)
        }
        #expect(statuses.count == ids.count && statuses.allSatisfy(\.isFinished), "quedaron trabajos sin terminar")
        return statuses
    }

    /// Checks what the fake saw against both limits, with a small tolerance for the time
    /// between a slot and the request's arrival. Lower bounds on spacing only.
    func expectWithinLimits(_ sent: [FakeTelegram.Sent], perChatSpacing: Double = 1.0, globalPerSecond: Int = 30) {
        for (chat, messages) in Dictionary(grouping: sent, by: \.chatId) {
            let times = messages.map(\.at).sorted()
            for (earlier, later) in zip(times, times.dropFirst()) {
                let gap = later.timeIntervalSince(earlier)
                #expect(gap >= perChatSpacing - 0.2, "dos mensajes al chat \(chat) con \(gap) s entre ellos")
            }
        }
        let times = sent.map(\.at).sorted()
        var busiest = 0
        for (index, start) in times.enumerated() {
            let inWindow = times[index...].prefix { $0.timeIntervalSince(start) < 1.0 }.count
            busiest = max(busiest, inWindow)
        }
        #expect(busiest <= globalPerSecond + 3, "\(busiest) mensajes en un segundo")
    }

    @Test func aBurstOf200RepliesTo10ChatsKeepsBothLimitsAndLosesNone() async throws {
        try await TelegramHarness.run { harness in
            let chats: [Int64] = (0..<10).map { 5_000_000_000 + $0 }
            var replies: [DeliverReplyJob] = []
            for k in 0..<20 {
                for chat in chats { replies.append(reply(chat, "Respuesta \(k) para el chat \(chat)")) }
            }
            let ids = try await enqueue(harness, replies)
            let worker = try harness.worker(["entregas"])
            let statuses = try await finished(harness, ids)
            await worker.stop()
            #expect(statuses.allSatisfy { $0.state == .completed })
            #expect(statuses.allSatisfy { $0.attempts == 1 }, "esperar el límite no debe gastar intentos")
            let sent = harness.fake.sentMessages
            #expect(sent.count == 200)
            #expect(Set(sent.map(\.text)) == Set(replies.map(\.text)))
            for chat in chats {
                let texts = sent.filter { $0.chatId == chat }.map(\.text)
                #expect(texts == (0..<20).map { "Respuesta \($0) para el chat \(chat)" }, "orden del chat \(chat)")
            }
            expectWithinLimits(sent)
        }
    }

    @Test func manyChatsAtOnceAreHeldToThirtyMessagesPerSecondOverall() async throws {
        try await TelegramHarness.run { harness in
            let chats: [Int64] = (0..<60).map { 7_000_000 + $0 }
            let replies = (0..<2).flatMap { k in chats.map { reply($0, "Mensaje \(k) al chat \($0)") } }
            let ids = try await enqueue(harness, replies)
            let worker = try harness.worker(["entregas"])
            let statuses = try await finished(harness, ids)
            await worker.stop()
            #expect(statuses.allSatisfy { $0.state == .completed && $0.attempts == 1 })
            let sent = harness.fake.sentMessages
            #expect(sent.count == 120)
            #expect(Set(sent.map(\.text)).count == 120)
            expectWithinLimits(sent)
        }
    }

    @Test func a429WaitsRetryAfterWithoutUsingAnAttempt() async throws {
        try await TelegramHarness.run { harness in
            // The call hands long waits back to the engine (retry-after), as in production.
            let delivery = harness.delivery(policy: .init(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 0.5))
            harness.fake.injectFlood(retryAfter: 2)
            let ids = try await enqueue(harness, [reply(42, "Su pedido quedó registrado.")])
            let worker = try harness.worker(["entregas"], delivery: delivery)
            let status = try await finished(harness, ids).first
            await worker.stop()
            #expect(status?.state == .completed)
            #expect(status?.attempts == 1)
            let calls = harness.fake.calls("sendMessage")
            #expect(calls.count == 2)
            if calls.count == 2 {
                #expect(calls[1].at.timeIntervalSince(calls[0].at) >= 1.8, "no esperó retry_after")
            }
            #expect(harness.fake.sentMessages.map(\.text) == ["Su pedido quedó registrado."])
        }
    }

    @Test func aBlockedBotIsARecordedPermanentFailure() async throws {
        try await TelegramHarness.run { harness in
            harness.fake.block(chatId: 99)
            let ids = try await enqueue(harness, [reply(99, "Hola de nuevo"), reply(98, "Para otro chat")])
            let worker = try harness.worker(["entregas"])
            let statuses = try await finished(harness, ids)
            await worker.stop()
            let blocked = try #require(statuses.first { $0.id == ids[0] })
            #expect(blocked.state == .failed)
            #expect(blocked.attempts == 1)
            #expect(blocked.error?.contains("403") == true)
            #expect(statuses.first { $0.id == ids[1] }?.state == .completed)
            #expect(try harness.database.chatControl(chatId: "tg:98").channel == .telegram)
            #expect(harness.fake.calls("sendMessage").count == 2)  // no retry of the blocked one
            let history = try harness.database.history(chatId: "tg:99")
            #expect(try harness.database.history(chatId: "tg:98").isEmpty, "la respuesta del agente la anota su turno")
            #expect(history.map(\.sender) == [.system])
            #expect(history.first?.content == TelegramReplies.blockedNote)
            #expect(history.first?.metadata?.objectValue?["entrega"] == .string("bloqueado"))
        }
    }

    /// A group upgraded to a supergroup: Telegram refuses the old id with the new one in
    /// `parameters.migrate_to_chat_id`; the reply goes there, and so do later replies to the
    /// old id, without another refused call.
    @Test func aReplyToAnUpgradedGroupGoesToItsSupergroup() async throws {
        try await TelegramHarness.run { harness in
            let supergroup: Int64 = -1_001_234_567_890
            harness.fake.migrate(chatId: -4_321, to: supergroup)
            let first = try await enqueue(harness, [reply(-4_321, "Tenemos cascos dieléctricos.")])
            let worker = try harness.worker(["entregas"])
            let firstStatus = try await finished(harness, first).first
            let second = try await enqueue(harness, [reply(-4_321, "¿Algo más?")])
            let secondStatus = try await finished(harness, second).first
            await worker.stop()
            #expect(firstStatus?.state == .completed)
            #expect(firstStatus?.attempts == 1)
            #expect(
                firstStatus?.result?.contains(#""migrado_a":"tg:\#(supergroup)""#) == true,
                "\(firstStatus?.result ?? "")")
            #expect(secondStatus?.state == .completed)
            #expect(harness.fake.sentMessages.map(\.chatId) == [supergroup, supergroup])
            #expect(harness.fake.sentMessages.map(\.text) == ["Tenemos cascos dieléctricos.", "¿Algo más?"])
            #expect(harness.fake.calls("sendMessage").count == 3)  // one refusal, then two sends
        }
    }

    /// A reply no agent turn records (the /start welcome) is written in the chat's history
    /// after delivery, with what the customer sent, once even if the delivery runs again.
    @Test func aReplyNobodyElseRecordsGoesInTheHistoryOnce() async throws {
        try await TelegramHarness.run { harness in
            var welcome = reply(77, "¡Bienvenido a la tienda!")
            welcome.history = .init(incoming: "/start")
            let ids = try await enqueue(harness, [welcome])
            let worker = try harness.worker(["entregas"])
            #expect(try await finished(harness, ids).first?.state == .completed)
            await worker.stop()
            let history = try harness.database.history(chatId: "tg:77")
            #expect(history.map(\.sender) == [.user, .agent])
            #expect(history.map(\.content) == ["/start", "¡Bienvenido a la tienda!"])
            #expect(history.allSatisfy { $0.metadata?.objectValue?["entrega_id"] == .string(ids[0]) })
            // The same delivery again (a re-run after a crash) writes nothing more.
            let again = try harness.database.recordDelivery(
                incoming: NewMessage(chatId: "tg:77", sender: .user, content: "/start"),
                reply: NewMessage(chatId: "tg:77", sender: .agent, content: "¡Bienvenido a la tienda!"),
                deliveryId: ids[0])
            #expect(!again)
            #expect(try harness.database.history(chatId: "tg:77").count == 2)
        }
    }

    @Test func aBadRequestFailsWithoutRetrying() async throws {
        try await TelegramHarness.run { harness in
            harness.fake.injectError(method: "sendMessage", code: 400, description: "Bad Request: chat not found")
            let ids = try await enqueue(harness, [reply(123, "Hola")])
            let worker = try harness.worker(["entregas"])
            let status = try await finished(harness, ids).first
            await worker.stop()
            #expect(status?.state == .failed)
            #expect(status?.error?.contains("chat not found") == true)
            #expect(harness.fake.calls("sendMessage").count == 1)
        }
    }

    @Test func aLongReplyGoesOutInPiecesInOrderAndARetrySkipsWhatWasSent() async throws {
        try await TelegramHarness.run { harness in
            let paragraph = String(
                repeating: "El extintor ABC de 20 libras cuesta $98.000 y viene con soporte. ", count: 20)
            let text = (1...8).map { "Sección \($0). \(paragraph)" }.joined(separator: "\n\n")
            let pieces = TelegramText.split(text)
            #expect(pieces.count >= 3)
            let first = try NewJob(reply(321, text))
            let second = try NewJob(reply(654, text))
            // As if an earlier run of the second job had sent its first piece and then died.
            try await harness.fixture.redis.send("SET", TelegramKeys.sentPieces(second.id), "1")
            _ = try await harness.fixture.jobs.enqueue([first, second])
            let worker = try harness.worker(["entregas"])
            let statuses = try await finished(harness, [first.id, second.id])
            await worker.stop()
            #expect(statuses.allSatisfy { $0.state == .completed })
            let sent = harness.fake.sentMessages
            #expect(sent.filter { $0.chatId == 321 }.map(\.text) == pieces)
            #expect(sent.filter { $0.chatId == 654 }.map(\.text) == Array(pieces.dropFirst()))
            #expect(sent.allSatisfy { $0.text.count <= 4096 && $0.parseMode == nil })
            expectWithinLimits(sent)
        }
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

extension JSONValue {
    fileprivate var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }
}
