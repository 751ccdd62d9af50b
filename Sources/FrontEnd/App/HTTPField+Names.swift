import HTTPTypes

extension HTTPField.Name {
    /// Sent by clients that retry a request: the same key gives back the same job.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// W3C Trace Context: the caller's span (`HTTPTracingMiddleware`).
    static let traceparent = HTTPField.Name("traceparent")!
}
