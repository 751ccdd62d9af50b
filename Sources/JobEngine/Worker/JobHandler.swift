import Logging

/// Does the work of one job kind. Handlers must be idempotent: delivery is at least once.
public protocol JobHandler: Sendable {
    associatedtype Payload: JobPayload
    func handle(_ payload: Payload, context: JobContext) async throws -> JobResult
}

/// What a finished handler hands back: its result, follow-up jobs enqueued atomically
/// with the acknowledgement, and optionally the result its chain's root should show.
public struct JobResult: Sendable {
    public var result: String
    public var rootResult: String
    public var followUps: [NewJob]

    public static let empty = JobResult(result: "", rootResult: "", followUps: [])

    public init(result: String = "", rootResult: String = "", followUps: [NewJob] = []) {
        self.result = result
        self.rootResult = rootResult
        self.followUps = followUps
    }

    public init<R: Encodable>(_ result: R, followUps: [NewJob] = [], rootResult: (any Encodable)? = nil) throws {
        self.result = try JobCoding.encode(result)
        self.rootResult = try rootResult.map { try JobCoding.encode($0) } ?? ""
        self.followUps = followUps
    }
}

/// What a handler may know and do besides its payload.
public struct JobContext: Sendable {
    public let envelope: JobEnvelope
    public let workerId: String
    public let jobs: JobClient
    /// The queue's `max_attempts`: a transient failure on this attempt dead-letters the job.
    public let maxAttempts: Int
    let baseLogger: Logger

    public init(envelope: JobEnvelope, workerId: String, logger: Logger, jobs: JobClient, maxAttempts: Int = 1) {
        self.envelope = envelope
        self.workerId = workerId
        self.baseLogger = logger
        self.jobs = jobs
        self.maxAttempts = maxAttempts
    }

    /// True when a transient failure now would send the job to the dead-letter queue (a
    /// handler then owes the customer a reply saying so).
    public var isLastAttempt: Bool { envelope.attempt >= maxAttempts }

    /// A logger carrying the job's id, kind and attempt (built when asked for: most jobs
    /// never log, and metadata is costly to set).
    public var logger: Logger {
        var logger = baseLogger
        logger[metadataKey: "job.id"] = "\(envelope.id)"
        logger[metadataKey: "job.tipo"] = "\(envelope.kind)"
        logger[metadataKey: "job.intento"] = "\(envelope.attempt)"
        return logger
    }

    public var id: String { envelope.id }
    public var attempt: Int { envelope.attempt }

    /// The token subject that enqueued the chain's root (for a chat message: the HTTP
    /// channel whose callback gets the reply); nil when none was recorded.
    public var owner: String? { envelope.owner }

    /// Shows progress (done of total) in the job's status.
    public func progress(done: Int, total: Int) async {
        do {
            try await jobs.reportProgress(envelope.id, done: done, total: total)
        } catch {
            logger.warning("No se pudo registrar el progreso: \(error)")
        }
    }
}
