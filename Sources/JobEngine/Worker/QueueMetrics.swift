import Support

/// What the engine records per queue at each finish, in the process's `MetricsRegistry`:
/// the wait (enqueued → started, of this attempt) and run (started → outcome) histograms
/// and the outcome counter. The series are looked up once per queue, so a finish costs two
/// histogram observations and one counter increment (each one uncontended lock).
public struct QueueMetrics: Sendable {
    /// The outcome label: a closed set.
    enum Outcome: String, CaseIterable, Sendable {
        case completed, retried, failed, dead
    }

    static let wait = MetricsRegistry.shared.histogram(
        "vendedor_queue_wait_seconds", "Time a job waited in its queue before a worker started it (per attempt).",
        labels: ["queue"])
    static let run = MetricsRegistry.shared.histogram(
        "vendedor_queue_run_seconds", "Time a job's handler ran, from start to its recorded outcome.",
        labels: ["queue"])
    static let outcomes = MetricsRegistry.shared.counter(
        "vendedor_queue_jobs_total", "Jobs finished in this process, by queue and outcome.",
        labels: ["queue", "outcome"])

    private let waitSeries: MetricSeries
    private let runSeries: MetricSeries
    private let outcomeSeries: [MetricSeries]

    public init(queue: String) {
        waitSeries = Self.wait.labels(queue)
        runSeries = Self.run.labels(queue)
        // Every outcome shows from the start (at 0), so rate() sees the first one.
        outcomeSeries = Outcome.allCases.map { Self.outcomes.labels(queue, $0.rawValue) }
    }

    /// A completed job, as `record` keeps it (what `ops/bench queue` times to show the
    /// metrics' share of a job's cost).
    public func recordCompleted(waitSeconds: Double, runSeconds: Double) {
        record(.completed, waitSeconds: waitSeconds, runSeconds: runSeconds)
    }

    func record(_ outcome: FinishRecord.Outcome, waitSeconds: Double, runSeconds: Double) {
        let label: Outcome
        switch outcome {
        case .ok: label = .completed
        case .retry, .later: label = .retried
        case .fail: label = .failed
        case .dead, .deadWithReply: label = .dead
        }
        record(label, waitSeconds: waitSeconds, runSeconds: runSeconds)
    }

    private func record(_ label: Outcome, waitSeconds: Double, runSeconds: Double) {
        waitSeries.observe(waitSeconds)
        runSeries.observe(runSeconds)
        outcomeSeries[Outcome.allCases.firstIndex(of: label)!].increment()
    }
}

extension JobClient {
    /// The queue depths and all workers' totals, read from Redis now (for a scrape):
    /// `vendedor_queue_depth{queue,state}`, `vendedor_queue_redis_jobs_total{queue,outcome}`
    /// and `vendedor_workers_alive`; nothing when Redis does not answer.
    public func depthMetrics() async -> [MetricFamily] {
        guard let queues = try? await self.stats() else { return [] }
        var values: [([String], Double)] = []
        var totals: [([String], Double)] = []
        for queue in queues {
            values.append(([queue.queue, "pending"], Double(queue.pendingCount)))
            values.append(([queue.queue, "running"], Double(queue.inFlight)))
            values.append(([queue.queue, "delayed"], Double(queue.delayed)))
            values.append(([queue.queue, "dead"], Double(queue.dead)))
            totals.append(([queue.queue, "completed"], Double(queue.processed)))
            totals.append(([queue.queue, "failed"], Double(queue.failed)))
            totals.append(([queue.queue, "retried"], Double(queue.retried)))
        }
        var families = [
            MetricFamily.snapshot(
                name: "vendedor_queue_depth", help: "Jobs in a queue now, by state (read from Redis at the scrape).",
                kind: .gauge, labelNames: ["queue", "state"], values: values),
            MetricFamily.snapshot(
                name: "vendedor_queue_redis_jobs_total",
                help: "Jobs finished by every worker since Redis' data began, by queue and outcome (Redis counters).",
                kind: .counter, labelNames: ["queue", "outcome"], values: totals),
        ]
        if let workers = try? await self.liveWorkers() {
            families.append(
                .snapshot(
                    name: "vendedor_workers_alive", help: "Worker processes with a recent heartbeat.",
                    kind: .gauge, labelNames: [], values: [([], Double(workers.count))]))
        }
        return families
    }
}
