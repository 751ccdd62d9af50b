/// Per-queue figures for operators (`GET /admin/colas`).
public struct QueueStats: Sendable, Codable, Equatable {
    public var queue: String
    /// Ready and not yet delivered to a worker.
    public var pendingCount: Int
    public var inFlight: Int
    public var delayed: Int
    public var dead: Int
    public var processed: Int
    public var failed: Int
    public var retried: Int
    /// Jobs processed in the last full minute.
    public var perMinute: Int
    /// Where the live workers' jobs of the queue are (queues that split CPU work from
    /// outside waits, `cpu_concurrency`), summed over the workers; nil for the others.
    public var phases: WorkPhases? = nil
    /// Why the queue is slow, when it is.
    public var bottleneck: QueueBottleneck? = nil

    enum CodingKeys: String, CodingKey {
        case queue = "cola"
        case pendingCount = "pendientes"
        case inFlight = "en_proceso"
        case delayed = "diferidos"
        case dead = "muertos"
        case processed = "procesados"
        case failed = "fallidos"
        case retried = "reintentados"
        case perMinute = "por_minuto"
        case phases = "fases"
        case bottleneck = "cuello"
    }
}

/// What holds a queue back, read from its workers' phases and its backlog.
public enum QueueBottleneck: String, Sendable, Codable, Equatable {
    /// Jobs wait for an outside provider's permit (its concurrency or rate limit, or a 429 pause).
    case provider = "proveedor"
    /// Jobs wait for a CPU slot (understanding, retrieval, composing).
    case cpu
    /// Jobs wait in Redis while every worker's job slots are taken (mostly by outside calls):
    /// more worker processes or a higher `concurrency` would help.
    case workers = "trabajadores"

    static func of(pending: Int, phases: WorkPhases?) -> QueueBottleneck? {
        guard let phases else { return nil }
        if phases.waitingForPermit > 0 { return .provider }
        if phases.waitingForCPU > 0 { return .cpu }
        return pending > 0 ? .workers : nil
    }
}

/// One outside provider's limits and state, shared by every worker process.
public struct ProviderState: Sendable, Codable, Equatable {
    public var name: String
    public var maxConcurrent: Int
    public var maxPerSecond: Int
    public var inFlight: Int
    /// Milliseconds left of a pause the provider asked for (429), 0 when none.
    public var pausedMs: Int

    enum CodingKeys: String, CodingKey {
        case name = "nombre"
        case maxConcurrent = "max_simultaneas"
        case maxPerSecond = "max_por_s"
        case inFlight = "en_curso"
        case pausedMs = "pausa_ms"
    }
}

/// One live worker process, from its heartbeat.
public struct WorkerInfo: Sendable, Codable, Equatable {
    public var id: String
    public var host: String
    public var pid: Int
    public var queues: [String]
    public var inFlight: Int
    public var lastHeartbeat: Int
    /// Per queue that splits CPU work from outside waits.
    public var phases: [String: WorkPhases] = [:]

    enum CodingKeys: String, CodingKey {
        case id
        case host
        case pid
        case queues = "colas"
        case inFlight = "en_proceso"
        case lastHeartbeat = "ultimo_latido"
        case phases = "fases"
    }
}

extension JobClient {
    public func stats() async throws -> [QueueStats] {
        let names = catalog.queues.keys.sorted()
        let minute = WallClock.nowMs() / 60_000 - 1
        var commands: [RedisCommand] = []
        for name in names {
            commands.append(RedisCommand("LLEN", QueueKeys.ready(name)))
            commands.append(RedisCommand("ZCARD", QueueKeys.running(name)))
            commands.append(RedisCommand("ZCARD", QueueKeys.delayed(name)))
            commands.append(RedisCommand("LLEN", QueueKeys.dead(name)))
            commands.append(RedisCommand("HGETALL", QueueKeys.stats(name)))
            commands.append(RedisCommand("GET", QueueKeys.minute(name, minute)))
        }
        let replies = try await redis.pipeline(commands)
        var phases: [String: WorkPhases] = [:]
        for worker in try await liveWorkers() {
            for (queue, own) in worker.phases { phases[queue] = (phases[queue] ?? WorkPhases()) + own }
        }
        return names.enumerated().map { index, name in
            let r = Array(replies[(index * 6)..<(index * 6 + 6)])
            let counters = r[4].fieldMap
            return QueueStats(
                queue: name,
                pendingCount: r[0].int ?? 0,
                inFlight: r[1].int ?? 0,
                delayed: r[2].int ?? 0,
                dead: r[3].int ?? 0,
                processed: Int(counters["processed"] ?? "") ?? 0,
                failed: Int(counters["failed"] ?? "") ?? 0,
                retried: Int(counters["retried"] ?? "") ?? 0,
                perMinute: r[5].int ?? 0, phases: phases[name],
                bottleneck: QueueBottleneck.of(pending: r[0].int ?? 0, phases: phases[name]))
        }
    }

    /// The outside providers whose limits workers use (model…), with their state.
    public func providers() async throws -> [ProviderState] {
        let limits = try await redis.send(RedisCommand("HGETALL", ProviderKeys.registry)).fieldMap
        var states: [ProviderState] = []
        for name in limits.keys.sorted() {
            let parts = (limits[name] ?? "").split(separator: ",").compactMap { Int($0) }
            let (inFlight, pausedMs) = try await ProviderLimiter.state(of: name, redis: redis)
            states.append(
                ProviderState(
                    name: name, maxConcurrent: parts.first ?? 0, maxPerSecond: parts.count > 1 ? parts[1] : 0,
                    inFlight: inFlight, pausedMs: pausedMs))
        }
        return states
    }

    /// Dead-lettered jobs of a queue, newest first, with payload and last error.
    public func deadJobs(queue: String, offset: Int = 0, limit: Int = 50) async throws -> (
        jobs: [JobStatus], total: Int
    ) {
        _ = try catalog.queue(queue)
        // Whatever the caller passes, the range's ends stay far from overflowing.
        let first = min(max(offset, 0), 1 << 40)
        let last = first + min(max(limit, 1), 10_000) - 1
        let replies = try await redis.pipeline([
            RedisCommand("LRANGE", QueueKeys.dead(queue), String(first), String(last)),
            RedisCommand("LLEN", QueueKeys.dead(queue)),
        ])
        let ids = (try replies[0].checked().array ?? []).compactMap(\.string)
        guard !ids.isEmpty else { return ([], replies[1].int ?? 0) }
        let records = try await redis.pipeline(ids.map { RedisCommand("HGETALL", QueueKeys.job($0)) })
        let jobs = zip(ids, records).compactMap { id, reply in JobStatus(id: id, fields: reply.fieldMap) }
        return (jobs, replies[1].int ?? 0)
    }

    /// The stored payload of a job (for dead-letter inspection).
    public func payload(of id: String) async throws -> String? {
        guard JobID.isValid(id) else { return nil }
        return try await redis.send(RedisCommand("HGET", QueueKeys.job(id), "payload")).string
    }

    /// Puts dead jobs back to work with fresh attempts: one id, or up to `limit` oldest.
    public func redrive(queue: String, id: String? = nil, limit: Int = 100) async throws -> [String] {
        _ = try catalog.queue(queue)
        let reply = try await redis.run(
            scripts.redrive, arguments: [String(WallClock.nowMs()), queue, String(limit), id ?? ""])
        return (reply.array ?? []).compactMap(\.string)
    }

    /// Workers whose heartbeat is recent.
    public func liveWorkers(maxAgeMs: Int = 15_000) async throws -> [WorkerInfo] {
        let since = WallClock.nowMs() - maxAgeMs
        let ids =
            (try await redis.send(RedisCommand("ZRANGEBYSCORE", QueueKeys.workers, String(since), "+inf")).array ?? [])
            .compactMap(\.string)
        guard !ids.isEmpty else { return [] }
        let records = try await redis.pipeline(ids.map { RedisCommand("HGETALL", QueueKeys.worker($0)) })
        return zip(ids, records).compactMap { id, reply in
            let fields = reply.fieldMap
            guard let host = fields["host"] else { return nil }
            var phases: [String: WorkPhases] = [:]
            for (field, value) in fields where field.hasPrefix("fases:") {
                phases[String(field.dropFirst(6))] = WorkPhases(field: value)
            }
            return WorkerInfo(
                id: id, host: host, pid: Int(fields["pid"] ?? "") ?? 0,
                queues: (fields["colas"] ?? "").split(separator: ",").map(String.init),
                inFlight: Int(fields["en_proceso"] ?? "") ?? 0,
                lastHeartbeat: Int(fields["latido"] ?? "") ?? 0, phases: phases)
        }
    }
}
