import Support

/// A failed call to an outside API (Gemini, OpenAI-compatible servers, Telegram, the local
/// embedding server), classified once for every client.
public struct ProviderError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// 429: try again after the server's delay; not the message's fault.
        case rateLimited
        /// 408, 409 (OpenAI), 5xx, timeouts, connection failures: worth retrying.
        case transient
        /// Any other 4xx, or an answer that cannot be understood: retrying will not help.
        case permanent
    }

    public var kind: Kind
    /// The API ("gemini", "openai", "telegram", "embeddings"), for messages.
    public var api: String
    /// HTTP status, 0 when no answer came.
    public var status: Int
    /// The server's own message (never the request, so never a key or token).
    public var message: String
    /// The delay the server asked for (Retry-After, retry-after-ms, Gemini RetryInfo,
    /// Telegram parameters.retry_after), in seconds: always a number within 0…a day (an
    /// outside number, clamped by `OutsideNumber` however it is set).
    public var retryAfter: Double? {
        didSet { retryAfter = OutsideNumber.delaySeconds(retryAfter) }
    }
    /// Telegram: the group was upgraded to a supergroup with this id
    /// (`parameters.migrate_to_chat_id`); sends must go there.
    public var migrateToChatId: Int64?

    public init(kind: Kind, api: String, status: Int, message: String, retryAfter: Double? = nil) {
        self.kind = kind
        self.api = api
        self.status = status
        self.message = message
        self.retryAfter = OutsideNumber.delaySeconds(retryAfter)
    }

    public var description: String {
        let code = status == 0 ? "sin respuesta" : "HTTP \(status)"
        return "\(api): \(code): \(message)"
    }
}
