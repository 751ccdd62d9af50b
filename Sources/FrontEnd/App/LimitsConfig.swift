import Pipeline
import Support

/// The front end's limits per caller (issue 16), from the environment: requests per minute
/// per token (`RATE_LIMIT_TOKEN_PER_MIN`, 6000), messages per minute per chat
/// (`RATE_LIMIT_CHAT_PER_MIN`, 30), concurrent `?wait` polls per process (`MAX_WAIT_POLLS`,
/// 512) and per token (`MAX_WAIT_POLLS_PER_TOKEN`, 32), concurrent uploads per process
/// (`MAX_CONCURRENT_UPLOADS`, 8). 0 turns a rate limit off (the ingest benchmark does).
public struct LimitsConfig: Sendable, Equatable {
    public var requestsPerMinutePerToken = 6_000
    public var messagesPerMinutePerChat = 30
    public var maxWaitPolls = 512
    public var maxWaitPollsPerToken = 32
    public var maxConcurrentUploads = 8

    public init() {}

    public init(environment env: Environment) throws(ConfigError) {
        func read(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
            let value = try env.int(key, default: fallback)
            guard range.contains(value) else {
                throw ConfigError(setting: key, problem: "debe estar entre \(range.lowerBound) y \(range.upperBound)")
            }
            return value
        }
        requestsPerMinutePerToken = try read("RATE_LIMIT_TOKEN_PER_MIN", requestsPerMinutePerToken, 0...100_000_000)
        messagesPerMinutePerChat = try read("RATE_LIMIT_CHAT_PER_MIN", messagesPerMinutePerChat, 0...1_000_000)
        maxWaitPolls = try read("MAX_WAIT_POLLS", maxWaitPolls, 1...100_000)
        maxWaitPollsPerToken = try read("MAX_WAIT_POLLS_PER_TOKEN", maxWaitPollsPerToken, 1...100_000)
        maxConcurrentUploads = try read("MAX_CONCURRENT_UPLOADS", maxConcurrentUploads, 1...1_000)
    }
}
