import HTTPTypes

extension HTTPField.Name {
    /// Sent by clients that retry a request: the same key gives back the same job.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}
