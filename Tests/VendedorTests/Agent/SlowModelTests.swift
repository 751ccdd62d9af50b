import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

/// The reply worker against a slow model, in two `vendedor-workers` processes sharing one
/// Redis: the model's concurrency limit is shared, each chat's messages are answered one at
/// a time and in order, and a storm of 429s slows the queue without losing or reordering
/// anything. The model is `FakeChatModel` on loopback; deliveries are recorded in process.
@Suite("Reply worker with a slow model in two processes")
struct SlowModelTests {
    /// Two worker processes serving `chat` and `pedidos` with the model at `model`, a
    /// database with the demo catalog, and a recorder standing in for the delivery worker.
    final class Rig: @unchecked Sendable {
        let fixture: QueueFixture
        let database: AppDatabase
        let waiters: JobWaiters
        let deliveries = JobRecorder<DeliverReplyJob>()
        let delivery: InProcessWorker
        var processes: [WorkerProcess] = []

        init(model: FakeChatModel, settings: [String: String] = [:], chat: [String: Any] = [:]) async throws {
            // Few jobs per process, so that both take part and each alone could exceed a
            // shared limit of 3.
            fixture = try await QueueFixture(
                overrides: ["chat": ["concurrency": 4, "cpu_concurrency": 2, "batch_size": 2].merging(chat) { $1 }])
            database = try AppDatabase.open(path: fixture.queuesDirectory.appendingPathComponent("app.db").path)
            let data = TestPaths.repoRoot.appendingPathComponent("data")
            _ = try database.seedIfEmpty(
                catalogCSV: try String(contentsOf: data.appendingPathComponent("catalogo.csv"), encoding: .utf8),
                companyText: try String(
                    contentsOf: data.appendingPathComponent("contexto_empresa.md"), encoding: .utf8))
            var registry = JobRegistry()
            registry.register(deliveries.handler)
            delivery = try InProcessWorker(fixture, registry: registry, queues: ["entregas"])
            waiters = JobWaiters(client: fixture.jobs)
            waiters.start()
            var environment = fixture.environment
            environment["EMBEDDINGS_PROVIDER"] = "none"
            environment["LLM_PROVIDER"] = "openai"
            environment["OPENAI_BASE_URL"] = model.baseURL
            environment["OPENAI_API_KEY"] = FakeChatModel.key
            environment["DEFAULT_MODEL"] = "modelo-lento"
            environment.merge(settings) { $1 }
            for _ in 0..<2 {
                processes.append(try WorkerProcess(environment: environment, arguments: ["--queues", "chat,pedidos"]))
            }
        }

        /// The stored id of the test channel's chat `chatId` (chats are scoped by channel).
        static func stored(_ chatId: String) -> String { ChatScope.scoped(chatId, channel: "pruebas") }

        func send(_ chatId: String, _ text: String) async throws -> String {
            try await fixture.jobs.enqueue(
                ChatMessageJob(
                    chatId: Self.stored(chatId), channel: .http, message: text, receivedMs: WallClock.nowMs()),
                owner: "pruebas"
            ).id
        }

        /// Every job completed, or the processes' logs in the failure.
        func expectCompleted(_ ids: [String]) async throws {
            for id in ids {
                let status = try await waiters.wait(for: id, timeout: TestPaths.loadedWait)
                #expect(status?.state == .completed, "\(id): \(processes.map(\.log).joined(separator: "\n---\n"))")
            }
        }

        /// The customer's messages in the chat's stored history, each followed by a reply.
        func expectHistory(_ chatId: String, _ sent: [String]) throws {
            let history = try database.history(chatId: Self.stored(chatId))
            #expect(history.filter { $0.sender == .user }.map(\.content) == sent)
            #expect(history.map(\.sender) == Array(repeating: [Sender.user, .agent], count: sent.count).flatMap { $0 })
        }

        func stop() async {
            for process in processes { process.terminate() }
            for process in processes { _ = await process.waitForExit(timeout: .seconds(20)) }
            await delivery.stop()
            waiters.stop()
            fixture.tearDown()
        }
    }

    @Test func theModelsConcurrencyLimitHoldsAcrossTwoWorkerProcesses() async throws {
        // A second per call: long enough that both processes have calls out at once even on
        // a busy machine, so reaching the limit (not only staying under it) is checked.
        try await FakeChatModel.run(latency: .seconds(1)) { model in
            let rig = try await Rig(model: model, settings: ["LLM_MAX_CONCURRENT": "3"])
            var ids: [String] = []
            for index in 0..<24 {
                ids.append(try await rig.send("limite-\(index)", "hola, ¿tienen guantes de vaqueta?"))
            }
            try await rig.expectCompleted(ids)
            // Each process holds up to 4 jobs; together they never had more than 3 calls out.
            #expect(model.maxInFlight == 3)
            #expect(model.answered == 24)
            #expect(model.refused == 0)
            let providers = try await rig.fixture.jobs.providers()
            #expect(providers.map(\.name) == ["modelo"])
            #expect(providers.first?.maxConcurrent == 3)
            #expect(providers.first?.inFlight == 0)
            await rig.stop()
        }
    }

    static func conversation(_ chat: Int) -> [String] {
        [
            "hola, buenas (cliente \(chat))", "¿tienen guantes de vaqueta? (cliente \(chat))",
            "¿y botas de seguridad? (cliente \(chat))", "¿cuál es el horario? (cliente \(chat))",
        ]
    }

    /// The calls the model received for one chat, by the marker in its messages.
    static func modelOrder(_ model: FakeChatModel, chat: Int) -> [String] {
        model.userMessages.filter { $0.hasSuffix("(cliente \(chat))") }
    }

    @Test func eachChatIsAnsweredInOrderUnderASlowModelWithTwoProcesses() async throws {
        try await FakeChatModel.run(latency: .milliseconds(150)) { model in
            let rig = try await Rig(model: model)
            var ids: [String] = []
            // Every chat's messages are sent at once, interleaved with the other chats'.
            for turn in 0..<4 {
                for chat in 0..<6 { ids.append(try await rig.send("orden-\(chat)", Self.conversation(chat)[turn])) }
            }
            try await rig.expectCompleted(ids)
            for chat in 0..<6 {
                try rig.expectHistory("orden-\(chat)", Self.conversation(chat))
                #expect(Self.modelOrder(model, chat: chat) == Self.conversation(chat))
            }
            let delivered = try await rig.deliveries.wait(for: ids.count)
            for chat in 0..<6 {
                let jobs = delivered.filter { $0.chatId == Rig.stored("orden-\(chat)") }.compactMap(\.jobId)
                #expect(jobs == (0..<4).map { ids[$0 * 6 + chat] })
            }
            await rig.stop()
        }
    }

    @Test func a429StormSlowsTheQueueWithoutLosingOrReorderingAnything() async throws {
        try await FakeChatModel.run(latency: .milliseconds(50)) { model in
            model.rateLimitStorm(count: 40, retryAfterMs: 200)
            let rig = try await Rig(model: model)
            var ids: [String] = []
            for turn in 0..<4 {
                for chat in 0..<5 { ids.append(try await rig.send("tormenta-\(chat)", Self.conversation(chat)[turn])) }
            }
            try await rig.expectCompleted(ids)
            // Every 429 was served (the storm happened), every message was answered once and
            // recorded in its chat's order, and each chat's later calls came after its earlier ones.
            let calls = model.server.requests(matching: FakeChatModel.path)
            #expect(calls.count >= 40 + model.answered)
            #expect(model.refused == 0)
            for chat in 0..<5 {
                try rig.expectHistory("tormenta-\(chat)", Self.conversation(chat))
                var seen: [String] = []
                for message in Self.modelOrder(model, chat: chat) where seen.last != message { seen.append(message) }
                #expect(seen == Self.conversation(chat))
            }
            let delivered = try await rig.deliveries.wait(for: ids.count)
            #expect(Set(delivered.compactMap(\.jobId)) == Set(ids))
            await rig.stop()
        }
    }
}
