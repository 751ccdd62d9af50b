import Logging
import Support

/// The queue engine's client side: enqueue, read and await job status, queue stats and
/// dead-letter administration. Front ends and workers share it.
public final class JobClient: Sendable {
    public let redis: RedisClient
    public let catalog: QueueCatalog
    public let logger: Logger

    /// One batcher per queue for single enqueues, so concurrent requests share script calls.
    private let batchers: [String: CallBatcher<NewJob, Result<Enqueued, any Error>>]

    public init(redis: RedisClient, catalog: QueueCatalog, logger: Logger) {
        self.redis = redis
        self.catalog = catalog
        self.logger = logger
        var batchers: [String: CallBatcher<NewJob, Result<Enqueued, any Error>>] = [:]
        for name in catalog.queues.keys {
            // The batch is taken when the connection is ready to write it (sendLate), so a
            // script call carries every request that arrived while Redis ran the one before.
            batchers[name] = CallBatcher(maxPerCall: 256, maxInFlight: 2) { [redis, catalog] take in
                // The jobs the call took and the order of their queues' calls.
                let taken = LockedBox<(jobs: [NewJob], order: [String])>(([], []))
                do {
                    let replies = try await redis.runManyWhenReady {
                        let jobs = take()
                        taken.set((jobs, []))
                        let (calls, order) = try Self.enqueueCalls(jobs, catalog: catalog)
                        taken.set((jobs, order))
                        return calls
                    }
                    let (jobs, order) = taken.value
                    return try Self.results(replies, jobs: jobs, order: order).map { .success($0) }
                } catch {
                    return taken.value.jobs.map { _ in .failure(error) }
                }
            }
        }
        self.batchers = batchers
    }

    public var scripts: QueueScripts { catalog.scripts }

    /// The same client on a Redis connection of its own.
    public func withOwnConnection(name: String) -> JobClient {
        JobClient(redis: redis.makeClient(name: name), catalog: catalog, logger: logger)
    }

    /// Loads the scripts (SCRIPT LOAD also checks that they compile) and moves jobs an
    /// earlier engine left in Redis streams into the ready lists, so an upgrade loses none.
    public func prepare() async throws {
        try await redis.load(scripts.all)
        let moved = try await redis.run(scripts.upgrade, arguments: catalog.queues.keys.sorted()).int ?? 0
        if moved > 0 {
            logger.notice(
                "Se pasaron \(moved) trabajos de las colas anteriores (streams) a las listas de la versión actual")
        }
    }

    public struct Enqueued: Sendable, Equatable {
        public var id: String
        /// False when an earlier job with the same idempotency key was returned instead.
        public var created: Bool
    }

    /// Adds one job. With an idempotency key, the same key within the queue's window gives
    /// back the first job instead of adding another.
    @discardableResult
    public func enqueue<P: JobPayload>(_ payload: P, idempotencyKey: String? = nil, owner: String? = nil)
        async throws -> Enqueued
    {
        var job = try NewJob(payload, idempotencyKey: idempotencyKey)
        job.owner = owner ?? ""
        let queue = try catalog.queue(job.queue).name  // a batcher exists for every catalog queue
        return try await batchers[queue]!.submit(job).get()
    }

    /// Adds many jobs: one script call per queue, all in one pipeline.
    public func enqueue(_ jobs: [NewJob]) async throws -> [Enqueued] {
        try await Self.enqueue(jobs, redis: redis, catalog: catalog)
    }

    private static func enqueue(_ jobs: [NewJob], redis: RedisClient, catalog: QueueCatalog) async throws
        -> [Enqueued]
    {
        let (calls, order) = try enqueueCalls(jobs, catalog: catalog)
        return try results(try await redis.runMany(calls), jobs: jobs, order: order)
    }

    /// One enqueue.lua call per queue, in `order` (the queues in order of first appearance).
    private static func enqueueCalls(_ jobs: [NewJob], catalog: QueueCatalog) throws
        -> (calls: [RedisClient.ScriptCall], order: [String])
    {
        var order: [String] = []
        var byQueue: [String: [Int]] = [:]
        for (index, job) in jobs.enumerated() {
            if byQueue[job.queue] == nil { order.append(job.queue) }
            byQueue[job.queue, default: []].append(index)
        }
        let now = String(WallClock.nowMs())
        var calls: [RedisClient.ScriptCall] = []
        for queue in order {
            let definition = try catalog.queue(queue)
            let indices = byQueue[queue]!
            var arguments = [now, queue, String(definition.idempotencyWindowSeconds), String(indices.count)]
            arguments.reserveCapacity(4 + indices.count * 8)
            for index in indices {
                let job = jobs[index]
                let key = definition.orderingKey == nil ? "" : job.orderingKey
                arguments += [
                    job.id, job.kind, job.payload, key, job.id, job.idempotencyKey, job.owner, job.traceParent,
                ]
            }
            calls.append((catalog.scripts.enqueue, [], arguments))
        }
        return (calls, order)
    }

    /// Reads the replies of `enqueueCalls`: one result per job, in the jobs' order.
    private static func results(_ replies: [RedisReply], jobs: [NewJob], order: [String]) throws -> [Enqueued] {
        var next: [String: Int] = [:]
        var items: [String: [RedisReply]] = [:]
        for (queue, reply) in zip(order, replies) {
            guard let array = try reply.checked().array else { throw RedisError.unexpectedReply("enqueue") }
            items[queue] = array
        }
        return try jobs.map { job in
            let position = next[job.queue, default: 0]
            next[job.queue] = position + 1
            guard let array = items[job.queue], array.count >= position * 2 + 2 else {
                throw RedisError.unexpectedReply("enqueue")
            }
            return Enqueued(id: array[position * 2].string ?? "", created: array[position * 2 + 1].int == 1)
        }
    }

    /// The job's status, or nil when it does not exist (never did, or its retention passed).
    public func status(_ id: String) async throws -> JobStatus? {
        guard JobID.isValid(id) else { return nil }
        let reply = try await redis.send(RedisCommand("HGETALL", QueueKeys.job(id)))
        return JobStatus(id: id, fields: reply.fieldMap)
    }

    /// Drops the ordering key of jobs whose queue is not ordered.
    func normalized(_ jobs: [NewJob]) -> [NewJob] {
        jobs.map { job in
            var job = job
            if catalog.queues[job.queue]?.orderingKey == nil { job.orderingKey = "" }
            return job
        }
    }

    /// Marks the job as awaited and reads it in one step (see watch.lua).
    func watch(_ id: String) async throws -> JobStatus? {
        guard JobID.isValid(id) else { return nil }
        let reply = try await redis.run(scripts.watch, arguments: [id])
        return JobStatus(id: id, fields: reply.fieldMap)
    }

    /// Records progress (done of total) on a running job.
    public func reportProgress(_ id: String, done: Int, total: Int) async throws {
        try await redis.send(
            RedisCommand(
                "HSET", QueueKeys.job(id), "progreso", "\(done)/\(total)", "actualizado", String(WallClock.nowMs())))
    }
}

/// Key names shared with the Lua scripts (see queues/common.lua).
public enum QueueKeys {
    public static func job(_ id: String) -> String { "vd:job:\(id)" }
    /// Entries of ready jobs, oldest first.
    public static func ready(_ queue: String) -> String { "vd:q:\(queue):ready" }
    /// Entries of running jobs, scored by their lease deadline.
    public static func running(_ queue: String) -> String { "vd:q:\(queue):run" }
    /// At most one token, for idle workers to wait on.
    public static func wake(_ queue: String) -> String { "vd:q:\(queue):wake" }
    public static func delayed(_ queue: String) -> String { "vd:q:\(queue):delayed" }
    public static func dead(_ queue: String) -> String { "vd:q:\(queue):dead" }
    public static func stats(_ queue: String) -> String { "vd:q:\(queue):stats" }
    public static func minute(_ queue: String, _ minute: Int) -> String { "vd:q:\(queue):m:\(minute)" }
    public static let workers = "vd:workers"
    public static func worker(_ id: String) -> String { "vd:worker:\(id)" }
    public static let doneChannel = "vd:done"
}
