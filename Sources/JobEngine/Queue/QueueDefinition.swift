/// One queue's settings, read from `queues/<name>.json`.
public struct QueueDefinition: Sendable, Equatable {
    public struct Backoff: Sendable, Equatable {
        public var baseMs: Int
        public var capMs: Int
        /// Fraction of the delay randomised (0 = none, 1 = full jitter).
        public var jitter: Double
    }

    public var name: String
    /// Jobs one worker process holds at once (running, or waiting outside the process).
    public var concurrency: Int
    /// Of those, how many do CPU work at once; a job waiting on an outside call
    /// (`OutsideWait`) holds no CPU slot. Equal to `concurrency` unless the file says
    /// `cpu_concurrency` (then outside waits give their slot back).
    public var cpuConcurrency: Int
    public var batchSize: Int
    public var maxAttempts: Int
    public var backoff: Backoff
    public var visibilityTimeoutMs: Int
    /// How long one run may take before its worker stops renewing its lease (`max_run_s`;
    /// nil: no limit). The job is then taken again once the lease runs out, as if its worker
    /// had died, and counts an attempt; the stuck run's finish, if it ever comes, is refused.
    public var maxRunMs: Int?
    /// Payload field whose value orders jobs (one at a time per value), or nil.
    public var orderingKey: String?
    public var rateLimitPerSecond: Int
    /// How long an idempotency key is remembered. It may outlive the job's record
    /// (`completedRetentionSeconds`): a repeat within the window is still not run again and gets
    /// the first job's id, whose status may by then have expired (404). Keys are ~100 bytes;
    /// records with their results are ~10× that, so the record is what is kept short.
    public var idempotencyWindowSeconds: Int
    public var completedRetentionSeconds: Int
    public var deadRetentionSeconds: Int

    /// Delay before retry number `attempt` (1-based): exponential, capped, with jitter.
    public func retryDelayMs(afterAttempt attempt: Int, random: Double = Double.random(in: 0..<1)) -> Int {
        let exponent = min(max(attempt - 1, 0), 30)
        let raw = min(Double(backoff.baseMs) * Double(1 << exponent), Double(backoff.capMs))
        let jittered = raw * (1 - backoff.jitter) + raw * backoff.jitter * random
        return max(Int(jittered), 1)
    }
}
