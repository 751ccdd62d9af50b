/// How long jobs of one queue waited and ran, from a sample of the job records Redis still
/// holds (finished records live for the queue's retention). `espera` = admitted (`inicio`)
/// minus enqueued (`creado`), of the last attempt; `ejecucion` = finished (`actualizado`)
/// minus admitted, for finished jobs (for a chain's root it includes its follow-ups).
public struct QueueLatency: Codable, Sendable, Equatable {
    public var queue: String
    public var samples: Int
    public var waitMs: Percentiles?
    public var runMs: Percentiles?

    public struct Percentiles: Codable, Sendable, Equatable {
        public var p50: Int
        public var p95: Int
        public var max: Int

        /// Nil for no values.
        public init?(_ values: [Int]) {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            func rank(_ percent: Int) -> Int { sorted[(sorted.count - 1) * percent / 100] }
            p50 = rank(50)
            p95 = rank(95)
            max = sorted[sorted.count - 1]
        }
    }

    enum CodingKeys: String, CodingKey {
        case queue = "cola", samples = "muestras"
        case waitMs = "espera_ms"
        case runMs = "ejecucion_ms"
    }
}

extension JobClient {
    /// Samples up to `maxJobs` job records (SCAN, in hash order: no bias towards old or new
    /// jobs) and summarises them per queue of the catalog. Bounded work: at most
    /// `maxJobs / 100` SCAN calls and one pipelined HMGET per 500 records.
    ///
    /// The engine keeps no latency counters, so this is the figure for the jobs still on
    /// record, not an all-time or per-minute one.
    public func latencySample(maxJobs: Int = 5_000) async throws -> [QueueLatency] {
        var keys: [String] = []
        var cursor = "0"
        var calls = 0
        repeat {
            let reply = try await redis.send(RedisCommand("SCAN", cursor, "MATCH", "vd:job:*", "COUNT", "1000"))
            guard let parts = try reply.checked().array, parts.count == 2 else { break }
            cursor = parts[0].string ?? "0"
            keys += (parts[1].array ?? []).compactMap(\.string)
            calls += 1
        } while cursor != "0" && keys.count < maxJobs && calls < max(maxJobs / 100, 10)
        var waits: [String: [Int]] = [:]
        var runs: [String: [Int]] = [:]
        var samples: [String: Int] = [:]
        for start in stride(from: 0, to: min(keys.count, maxJobs), by: 500) {
            let chunk = keys[start..<min(start + 500, keys.count, maxJobs)]
            let replies = try await redis.pipeline(
                chunk.map { RedisCommand("HMGET", $0, "cola", "estado", "creado", "inicio", "actualizado") })
            for reply in replies {
                let fields = (reply.array ?? []).map(\.string)
                guard fields.count == 5, let queue = fields[0], let created = fields[2].flatMap({ Int($0) }),
                    let started = fields[3].flatMap({ Int($0) })
                else { continue }
                samples[queue, default: 0] += 1
                waits[queue, default: []].append(max(0, started - created))
                if fields[1] == JobState.completed.rawValue || fields[1] == JobState.failed.rawValue,
                    let updated = fields[4].flatMap({ Int($0) })
                {
                    runs[queue, default: []].append(max(0, updated - started))
                }
            }
        }
        return catalog.queues.keys.sorted().map { queue in
            QueueLatency(
                queue: queue, samples: samples[queue] ?? 0, waitMs: .init(waits[queue] ?? []),
                runMs: .init(runs[queue] ?? []))
        }
    }
}
