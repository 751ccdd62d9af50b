import Logging
import Synchronization

/// Runs one queue in one worker process: fetches batches from the stream (XREADGROUP),
/// starts them (start.lua), runs their handlers with bounded concurrency, records outcomes
/// through the finish batcher, takes over jobs whose holder died (XAUTOCLAIM after the
/// visibility timeout) and keeps its own running jobs' entries fresh so no one else does.
final class QueueProcessor: Sendable {
    let definition: QueueDefinition
    let client: JobClient
    let registry: JobRegistry
    let consumer: String
    let logger: Logger
    private let slots: AsyncSlots
    private let batcher: FinishBatcher
    private let finishClient: JobClient
    private let fetchConnection: RedisConnection
    private let inFlight = Mutex<[String: String]>([:])
    private let stopping = Atomic<Bool>(false)
    private let blockMs = 1_000

    init(
        definition: QueueDefinition, concurrency: Int?, client: JobClient, registry: JobRegistry, consumer: String,
        logger: Logger
    ) {
        self.definition = definition
        let client = client.withOwnConnection(name: definition.name)
        self.client = client
        self.registry = registry
        self.consumer = consumer
        var logger = logger
        logger[metadataKey: "cola"] = "\(definition.name)"
        self.logger = logger
        // Outcomes go on a connection of their own, so a finish and a start can both be
        // waiting in Redis and it never idles between them.
        self.finishClient = client.withOwnConnection(name: "\(definition.name)-fin")
        self.batcher = FinishBatcher(queue: definition, client: finishClient, logger: logger)
        self.slots = AsyncSlots(capacity: concurrency ?? definition.concurrency)
        self.fetchConnection = client.redis.makeDedicatedConnection(
            name: "fetch-\(definition.name)", commandTimeoutMs: blockMs + 10_000)
    }

    var inFlightCount: Int { slots.inUse }

    func finish(_ record: FinishRecord) async -> Bool {
        await batcher.finish(record)
    }

    /// Stops fetching; running jobs continue until done or the grace period ends.
    func stop() {
        stopping.store(true, ordering: .relaxed)
    }

    private var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Processes until `stop()`, then waits up to `grace` for running jobs.
    func run(grace: Duration) async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.keepLeasesFresh() }
            await fetchLoop(&group)
            let deadline = ContinuousClock.now + grace
            while slots.inUse > 0 && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            if slots.inUse > 0 {
                logger.warning(
                    "Plazo de gracia agotado con \(slots.inUse) trabajos en curso; quedan para otros trabajadores")
            }
            group.cancelAll()
        }
        fetchConnection.close()
        client.redis.close()
        finishClient.redis.close()
    }

    private func fetchLoop(_ group: inout DiscardingTaskGroup) async {
        var nextReclaim = ContinuousClock.now
        var failures = 0
        while !isStopping {
            var free = await slots.waitForFree()
            if free < lowWater {
                // Under load slots free up one by one; wait a moment to fetch a real batch.
                try? await Task.sleep(for: .milliseconds(1))
                free = slots.free
            }
            if isStopping { break }
            let count = min(free, definition.batchSize)
            do {
                var jobs: [JobEnvelope]
                if ContinuousClock.now >= nextReclaim {
                    nextReclaim = ContinuousClock.now + reclaimInterval
                    jobs = try await start(reclaim(count: count))
                } else {
                    // Under load one script call reads and starts a batch; only an empty
                    // stream makes the loop wait in a blocking read.
                    var handled = 0
                    (handled, jobs) = try await startReading(count: count)
                    if handled == 0 {
                        let entries = try await read(count: count)
                        if isStopping {
                            await release(entries)
                            break
                        }
                        jobs = try await start(entries)
                    }
                }
                failures = 0
                for job in jobs {
                    slots.take()
                    inFlight.withLock { $0[job.entryId] = job.id }
                    group.addTask {
                        await self.execute(job)
                        self.inFlight.withLock { _ = $0.removeValue(forKey: job.entryId) }
                        self.slots.give()
                    }
                }
            } catch {
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.warning("Error leyendo la cola: \(error); reintentando")
                }
                if case RedisError.server(let message) = error, message.contains("NOGROUP") {
                    try? await client.createGroups([definition.name])
                }
                try? await Task.sleep(for: .milliseconds(min(100 * failures, 2_000)))
            }
        }
    }

    /// Below this many free slots the loop waits a moment before fetching.
    private var lowWater: Int { max(1, min(definition.batchSize, slots.capacity) / 4) }

    private var reclaimInterval: Duration {
        .milliseconds(min(max(definition.visibilityTimeoutMs / 4, 250), 5_000))
    }

    struct StreamEntry {
        var entryId: String
        var jobId: String
        /// Ordering key carried by the entry of an ordered job ("" otherwise).
        var orderingKey: String = ""
        var raw: String
    }

    private func read(count: Int) async throws -> [StreamEntry] {
        let reply = try await fetchConnection.send(
            RedisCommand([
                "XREADGROUP", "GROUP", QueueKeys.group, consumer, "COUNT", String(count), "BLOCK", String(blockMs),
                "STREAMS", QueueKeys.stream(definition.name), ">",
            ]))
        guard let streams = reply.array, let first = streams.first?.array, first.count == 2 else { return [] }
        return Self.entries(first[1])
    }

    /// Takes over entries idle longer than the visibility timeout (their holder died).
    private func reclaim(count: Int) async throws -> [StreamEntry] {
        let reply = try await client.redis.send(
            RedisCommand([
                "XAUTOCLAIM", QueueKeys.stream(definition.name), QueueKeys.group, consumer,
                String(definition.visibilityTimeoutMs), "0-0", "COUNT", String(count),
            ]))
        guard let parts = reply.array, parts.count >= 2 else { return [] }
        let entries = Self.entries(parts[1])
        if !entries.isEmpty {
            logger.info("Retomando \(entries.count) trabajos abandonados por otro trabajador")
        }
        return entries
    }

    static func entries(_ reply: RedisReply) -> [StreamEntry] {
        (reply.array ?? []).compactMap { item in
            guard let pair = item.array, pair.count == 2, let entryId = pair[0].string else { return nil }
            let fields = pair[1].fieldMap
            if let id = fields["i"], JobID.isValid(id) {
                return StreamEntry(entryId: entryId, jobId: id, orderingKey: fields["k"] ?? "", raw: "")
            }
            let raw = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return StreamEntry(entryId: entryId, jobId: "", raw: String(raw.prefix(500)))
        }
    }

    private var startHeader: [String] {
        [
            String(Clock.nowMs()), definition.name, consumer, String(definition.maxAttempts),
            String(definition.rateLimitPerSecond), String(definition.deadRetentionSeconds),
        ]
    }

    /// Starts entries already delivered to this consumer.
    private func start(_ entries: [StreamEntry]) async throws -> [JobEnvelope] {
        guard !entries.isEmpty else { return [] }
        var arguments = startHeader + [String(entries.count)]
        for entry in entries { arguments += [entry.entryId, entry.jobId, entry.orderingKey, entry.raw] }
        return try await runStart(arguments).jobs
    }

    /// Reads up to `count` new entries and starts them, in one script call.
    private func startReading(count: Int) async throws -> (handled: Int, jobs: [JobEnvelope]) {
        try await runStart(startHeader + ["read", String(count)])
    }

    private func runStart(_ arguments: [String]) async throws -> (handled: Int, jobs: [JobEnvelope]) {
        let reply = try await client.redis.run(client.scripts.start, arguments: arguments)
        let fields = reply.array ?? []
        var jobs: [JobEnvelope] = []
        jobs.reserveCapacity(fields.count / 10)
        var index = 1
        while index + 9 < fields.count {
            let key = fields[index + 6].string ?? ""
            let idem = fields[index + 8].string ?? ""
            jobs.append(
                JobEnvelope(
                    id: fields[index + 1].string ?? "", kind: fields[index + 2].string ?? "", queue: definition.name,
                    attempt: fields[index + 4].int ?? 1, enqueuedAtMs: fields[index + 7].int ?? 0,
                    idempotencyKey: idem.isEmpty ? nil : idem, rootId: fields[index + 5].string ?? "",
                    orderingKey: key.isEmpty ? nil : key, payload: fields[index + 3].string ?? "",
                    entryId: fields[index].string ?? "", lease: fields[index + 9].string ?? ""))
            index += 10
        }
        return (fields.first?.int ?? 0, jobs)
    }

    /// Hands back entries received while stopping, so others take them at once.
    private func release(_ entries: [StreamEntry]) async {
        let valid = entries.filter { !$0.jobId.isEmpty }
        guard !valid.isEmpty else { return }
        var arguments = [definition.name, String(valid.count)]
        for entry in valid { arguments += [entry.entryId, entry.jobId, entry.orderingKey] }
        do {
            _ = try await client.redis.run(client.scripts.release, arguments: arguments)
        } catch {
            // They stay delivered to this consumer; others take them after the visibility timeout.
            logger.warning("No se pudieron devolver \(valid.count) trabajos sin empezar: \(error)")
        }
    }

    /// Resets the idle time of this process's running entries (XCLAIM ... JUSTID), so the
    /// visibility timeout only expires for jobs whose process stopped.
    private func keepLeasesFresh() async {
        let interval = Duration.milliseconds(max(definition.visibilityTimeoutMs / 3, 100))
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let entries = inFlight.withLock { Array($0.keys) }
            guard !entries.isEmpty else { continue }
            var command = RedisCommand([
                "XCLAIM", QueueKeys.stream(definition.name), QueueKeys.group, consumer, "0",
            ])
            for entry in entries { command.append(entry) }
            command.append("JUSTID")
            do {
                _ = try await client.redis.send(command)
            } catch {
                logger.warning("No se pudo renovar la visibilidad de \(entries.count) trabajos en curso: \(error)")
            }
        }
    }
}
