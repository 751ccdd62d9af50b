import Assistant
import Foundation
import Integrations
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle
import Shop
import Support
import Workers

/// What the agent benchmarks run on: the Redis of REDIS_URL, a fresh database at
/// DATABASE_URL loaded with the demo catalog and company text (`data/`), and the reply,
/// order and delivery workers in this process, configured from the environment like
/// `serve` (`ops/bench` sets offline providers; HTTP chats without a callback URL).
struct AgentBenchRig {
    let boot: Bootstrap
    /// The shop's storage on either engine (`DATABASE_URL`).
    let store: any ShopStore & ClosableStore
    let waiters: JobWaiters
    let group: ServiceGroup

    /// `vectors`: the catalog's vectors are built first (searches then embed the customer's
    /// words); `transport`: the reply worker's outside calls; `overrides` replace settings of
    /// the environment (the slow-model benchmark's model).
    static func start(
        dataDirectory: String = "data", vectors: Bool = false, transport: any HTTPTransport = CurlTransport(),
        overrides: [String: String] = [:]
    ) async throws -> (AgentBenchRig, Task<Void, any Error>) {
        // The reply, order and delivery queues, as before the vectors exist (no re-index runs
        // during a benchmark).
        let queues: Set<String> = [ChatMessageJob.queue, PlaceOrderJob.queue, DeliverReplyJob.queue]
        var environment = Environment.load()
        environment.values.merge(overrides) { _, new in new }
        var config = try WorkersConfig(environment: environment, options: .init(queues: queues))
        config.app.logLevel = .warning
        let boot = try Bootstrap(config: config.app, label: "vendedor-bench")
        try await boot.jobs.prepare()
        let store = try await StorageEngine.open(try DatabaseURL(boot.config.databaseURL))
        _ = try await store.seedIfEmpty(
            catalogCSV: try String(contentsOfFile: "\(dataDirectory)/catalogo.csv", encoding: .utf8),
            companyText: try String(contentsOfFile: "\(dataDirectory)/contexto_empresa.md", encoding: .utf8))
        if vectors {
            guard let indexer = config.retrieval.makeEmbedder(transport: CurlTransport(), forQueries: false) else {
                throw BenchFailure("--vectors necesita un proveedor de embeddings (EMBEDDINGS_PROVIDER)")
            }
            try await RetrievalBench.buildIndex(store: store, embedder: indexer)
        }
        let waiters = JobWaiters(client: boot.jobs)
        // The production workers, as `vendedor-workers` builds them.
        let workers = try await buildWorkers(config: config, label: "vendedor-bench", transport: transport)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: waiters), .init(service: workers)], gracefulShutdownSignals: [],
                logger: boot.logger))
        let task = Task { try await group.run() }
        return (AgentBenchRig(boot: boot, store: store, waiters: waiters, group: group), task)
    }

    /// Sends a customer's message as `POST /chat/texto` would and waits for its reply.
    func say(_ chatId: String, _ text: String, timeout: Duration = .seconds(60)) async throws -> ChatReply {
        let job = try await boot.jobs.enqueue(
            ChatMessageJob(chatId: chatId, channel: .http, message: text, receivedMs: WallClock.nowMs()),
            owner: Self.channel)
        guard let status = try await waiters.wait(for: job.id, timeout: timeout), status.state == .completed,
            let result = status.result
        else { throw BenchFailure("el mensaje «\(text)» de \(chatId) no se respondió") }
        return try JobCoding.decode(ChatReply.self, from: result)
    }

    /// The HTTP channel the benchmark's messages come from (the job's owner): the reply
    /// worker stores each chat under this channel's namespace (`ChatScope`).
    static let channel = "bench"

    /// The conversation's orders go back (cancelled, stock returned), so the next one starts
    /// from the same catalog. `chatId` as sent with `say`.
    func orders(chatId: String, cancel: Bool) async throws -> [Order] {
        let orders = try await store.listOrders(
            OrderFilter(chatId: ChatScope.scoped(chatId, channel: Self.channel)), limit: nil, offset: nil
        ).results
        if cancel {
            for order in orders { _ = try await store.changeOrderState(id: order.id, to: .cancelled) }
        }
        return orders
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
