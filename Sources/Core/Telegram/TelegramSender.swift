/// Sends a reply to a Telegram chat as one or more plain-text messages (split by
/// `TelegramText`), each within the rate limits. Pieces already sent by an earlier run of the
/// same delivery job are remembered in Redis and skipped, so a retry after a lost
/// acknowledgement or a 429 resends only what is missing.
public struct TelegramSender: Sendable {
    public let client: TelegramClient
    public let limiter: TelegramRateLimiter

    public init(client: TelegramClient, limiter: TelegramRateLimiter) {
        self.client = client
        self.limiter = limiter
    }

    public struct Outcome: Sendable, Equatable {
        public var pieces: Int
        /// Ids of the messages sent by this run (earlier runs' pieces are not repeated).
        public var messageIds: [Int64]
    }

    /// Sends `text` to `chatId` for delivery `deliveryId`; throws `ProviderError` (a 403 when
    /// the user blocked the bot) or `JobError.retryAfter` when the limiter says wait.
    public func send(_ text: String, to chatId: Int64, deliveryId: String) async throws -> Outcome {
        let pieces = TelegramText.split(text)
        let progressKey = TelegramKeys.sentPieces(deliveryId)
        let alreadySent = try await limiter.redis.send("GET", progressKey).string.flatMap { Int($0) } ?? 0
        var ids: [Int64] = []
        for index in pieces.indices where index >= alreadySent {
            let token = try await limiter.acquire(chatId: chatId)
            let sent: Int64
            do {
                sent = try await client.sendMessage(chatId: chatId, text: pieces[index])
            } catch {
                try? await limiter.sent(chatId: chatId, token: token)  // it may have reached Telegram
                throw error
            }
            try await limiter.sent(chatId: chatId, token: token)
            ids.append(sent)
            try await limiter.redis.send("SET", progressKey, String(index + 1), "EX", "86400")
        }
        return Outcome(pieces: pieces.count, messageIds: ids)
    }
}
