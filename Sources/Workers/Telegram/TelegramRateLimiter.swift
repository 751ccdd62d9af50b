import Foundation
import Integrations
import JobEngine
import Pipeline

/// Spaces outgoing Telegram messages across every worker process (see
/// queues/telegram_limit.lua): at most one per second to a chat (one per three seconds to a
/// group) and 30 per second overall, as Telegram receives them. A sender waits out its chat's
/// spacing and any full second, reserves the next global slot and sleeps until it, then
/// reports the message done (`sent`): the chat's next message waits a full interval from
/// then, and the message stops counting a second later. When a wait is longer than
/// `maxWait`, the caller hands the job back to the engine (`JobError.retryAfter`, no
/// attempt used) instead of holding a worker.
public struct TelegramRateLimiter: Sendable {
    public let redis: RedisClient
    public let script: RedisScript
    public let limits: TelegramRateLimits
    /// The longest wait slept inside a job.
    public var maxWait: Duration

    public init(redis: RedisClient, script: RedisScript, limits: TelegramRateLimits, maxWait: Duration = .seconds(2)) {
        self.redis = redis
        self.script = script
        self.limits = limits
        self.maxWait = maxWait
    }

    public enum Grant: Sendable, Equatable {
        /// Reserved: send after this many microseconds.
        case reserved(waitMicroseconds: Int)
        /// Not reserved: ask again after this many microseconds.
        case busy(waitMicroseconds: Int)
    }

    /// One attempt to reserve a slot for the message `token` (unique per message).
    public func reserve(chatId: Int64, token: String) async throws -> Grant {
        let reply = try await call("reserve", chatId: chatId, token: token)
        guard let items = reply.array, items.count == 2, let granted = items[0].int, let wait = items[1].int else {
            throw RedisError.unexpectedReply("telegram_limit")
        }
        return granted == 1 ? .reserved(waitMicroseconds: wait) : .busy(waitMicroseconds: wait)
    }

    /// Records that the message `token` is done (sent, or failed after leaving).
    public func sent(chatId: Int64, token: String) async throws {
        _ = try await call("sent", chatId: chatId, token: token)
    }

    /// Waits for a slot to send one message to `chatId` and returns its token (for `sent`);
    /// throws `JobError.retryAfter` when the wait is longer than `maxWait`.
    public func acquire(chatId: Int64) async throws -> String {
        let token = UUID().uuidString
        while true {
            switch try await reserve(chatId: chatId, token: token) {
            case .reserved(let wait):
                if wait > 0 { try await Task.sleep(for: .microseconds(wait)) }
                return token
            case .busy(let wait) where Duration.microseconds(wait) <= maxWait:
                try await Task.sleep(for: .microseconds(wait))
            case .busy(let wait):
                throw JobError.retryAfter(
                    seconds: Double(wait) / 1_000_000, reason: "límite de envíos de Telegram para este chat o en total")
            }
        }
    }

    private func call(_ operation: String, chatId: Int64, token: String) async throws -> RedisReply {
        let maxWaitUs = maxWait.components.seconds * 1_000_000 + maxWait.components.attoseconds / 1_000_000_000_000
        return try await redis.run(
            script, keys: [TelegramKeys.chatRate(chatId), TelegramKeys.globalRate, TelegramKeys.globalWindow],
            arguments: [
                String(limits.chatIntervalMs(chatId) * 1000),
                String(Int((limits.globalIntervalMs * 1000).rounded(.up))),
                String(maxWaitUs), operation, token, String(Int(limits.globalPerSecond.rounded(.down))),
            ])
    }
}
