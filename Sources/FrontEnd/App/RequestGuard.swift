import Foundation
import JobEngine
import Shop
import Support
import Synchronization

/// What every authenticated request passes before its handler (issue 16): the token is not
/// revoked, the token stays within its requests per minute, a chat within its messages per
/// minute. Counters and the revocation list live in Redis, so every front end process
/// shares them; one script call checks everything a request needs. With both limits off,
/// revocation is still checked, at most every `revocationCacheSeconds` per token.
package final class RequestGuard: Sendable {
    let redis: RedisClient?
    let limits: LimitsConfig
    static let revocationCacheSeconds = 5.0
    private let recentlyChecked = Mutex<[String: Double]>([:])

    init(redis: RedisClient?, limits: LimitsConfig) {
        self.redis = redis
        self.limits = limits
    }

    /// The revocation list: one key per revoked token id, expiring when the token would.
    package static func revokedKey(_ tokenId: String) -> String { "vd:tok:rev:\(tokenId)" }
    static func tokenCounter(_ tokenId: String) -> String { "vd:rl:t:\(tokenId)" }
    static func chatCounter(_ chatId: String) -> String { "vd:rl:c:\(chatId)" }

    /// Revokes a token id until `until` (unix s; the token's own end, or the longest life a
    /// token can have).
    package static func revoke(_ tokenId: String, until: Int, redis: RedisClient) async throws {
        _ = try await redis.send("SET", revokedKey(tokenId), "1", "EXAT", String(max(until, 1)))
    }

    /// KEYS: the revocation key (checked when ARGV[2] is "1"), then counters; ARGV: window
    /// ms, the revocation flag, then each counter's limit. Returns -1 when revoked, else the
    /// ms to wait (0: go ahead). Fixed one-minute windows from each counter's first hit.
    static let script = RedisScript(
        name: "request_guard",
        source: """
            if ARGV[2] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
            local window = tonumber(ARGV[1])
            for i = 2, #KEYS do
              local limit = tonumber(ARGV[i + 1])
              local n = redis.call('INCR', KEYS[i])
              if n == 1 then redis.call('PEXPIRE', KEYS[i], window) end
              if n > limit then
                local ttl = redis.call('PTTL', KEYS[i])
                if ttl > 0 then return ttl end
                return window
              end
            end
            return 0
            """)

    /// Throws 401 for a revoked token, 429 (with the seconds to wait) when the token or the
    /// chat is over its limit; one Redis call.
    func admit(tokenId: String, chatId: String? = nil) async throws {
        guard let redis else { return }
        var keys = [Self.revokedKey(tokenId)]
        var arguments = ["60000", "1"]
        if limits.requestsPerMinutePerToken > 0 {
            keys.append(Self.tokenCounter(tokenId))
            arguments.append(String(limits.requestsPerMinutePerToken))
        }
        if let chatId, limits.messagesPerMinutePerChat > 0 {
            keys.append(Self.chatCounter(chatId))
            arguments.append(String(limits.messagesPerMinutePerChat))
        }
        if keys.count == 1 {
            try await checkRevocation(tokenId, redis: redis)
            return
        }
        try Self.judge(try await redis.run(Self.script, keys: keys, arguments: arguments).int ?? 0)
    }

    /// Only the chat's limit (the token was admitted already).
    func admitChat(_ chatId: String) async throws {
        guard let redis, limits.messagesPerMinutePerChat > 0 else { return }
        let reply = try await redis.run(
            Self.script, keys: ["", Self.chatCounter(chatId)],
            arguments: ["60000", "0", String(limits.messagesPerMinutePerChat)])
        try Self.judge(reply.int ?? 0)
    }

    private func checkRevocation(_ tokenId: String, redis: RedisClient) async throws {
        let now = Date().timeIntervalSince1970
        if let last = recentlyChecked.withLock({ $0[tokenId] }), now - last < Self.revocationCacheSeconds { return }
        if try await redis.send("EXISTS", Self.revokedKey(tokenId)).int == 1 { throw Self.revoked }
        recentlyChecked.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[tokenId] = now
        }
    }

    private static func judge(_ wait: Int) throws {
        if wait < 0 { throw revoked }
        if wait > 0 {
            let seconds = max(1, (wait + 999) / 1000)
            throw APIError(
                .tooManyRequests, "Demasiadas solicitudes; intente de nuevo en \(seconds) s.", retryAfter: seconds)
        }
    }

    static let revoked = APIError(.unauthenticated, "El token fue revocado; solicite uno nuevo.")
}
