import Integrations
import JobEngine
import Pipeline

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
        /// The chat the reply went to: the one asked for, or the supergroup it became.
        public var chatId: Int64
    }

    /// Sends `text` to `chatId` for delivery `deliveryId`; throws `ProviderError` (a 403 when
    /// the user blocked the bot) or `JobError.retryAfter` when the limiter says wait. A group
    /// upgraded to a supergroup (a 400 with `migrate_to_chat_id`) is sent to under its new id,
    /// which is remembered for every later send to the old one.
    /// `markup` (buttons) goes on the last piece, where the question is.
    public func send(_ text: String, to chatId: Int64, deliveryId: String, markup: Telegram.ReplyMarkup? = nil)
        async throws -> Outcome
    {
        let pieces = TelegramText.split(text)
        let progressKey = TelegramKeys.sentPieces(deliveryId)
        let known = try await limiter.redis.pipeline([
            RedisCommand("GET", progressKey), RedisCommand("GET", TelegramKeys.migrated(chatId)),
        ])
        let alreadySent = known[0].string.flatMap { Int($0) } ?? 0
        var target = known[1].string.flatMap { Int64($0) } ?? chatId
        var ids: [Int64] = []
        for index in pieces.indices where index >= alreadySent {
            let buttons = index == pieces.count - 1 ? markup : nil
            let sent = try await sendPiece(pieces[index], markup: buttons, to: &target)
            ids.append(sent)
            var commands = [RedisCommand("SET", progressKey, String(index + 1), "EX", "86400")]
            if case .inline = buttons {
                // From now on only this message's buttons are taken (TelegramIntake).
                commands.append(RedisCommand("SET", TelegramKeys.latestKeyboard(target), String(sent), "EX", "86400"))
            }
            for case .error(let message) in try await limiter.redis.pipeline(commands) {
                throw RedisError.server(message)
            }
        }
        return Outcome(pieces: pieces.count, messageIds: ids, chatId: target)
    }

    /// One message within the rate limits; follows one group → supergroup migration.
    private func sendPiece(_ text: String, markup: Telegram.ReplyMarkup?, to target: inout Int64) async throws
        -> Int64
    {
        var followed = false
        while true {
            let token = try await limiter.acquire(chatId: target)
            do {
                let sent = try await client.sendMessage(chatId: target, text: text, markup: markup)
                try await limiter.sent(chatId: target, token: token)
                return sent
            } catch let error as ProviderError {
                try? await limiter.sent(chatId: target, token: token)  // it may have reached Telegram
                guard let moved = error.migrateToChatId, moved != target, !followed else { throw error }
                try await limiter.redis.send("SET", TelegramKeys.migrated(target), String(moved))
                target = moved
                followed = true
            } catch {
                try? await limiter.sent(chatId: target, token: token)
                throw error
            }
        }
    }
}
