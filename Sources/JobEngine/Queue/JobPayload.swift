/// A job's typed parameters. `kind` is the stable name stored in Redis; renaming a type
/// must not change it. Payloads carry references (ids, blob keys), never file bytes.
public protocol JobPayload: Codable, Sendable {
    static var kind: String { get }
    /// The queue (a file in `queues/`) that runs this kind.
    static var queue: String { get }
    /// The value that orders this job among others of the same queue (a chat id), if the
    /// queue is ordered.
    var orderingKey: String? { get }
    /// The payload as stored in Redis: `JobCoding`'s JSON (sorted keys). A payload on a hot
    /// path may write the same text by hand.
    func encodedPayload() throws -> String
}

extension JobPayload {
    public var orderingKey: String? { nil }
    public func encodedPayload() throws -> String { try JobCoding.encode(self) }
}
