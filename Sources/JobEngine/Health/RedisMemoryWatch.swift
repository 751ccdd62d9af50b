import Logging
import ServiceLifecycle

/// Warns before Redis's `maxmemory` is reached: reads `INFO memory` every `interval` and logs
/// a warning when use crosses `warnFraction` of the ceiling (again every `repeatEvery` while it
/// stays above), and a notice when it is back under. Without a ceiling it only watches.
public struct RedisMemoryWatch: Service {
    let jobs: JobClient
    let logger: Logger
    var interval: Duration
    var warnFraction: Double
    var repeatEvery: Duration

    public init(
        jobs: JobClient, logger: Logger, interval: Duration = .seconds(15), warnFraction: Double = 0.8,
        repeatEvery: Duration = .seconds(600)
    ) {
        self.jobs = jobs
        self.logger = logger
        self.interval = interval
        self.warnFraction = warnFraction
        self.repeatEvery = repeatEvery
    }

    /// What one reading should say, given whether the last one was above: a closed set so
    /// the decision is testable without Redis.
    public enum Verdict: Equatable, Sendable {
        case fine, crossedAbove, stillAbove, backUnder
    }

    public static func verdict(_ memory: RedisMemory, warnFraction: Double, wasAbove: Bool) -> Verdict {
        let above = (memory.fraction ?? 0) >= warnFraction
        switch (above, wasAbove) {
        case (true, false): return .crossedAbove
        case (true, true): return .stillAbove
        case (false, true): return .backUnder
        case (false, false): return .fine
        }
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown { await watch() }
    }

    private func watch() async {
        var above = false
        var lastWarning = ContinuousClock.now
        while !Task.isCancelled {
            if let memory = try? await jobs.redisMemory() {
                let verdict = Self.verdict(memory, warnFraction: warnFraction, wasAbove: above)
                let metadata: Logger.Metadata = [
                    "used_bytes": "\(memory.usedBytes)", "max_bytes": "\(memory.maxBytes)",
                    "percent": "\(Int((memory.fraction ?? 0) * 100))",
                ]
                switch verdict {
                case .crossedAbove:
                    lastWarning = .now
                    logger.warning(
                        "Redis está cerca de su maxmemory: al llegar, el front end rechazará mensajes con 503",
                        metadata: metadata)
                case .stillAbove where ContinuousClock.now - lastWarning >= repeatEvery:
                    lastWarning = .now
                    logger.warning("Redis sigue cerca de su maxmemory", metadata: metadata)
                case .backUnder:
                    logger.notice("Redis volvió por debajo del umbral de memoria", metadata: metadata)
                default:
                    break
                }
                above = verdict == .crossedAbove || verdict == .stillAbove
            }
            try? await Task.sleep(for: interval)
        }
    }
}
