/// What a handler throws to steer the engine. Any other error is a transient failure:
/// retried with backoff until the queue's max attempts, then dead-lettered.
public enum JobError: Error, CustomStringConvertible, Sendable {
    /// Fails for good, no retry (e.g. not enough stock). `estado` becomes `fallido`.
    case permanent(String)
    /// Try again after `seconds` without using up an attempt (e.g. an HTTP 429).
    case retryAfter(seconds: Double, reason: String)
    /// Straight to the dead-letter queue (e.g. a payload that cannot be decoded).
    case deadLetter(String)
    /// To the dead-letter queue, but with a reply: `reply`'s follow-ups (the message telling
    /// the customer) are enqueued and its result recorded in the same step, and a follow-up
    /// on the job's ordering key keeps the job's turn.
    case deadLetterWithReply(String, JobResult)

    public var description: String {
        switch self {
        case .permanent(let message): message
        case .retryAfter(let seconds, let reason): "\(reason) (reintento en \(seconds) s)"
        case .deadLetter(let message): message
        case .deadLetterWithReply(let message, _): message
        }
    }
}
