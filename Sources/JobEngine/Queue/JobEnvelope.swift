import Support

/// A job as a worker receives it: the stored record around the payload bytes.
public struct JobEnvelope: Sendable {
    public var id: String
    public var kind: String
    public var queue: String
    /// 1 on the first run; retries and take-overs count up.
    public var attempt: Int
    public var enqueuedAtMs: Int
    public var idempotencyKey: String?
    /// The request or chat message that started the chain (the job itself for a root).
    public var rootId: String
    public var orderingKey: String?
    public var payload: String
    /// Queue entry and lease that prove this worker holds the job.
    public var entryId: String
    public var lease: String
    /// The token subject that enqueued the chain's root (for a chat message: the HTTP
    /// channel whose callback gets the reply), copied to every follow-up; nil when none.
    public var owner: String? = nil
    /// The W3C `traceparent` of the span that enqueued the job (record field `tp`); nil for a
    /// job enqueued with tracing off or before the field existed: it runs all the same.
    public var traceParent: String? = nil
}

/// A new job to add, built from a typed payload.
public struct NewJob: Sendable {
    public var id: String
    public var kind: String
    public var queue: String
    public var payload: String
    public var orderingKey: String
    public var idempotencyKey: String
    /// Subject of the token that asked for the job (a `canal` sees only its own jobs).
    public var owner: String = ""
    /// The span that asked for the job (`traceparent`), "" when tracing is off: a follow-up
    /// made in a handler names the handler's span, a request's job the request's span.
    public var traceParent: String = Traces.currentTraceParent

    public init<P: JobPayload>(_ payload: P, id: String = JobID.make(), idempotencyKey: String? = nil) throws {
        self.id = id
        self.kind = P.kind
        self.queue = P.queue
        self.payload = try payload.encodedPayload()
        self.orderingKey = payload.orderingKey ?? ""
        self.idempotencyKey = idempotencyKey ?? ""
    }
}
