import Foundation
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle
import Support
import Workers

/// No-op jobs end to end (enqueue → start → handler → finish) against the Redis of
/// REDIS_URL, with every guarantee on: the same scripts, leases and acks as production.
struct QueueBench {
    var jobs: Int

    func run() async throws {
        var made = try Bootstrap.make(label: "vendedor-bench")
        made.logger.logLevel = .warning
        let boot = made
        try await boot.jobs.prepare()
        let before = try await processed(boot.jobs)
        let service = try WorkerService(
            client: boot.jobs, registry: WorkerHandlers.registry(), options: .init(queues: ["noop"]),
            logger: boot.logger)
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], gracefulShutdownSignals: [], logger: boot.logger))

        let batch = 500
        let payload = try NewJob(NoopJob())
        let clock = ContinuousClock()
        let cpuBefore = ProcessMemory.cpuSeconds()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let start = clock.now
            // Several enqueue calls in flight at once, each a batch of jobs in one script call.
            try await withThrowingTaskGroup(of: Void.self) { producers in
                let jobs = self.jobs
                let perProducer = (jobs + 3) / 4
                for producer in 0..<4 {
                    producers.addTask {
                        var sent = producer * perProducer
                        let end = min(jobs, sent + perProducer)
                        while sent < end {
                            let count = min(batch, end - sent)
                            let newJobs = (0..<count).map { _ -> NewJob in
                                var job = payload
                                job.id = JobID.make()
                                return job
                            }
                            _ = try await boot.jobs.enqueue(newJobs)
                            sent += count
                        }
                    }
                }
                try await producers.waitForAll()
            }
            let enqueued = clock.now - start
            while try await processed(boot.jobs) - before < jobs {
                try await Task.sleep(for: .milliseconds(10))
            }
            let total = clock.now - start
            let cpu = ProcessMemory.cpuSeconds() - cpuBefore
            print("queue.jobs=\(jobs)")
            print("queue.enqueue_per_s=\(Int(Double(jobs) / enqueued.seconds))")
            print("queue.jobs_per_s=\(Int(Double(jobs) / total.seconds))")
            // The engine's per-job metrics (clock reads, two histograms, one counter) against
            // what a job costs this process's CPU (enqueue, fetch, finish; Redis apart).
            let jobCpuNs = cpu * 1e9 / Double(jobs)
            let metricsNs = Self.metricsCostNs()
            print("queue.cpu_us_per_job=\(String(format: "%.2f", jobCpuNs / 1000))")
            print("queue.metrics_ns_per_job=\(String(format: "%.0f", metricsNs))")
            print("queue.metrics_share_of_job_cpu_pct=\(String(format: "%.2f", metricsNs / jobCpuNs * 100))")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// CPU nanoseconds the engine's metrics add to one finished job: the start and end clock
    /// reads and `QueueMetrics.record`, a million times, median of five rounds.
    static func metricsCostNs() -> Double {
        let metrics = QueueMetrics(queue: "bench-metrics")
        let iterations = 1_000_000
        var rounds: [Double] = []
        for _ in 0..<5 {
            let before = ProcessMemory.cpuSeconds()
            for index in 0..<iterations {
                let startedMs = WallClock.nowMs()
                let started = ContinuousClock.now
                let ran = ContinuousClock.now - started
                metrics.recordCompleted(
                    waitSeconds: Double(startedMs - index) / 1000, runSeconds: ran.inSeconds)
            }
            rounds.append((ProcessMemory.cpuSeconds() - before) * 1e9 / Double(iterations))
        }
        return rounds.sorted()[rounds.count / 2]
    }

    /// The noop queue's processed counter (one HGET: polling must not load Redis).
    private func processed(_ client: JobClient) async throws -> Int {
        try await client.redis.send("HGET", QueueKeys.stats("noop"), "processed").int ?? 0
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
