import Integrations
import JobEngine

extension ProviderError {
    /// What a job handler throws when it gives up on this call: a rate limit becomes a
    /// retry-after (the attempt is given back), a permanent error fails the job, anything
    /// else is an ordinary retry with the queue's backoff.
    public var jobError: any Error {
        switch kind {
        case .rateLimited: JobError.retryAfter(seconds: retryAfter ?? 5, reason: description)
        case .permanent: JobError.permanent(description)
        case .transient: self
        }
    }
}

extension GeminiError {
    /// A blocked or empty answer will not change on a retry.
    public var jobError: JobError { .permanent(description) }
}
