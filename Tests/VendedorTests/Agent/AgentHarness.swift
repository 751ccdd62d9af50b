import Foundation
import Logging
import Testing

@testable import Assistant
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

/// The reply worker through the real pipeline: a test's own Redis, a SQLite file with the
/// demo catalog and company text, the `chat` and `pedidos` workers in process, and a
/// stand-in recording what the delivery worker (another issue) would send.
final class AgentHarness: @unchecked Sendable {
    let fixture: QueueFixture
    let directory: TemporaryDirectory
    let database: AppDatabase
    let waiters: JobWaiters
    let deliveries = JobRecorder<DeliverReplyJob>()
    private(set) var worker: InProcessWorker?

    /// Model calls retry quickly in tests.
    static let quickRetries = ProviderHTTP.RetryPolicy(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 1)

    init(
        config: AgentConfig = AgentConfig(), transport: any HTTPTransport = CurlTransport(), start: Bool = true,
        overrides: [String: [String: Any]] = [:], queues: Set<String>? = nil, retrieval: RetrievalConfig? = nil
    ) async throws {
        fixture = try await QueueFixture(overrides: overrides)
        directory = try TemporaryDirectory()
        database = try directory.openDatabase()
        let root = TestPaths.repoRoot.appendingPathComponent("data")
        _ = try database.seedIfEmpty(
            catalogCSV: try String(contentsOf: root.appendingPathComponent("catalogo.csv"), encoding: .utf8),
            companyText: try String(contentsOf: root.appendingPathComponent("contexto_empresa.md"), encoding: .utf8))
        waiters = JobWaiters(client: fixture.jobs)
        waiters.start()
        if start { try startWorker(config: config, transport: transport, queues: queues, retrieval: retrieval) }
    }

    /// `retrieval`: words alone unless given (a test of the search with vectors passes the
    /// real local embedding server's, after building the catalog's index).
    func startWorker(
        config: AgentConfig = AgentConfig(), transport: any HTTPTransport = CurlTransport(), queues: Set<String>? = nil,
        retrieval: RetrievalConfig? = nil
    ) throws {
        let retrieval =
            retrieval
            ?? RetrievalConfig(
                provider: .none, searchDataDirectory: TestPaths.repoRoot.appendingPathComponent("data/busqueda").path)
        let agent = try AgentResources.make(
            config: config, retrieval: retrieval, database: database, jobs: fixture.jobs, waiters: waiters,
            transport: transport, policy: Self.quickRetries, logger: fixture.logger)
        var registry = WorkerHandlers.registry(
            commerce: CommerceResources(database: database, uploadsDirectory: directory.url.path), agent: agent)
        registry.register(deliveries.handler)
        worker = try InProcessWorker(fixture, registry: registry, queues: queues)
    }

    func stopWorker() async {
        await worker?.stop()
        worker = nil
    }

    /// A second worker (e.g. for queues the first one does not serve).
    func extraWorker(queues: Set<String>) throws -> InProcessWorker {
        try InProcessWorker(
            fixture,
            registry: WorkerHandlers.registry(
                commerce: CommerceResources(database: database, uploadsDirectory: directory.url.path)),
            queues: queues)
    }

    /// How long a test waits for one reply. A reply takes milliseconds alone; the limit only
    /// matters when something is broken, and CI runs every suite at once on two cores (a first
    /// message once took 31 s there), so it is generous.
    static let replyTimeout: Duration = TestPaths.loadedWait

    /// Sends a customer's message and waits for the reply.
    @discardableResult
    func say(_ chatId: String, _ text: String, timeout: Duration = replyTimeout) async throws -> ChatReply {
        let job = try await send(chatId, text)
        return try await reply(job, timeout: timeout)
    }

    func send(_ chatId: String, _ text: String, owner: String = "pruebas") async throws -> String {
        try await fixture.jobs.enqueue(
            ChatMessageJob(chatId: chatId, channel: .http, message: text, receivedMs: WallClock.nowMs()), owner: owner
        ).id
    }

    func reply(_ jobId: String, timeout: Duration = replyTimeout) async throws -> ChatReply {
        let status = try await waiters.wait(for: jobId, timeout: timeout)
        guard let status, status.state == .completed, let result = status.result else {
            throw TestFailure("el mensaje \(jobId) no se respondió: \(String(describing: status))")
        }
        return try JobCoding.decode(ChatReply.self, from: result)
    }

    /// Runs a whole conversation; returns the replies.
    func conversation(_ chatId: String, _ messages: [String]) async throws -> [ChatReply] {
        var replies: [ChatReply] = []
        for message in messages { replies.append(try await say(chatId, message)) }
        return replies
    }

    func orders(chatId: String) throws -> [Order] {
        try database.listOrders(OrderFilter(chatId: stored(chatId))).results
    }

    /// The stored id of a chat `send` writes to (`ChatScope`: the channel's namespace).
    func stored(_ chatId: String, channel: String = "pruebas") -> String {
        ChatScope.scoped(chatId, channel: channel)
    }

    func tearDown() async {
        await stopWorker()
        waiters.stop()
        fixture.tearDown()
    }
}
