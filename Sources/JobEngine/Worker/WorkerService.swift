import Foundation
import Logging
import ServiceLifecycle

/// A worker process's job service: one processor per queue it serves, delayed-job
/// promotion, a heartbeat in the worker registry, and graceful shutdown (stop fetching,
/// finish running jobs within the grace period, leave the rest to other workers).
public final class WorkerService: Service, Sendable {
    public struct Options: Sendable {
        /// Queues to serve; nil = every queue that has a registered handler.
        public var queues: Set<String>?
        /// Overrides each queue's concurrency.
        public var concurrency: Int?
        public var grace: Duration = .seconds(20)

        public init(queues: Set<String>? = nil, concurrency: Int? = nil) {
            self.queues = queues
            self.concurrency = concurrency
        }
    }

    public let id: String
    let client: JobClient
    /// Promotion, heartbeat and deregistration, on a connection of its own: stopping makes
    /// it give up on a Redis that is gone without touching the caller's `client`.
    let redis: RedisClient
    let processors: [QueueProcessor]
    let options: Options
    let logger: Logger

    public init(client: JobClient, registry: JobRegistry, options: Options, logger: Logger) throws {
        var served = registry.queues
        if let only = options.queues {
            for name in only where !registry.queues.contains(name) {
                _ = try client.catalog.queue(name)
                throw QueueDefinitionError(
                    file: "queues/\(name).json", field: "name", problem: "no tiene trabajadores en este proceso")
            }
            served = served.intersection(only)
        }
        let host = ProcessInfo.processInfo.hostName
        self.id = "\(host)-\(getpid())-\(JobID.make().suffix(6))"
        self.client = client
        self.redis = client.redis.makeClient(name: "worker")
        self.options = options
        self.logger = logger
        self.processors = try served.sorted().map { name in
            QueueProcessor(
                definition: try client.catalog.queue(name), concurrency: options.concurrency, client: client,
                registry: registry, consumer: "\(host)-\(getpid())-\(name)", logger: logger)
        }
    }

    public var queueNames: [String] { processors.map(\.definition.name) }

    public func run() async throws {
        try await client.prepare()
        logger.info("Trabajador \(id) atendiendo: \(queueNames.joined(separator: ", "))")
        await withDiscardingTaskGroup { group in
            group.addTask { await self.maintain() }
            await withGracefulShutdownHandler {
                await withDiscardingTaskGroup { processorsGroup in
                    for processor in processors {
                        processorsGroup.addTask { await processor.run(grace: self.options.grace) }
                    }
                }
            } onGracefulShutdown: {
                self.logger.info("Deteniendo: no se toman trabajos nuevos; terminando los que están en curso")
                for processor in self.processors { processor.stop() }
                self.redis.stopWaitingForReconnect()
            }
            group.cancelAll()
        }
        _ = try? await redis.send(RedisCommand("ZREM", QueueKeys.workers, id))
        redis.close()
        logger.info("Trabajador \(id) detenido")
    }

    /// Promotes due delayed jobs (every 100 ms) and beats the heart (every second).
    private func maintain() async {
        var beat = 0
        while !Task.isCancelled {
            let now = String(WallClock.nowMs())
            let calls = processors.map { (client.scripts.promote, [String](), [now, $0.definition.name, "500"]) }
            do {
                _ = try await redis.runMany(calls)
                if beat % 10 == 0 { try await heartbeat() }
            } catch {
                if beat % 50 == 0 { logger.warning("Mantenimiento de colas falló: \(error)") }
            }
            beat += 1
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    private func heartbeat() async throws {
        let now = WallClock.nowMs()
        let key = QueueKeys.worker(id)
        var fields = [
            "HSET", key, "host", ProcessInfo.processInfo.hostName, "pid", String(getpid()),
            "colas", queueNames.joined(separator: ","), "en_proceso",
            String(processors.reduce(0) { $0 + $1.inFlightCount }), "latido", String(now),
        ]
        for processor in processors {
            if let phases = processor.phases {
                fields += [WorkPhases.heartbeatField(processor.definition.name), phases.field]
            }
        }
        _ = try await redis.pipeline([
            RedisCommand("ZADD", QueueKeys.workers, String(now), id),
            RedisCommand(fields),
            RedisCommand("EXPIRE", key, "30"),
            RedisCommand("ZREMRANGEBYSCORE", QueueKeys.workers, "-inf", String(now - 3_600_000)),
        ])
    }
}
