import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support
@testable import Workers

/// The processes as the executables start them: `buildFrontEnd(config:)` and
/// `buildWorkers(config:)` from configurations read out of an environment, with nothing
/// assembled by the test. A message goes in over HTTP and its reply comes back, and both
/// stop on a graceful shutdown.
@Suite("Composition roots: the front end and the workers as production starts them")
struct CompositionRootTests {
    @Test func aMessageSentToTheBuiltFrontEndIsAnsweredByTheBuiltWorkers() async throws {
        try await ComposedSystem.run { system in
            let status = try await system.say("web-raiz", "¿Tienen guantes de nitrilo?")
            #expect(status.result?.contains("$7.800") == true, "\(status)")
            #expect(status.result?.contains("\"productos\":[34") == true, "\(status)")
        }
    }

    /// The same processes on PostgreSQL (`DATABASE_URL=postgresql://…`): the front end seeds
    /// the demo data into the new database, a conversation places an order through the
    /// workers, the stock goes down and the staff routes read it back.
    @Test func aConversationOnPostgreSQLPlacesAnOrderAndDecrementsTheStock() async throws {
        let server = try TestPostgres.serverURL()
        let name = "e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let target = try await PostgresStore.createDatabase(String(name), on: server)
        defer { Task { try? await PostgresStore.dropDatabase(String(name), on: server) } }
        try await ComposedSystem.run(databaseURL: TestPostgres.urlString(target)) { system in
            let first = try await system.say("pg-1", "quiero 10 pares de guantes de vaqueta y 5 chalecos reflectivos")
            #expect(first.result?.contains("10 × Guantes vaqueta") == true, "\(first)")
            let summary = try await system.say("pg-1", SalesConversationTests.details)
            #expect(summary.result?.contains("$213.000") == true, "\(summary)")
            let placed = try await system.say("pg-1", "sí, confirmo")
            #expect(placed.result?.contains("pedido_id") == true, "\(placed)")

            let store = try await StorageEngine.open(try DatabaseURL(TestPostgres.urlString(target)))
            defer { Task { await store.close() } }
            let orders = try await store.listOrders(OrderFilter(chatId: "h:widget:pg-1"), limit: nil, offset: nil)
            let order = try #require(orders.results.first)
            #expect(orders.total == 1)
            #expect(order.total == 213_000)
            #expect(order.items.map(\.quantity) == [10, 5])
            #expect(try await store.product(id: 35)?.stock == 23 - 10)
            #expect(try await store.product(id: 48)?.stock == 24 - 5)
            #expect(try await store.history(chatId: "h:widget:pg-1", limit: 10).count == 6)
            let staff = try await system.get("/pedidos/\(order.id)", role: .operator)
            #expect(staff.hasPrefix("HTTP/1.1 200") && staff.contains("213000"), "\(staff)")
        }
    }

    @Test func aFrontEndWithoutASecretKeyIsRefusedNamingIt() throws {
        #expect {
            try FrontEndConfig(environment: Support.Environment(["REDIS_URL": "redis://127.0.0.1:1/0"]))
        } throws: { error in
            "\(error)".contains("SECRET_KEY")
        }
        #expect {
            try WorkersConfig(environment: Support.Environment(["EMBEDDINGS_PROVIDER": "cohere"]))
        } throws: { error in
            "\(error)".contains("EMBEDDINGS_PROVIDER")
        }
    }

    /// One request on a fresh connection; the whole answer (the server closes after it).
    static func request(port: Int, _ text: String) async throws -> String {
        try await BlockingPool.shared.run {
            let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: LoopbackSocket.loadedReceiveSeconds)
            defer { socket.close() }
            try socket.send(text.replacingOccurrences(of: "Host: x\r\n", with: "Host: x\r\nConnection: close\r\n"))
            var answer = ""
            while true {
                let more = socket.receive()
                if more.isEmpty { break }
                answer += more
            }
            return answer
        }
    }
}

/// `buildFrontEnd(config:)` and `buildWorkers(config:)` (chat, orders, delivery) from one
/// environment, as production starts them, on the fixture's Redis and the given database.
struct ComposedSystem {
    static let secret = "secreto-de-pruebas-0123456789"
    let fixture: QueueFixture
    let port: Int

    static func run(databaseURL: String? = nil, _ body: (ComposedSystem) async throws -> Void) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let port = TestPaths.freePort()
        var env = fixture.environment
        env["SECRET_KEY"] = secret
        env["PORT"] = String(port)
        env["EMBEDDINGS_PROVIDER"] = "none"
        env["LLM_PROVIDER"] = "none"
        env["TRANSCRIPTION_PROVIDER"] = "none"
        env["TELEGRAM_MODE"] = "off"
        env["SEARCH_DATA_DIR"] = TestPaths.repoRoot.appendingPathComponent("data/busqueda").path
        env["BLOBS_DIR"] = fixture.queuesDirectory.appendingPathComponent("blobs").path
        env["EXPORTS_DIR"] = fixture.queuesDirectory.appendingPathComponent("exports").path
        if let databaseURL { env["DATABASE_URL"] = databaseURL }
        let environment = Support.Environment(env)

        var frontEndConfig = try FrontEndConfig(environment: environment)
        frontEndConfig.demoDataDirectory = TestPaths.repoRoot.appendingPathComponent("data").path
        let frontEnd = try await buildFrontEnd(config: frontEndConfig)
        let workers = try await buildWorkers(
            config: try WorkersConfig(
                environment: environment, options: .init(queues: ["chat", "pedidos", "entregas"])))
        let frontEndEnded = SharedCounter(0)
        let frontEndRun = Task {
            defer { _ = frontEndEnded.add(1) }
            try await frontEnd.run()
        }
        let workersRun = Task { try await workers.run() }
        let system = ComposedSystem(fixture: fixture, port: port)
        do {
            // A front end that stopped (its port taken, say) is reported with its own error
            // at once instead of after the whole wait.
            let answered = await eventually {
                if frontEndEnded.add(0) > 0 { return true }
                return (try? await CompositionRootTests.request(port: port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"))?
                    .hasPrefix("HTTP/1.1 200") == true
            }
            if frontEndEnded.add(0) > 0 { try await frontEndRun.value }
            #expect(answered, "the front end never answered /health on port \(port)")
            try await body(system)
        } catch {
            await frontEnd.triggerGracefulShutdown()
            await workers.triggerGracefulShutdown()
            _ = try? await frontEndRun.value
            _ = try? await workersRun.value
            throw error
        }
        await frontEnd.triggerGracefulShutdown()
        await workers.triggerGracefulShutdown()
        try await frontEndRun.value
        try await workersRun.value
    }

    /// Sends a chat message as the `widget` channel and waits for its job to complete.
    func say(_ chatId: String, _ message: String) async throws -> JobStatus {
        let token = TokenSigner(secret: Self.secret).sign(subject: "widget", role: .channel, lifetime: 600)
        let body = String(
            decoding: try JSONSerialization.data(withJSONObject: ["chat_id": chatId, "mensaje": message]), as: UTF8.self
        )
        let accepted = try await CompositionRootTests.request(
            port: port,
            "POST /chat/texto HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(accepted.hasPrefix("HTTP/1.1 202"), "\(accepted)")
        let jobId = try #require(accepted.split(separator: "\"job_id\":\"").last?.split(separator: "\"").first)
        return try #require(try await fixture.waitFor(String(jobId), state: .completed))
    }

    /// A staff GET with a token of `role`.
    func get(_ path: String, role: Role) async throws -> String {
        let token = TokenSigner(secret: Self.secret).sign(subject: "personal", role: role, lifetime: 600)
        return try await CompositionRootTests.request(
            port: port, "GET \(path) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\r\n")
    }
}
