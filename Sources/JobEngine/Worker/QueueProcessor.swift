import Logging
import Synchronization

/// Runs one queue in one worker process: takes batches of ready entries and starts them in
/// one script call (start.lua), runs their handlers with bounded concurrency, records
/// outcomes through the finish batcher, takes over jobs whose holder died (their lease
/// deadline in the running set passed) and pushes its own running jobs' deadlines forward
/// so no one else takes them — except a job running past its queue's `max_run_s`, whose
/// lease is left to expire so another worker (or this one) runs it again while the stuck run's
/// late finish is refused by its stale lease. With nothing ready it waits on the queue's wake
/// token (BLPOP).
final class QueueProcessor: Sendable {
    /// A job this process runs: its lease (fencing token) and when it started here.
    struct Running {
        var lease: String
        var started: ContinuousClock.Instant
        /// The overrun was logged (once per run).
        var overrunReported = false
    }

    let definition: QueueDefinition
    let client: JobClient
    let registry: JobRegistry
    let consumer: String
    let logger: Logger
    let metrics: QueueMetrics
    private let slots: AsyncSlots
    /// Nil unless the queue's CPU slots are fewer than its jobs in flight.
    let cpu: CPUSlots?
    private let batcher: FinishBatcher
    private let finishClient: JobClient
    private let fetchConnection: RedisConnection
    private let inFlight = Mutex<[String: Running]>([:])
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
        self.metrics = QueueMetrics(queue: definition.name)
        // Outcomes go on a connection of their own, so a finish and a start can both be
        // waiting in Redis and it never idles between them.
        self.finishClient = client.withOwnConnection(name: "\(definition.name)-fin")
        self.batcher = FinishBatcher(queue: definition, client: finishClient, logger: logger)
        let jobs = concurrency ?? definition.concurrency
        self.slots = AsyncSlots(capacity: jobs)
        self.cpu =
            definition.cpuConcurrency < definition.concurrency
            ? CPUSlots(capacity: min(definition.cpuConcurrency, jobs)) : nil
        self.fetchConnection = client.redis.makeDedicatedConnection(
            name: "fetch-\(definition.name)", commandTimeoutMs: blockMs + 10_000)
    }

    var inFlightCount: Int { slots.inUse }

    /// Where this process's jobs of the queue are (nil: no split between CPU and outside waits).
    var phases: WorkPhases? { cpu?.phases }

    func finish(_ record: FinishRecord) async -> Bool {
        await batcher.finish(record)
    }

    /// Stops fetching; running jobs continue until done or the grace period ends. A Redis
    /// that is gone is not waited for: calls fail at once instead of retrying to reconnect.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        client.redis.stopWaitingForReconnect()
        finishClient.redis.stopWaitingForReconnect()
        fetchConnection.stopWaitingForReconnect()
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
            if let cpu, cpu.isBackedUp {
                // Jobs wait for the CPU or a provider: more would only wait in memory.
                try? await Task.sleep(for: .milliseconds(2))
                continue
            }
            let count = min(free, definition.batchSize)
            do {
                var jobs: [JobEnvelope]
                if ContinuousClock.now >= nextReclaim {
                    nextReclaim = ContinuousClock.now + reclaimInterval
                    let (taken, reclaimed) = try await start(mode: "reclaim", count: count)
                    if taken > 0 {
                        logger.info("Retomando \(taken) trabajos abandonados por otro trabajador")
                    }
                    jobs = reclaimed
                } else {
                    // Under load one script call takes and starts a batch; only an empty
                    // queue makes the loop wait for a wake token.
                    var taken = 0
                    (taken, jobs) = try await start(mode: "read", count: count)
                    if taken == 0 {
                        try await waitForWork()
                        continue
                    }
                }
                failures = 0
                for job in jobs {
                    slots.take()
                    let started = ContinuousClock.now
                    inFlight.withLock { $0[job.entryId] = Running(lease: job.lease, started: started) }
                    group.addTask {
                        await self.execute(job)
                        // A stuck run that outlived its lease may end after the entry was taken
                        // again (here, with a new lease): only its own record is removed.
                        self.inFlight.withLock { running in
                            if running[job.entryId]?.lease == job.lease { running.removeValue(forKey: job.entryId) }
                        }
                        self.slots.give()
                    }
                }
            } catch {
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.warning("Error leyendo la cola: \(error); reintentando")
                }
                if !isStopping { try? await Task.sleep(for: .milliseconds(min(100 * failures, 2_000))) }
            }
        }
    }

    /// Below this many free slots the loop waits a moment before fetching.
    private var lowWater: Int { max(1, min(definition.batchSize, slots.capacity) / 4) }

    private var reclaimInterval: Duration {
        .milliseconds(min(max(definition.visibilityTimeoutMs / 4, 250), 5_000))
    }

    /// Waits up to `blockMs` for the queue's wake token (left by whoever makes jobs ready).
    /// A token taken while stopping is put back for another worker.
    private func waitForWork() async throws {
        let reply = try await fetchConnection.send(
            RedisCommand(["BLPOP", QueueKeys.wake(definition.name), String(Double(blockMs) / 1000)]))
        if isStopping, reply.array != nil {
            _ = try? await client.redis.send(RedisCommand(["RPUSH", QueueKeys.wake(definition.name), "1"]))
        }
    }

    /// Takes up to `count` entries (ready ones, or in mode "reclaim" those whose lease
    /// deadline passed) and starts them, in one script call.
    private func start(mode: String, count: Int) async throws -> (taken: Int, jobs: [JobEnvelope]) {
        let arguments = [
            String(WallClock.nowMs()), definition.name, consumer, String(definition.maxAttempts),
            String(definition.rateLimitPerSecond), String(definition.deadRetentionSeconds),
            String(definition.visibilityTimeoutMs), mode, String(count),
        ]
        let reply = try await client.redis.run(client.scripts.start, arguments: arguments)
        let fields = reply.array ?? []
        var jobs: [JobEnvelope] = []
        jobs.reserveCapacity(fields.count / 12)
        var index = 1
        while index + 11 < fields.count {
            let key = fields[index + 6].string ?? ""
            let idem = fields[index + 8].string ?? ""
            let owner = fields[index + 10].string ?? ""
            let traceParent = fields[index + 11].string ?? ""
            jobs.append(
                JobEnvelope(
                    id: fields[index + 1].string ?? "", kind: fields[index + 2].string ?? "", queue: definition.name,
                    attempt: fields[index + 4].int ?? 1, enqueuedAtMs: fields[index + 7].int ?? 0,
                    idempotencyKey: idem.isEmpty ? nil : idem, rootId: fields[index + 5].string ?? "",
                    orderingKey: key.isEmpty ? nil : key, payload: fields[index + 3].string ?? "",
                    entryId: fields[index].string ?? "", lease: fields[index + 9].string ?? "",
                    owner: owner.isEmpty ? nil : owner, traceParent: traceParent.isEmpty ? nil : traceParent))
            index += 12
        }
        return (fields.first?.int ?? 0, jobs)
    }

    /// Pushes the lease deadlines of this process's running entries forward (renew.lua, with
    /// Redis' clock), so
    /// they only expire for jobs whose process stopped, or that ran past `maxRunMs` (a handler
    /// stuck on a call that never returns must not hold its job, and its chat, forever).
    private func keepLeasesFresh() async {
        let interval = Duration.milliseconds(max(definition.visibilityTimeoutMs / 3, 100))
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let (entries, overrun) = renewable(now: .now)
            for job in overrun {
                logger.error(
                    "Un trabajo lleva más de \(definition.maxRunMs.map { $0 / 1000 } ?? 0) s; se deja vencer su turno para que otro lo retome",
                    metadata: ["job.entry": "\(job)"])
            }
            guard !entries.isEmpty else { continue }
            do {
                _ = try await client.redis.run(
                    client.scripts.renew,
                    arguments: [definition.name, String(definition.visibilityTimeoutMs)] + entries)
            } catch {
                logger.warning("No se pudo renovar la visibilidad de \(entries.count) trabajos en curso: \(error)")
            }
        }
    }

    /// The running entries whose lease is renewed, and those that just passed `maxRunMs`
    /// (reported once; their lease is no longer renewed).
    func renewable(now: ContinuousClock.Instant) -> (renew: [String], newlyOverrun: [String]) {
        let limit = definition.maxRunMs.map { Duration.milliseconds($0) }
        return inFlight.withLock { running in
            var renew: [String] = []
            var overrun: [String] = []
            for (entry, job) in running {
                guard let limit, now - job.started > limit else {
                    renew.append(entry)
                    continue
                }
                if !job.overrunReported {
                    running[entry]?.overrunReported = true
                    overrun.append(entry)
                }
            }
            return (renew, overrun)
        }
    }
}
