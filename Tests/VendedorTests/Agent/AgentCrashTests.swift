import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

@Suite("A reply worker killed mid-conversation loses nothing")
struct AgentCrashTests {
    static let conversation = [
        "hola, necesito 4 mosquetones y 2 eslingas dobles",
        "cambia los mosquetones a 6",
        "eso es todo",
        "William Arango, CC 16.890.123, celular 3154443322, warango@example.com",
        "Carrera 39 # 9-50, barrio Colseguros",
        "no",
        "sí",
    ]

    @Test func killedWorkerProcessLosesNoMessageAndPlacesOneOrder() async throws {
        let fixture = try await QueueFixture(overrides: ["chat": ["visibility_timeout_ms": 1500]])
        defer { fixture.tearDown() }
        var environment = fixture.environment
        environment["EMBEDDINGS_PROVIDER"] = "none"
        environment["LLM_PROVIDER"] = "none"
        let path = fixture.queuesDirectory.appendingPathComponent("app.db").path
        let database = try AppDatabase.open(path: path)
        let data = TestPaths.repoRoot.appendingPathComponent("data")
        _ = try database.seedIfEmpty(
            catalogCSV: try String(contentsOf: data.appendingPathComponent("catalogo.csv"), encoding: .utf8),
            companyText: "")
        // The delivery worker (another issue) stands in here, in process.
        let deliveries = JobRecorder<DeliverReplyJob>()
        var registry = JobRegistry()
        registry.register(deliveries.handler)
        let delivery = try InProcessWorker(fixture, registry: registry, queues: ["entregas"])
        let waiters = JobWaiters(client: fixture.jobs)
        waiters.start()
        defer { waiters.stop() }

        let first = try WorkerProcess(environment: environment, arguments: ["--queues", "chat,pedidos"])
        var ids: [String] = []
        for message in Self.conversation {
            ids.append(
                try await fixture.jobs.enqueue(
                    ChatMessageJob(chatId: "caida", channel: .http, message: message, receivedMs: WallClock.nowMs()),
                    owner: "widget"
                ).id)
        }
        // Kill it once the conversation is under way (the next message is likely mid-turn).
        #expect(try await waiters.wait(for: ids[1], timeout: TestPaths.loadedWait)?.state == .completed)
        first.kill()
        let second = try WorkerProcess(environment: environment, arguments: ["--queues", "chat,pedidos"])
        for id in ids {
            let status = try await waiters.wait(for: id, timeout: TestPaths.loadedWait)
            #expect(status?.state == .completed, "log: \(second.log)")
        }
        let history = try database.history(chatId: ChatScope.scoped("caida", channel: "widget"))
        #expect(history.count == 2 * Self.conversation.count)
        #expect(history.filter { $0.sender == .user }.map(\.content) == Self.conversation)
        #expect(history.map(\.sender) == Array(repeating: [Sender.user, .agent], count: 7).flatMap { $0 })
        let orders = try database.listOrders(OrderFilter(chatId: ChatScope.scoped("caida", channel: "widget"))).results
        #expect(orders.count == 1)
        #expect(orders.first?.items.map(\.productId) == [46, 63])
        #expect(orders.first?.items.map(\.quantity) == [6, 2])
        let delivered = try await deliveries.wait(for: Self.conversation.count)
        #expect(Set(delivered.compactMap(\.jobId)) == Set(ids))
        second.terminate()
        _ = await second.waitForExit(timeout: .seconds(15))
        await delivery.stop()
    }
}
