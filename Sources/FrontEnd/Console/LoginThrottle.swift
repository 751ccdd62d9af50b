import Foundation
import JobEngine

/// Failed console logins are counted in Redis per user name and per client address over a
/// window; past the limit, logins for that name (or from that address) are refused until
/// the window ends, whether the password is right or not. A successful login clears the
/// name's count.
struct LoginThrottle: Sendable {
    let redis: RedisClient
    var windowSeconds = 15 * 60
    var maxPerUser = 5
    var maxPerAddress = 20

    /// Seconds until logins are allowed again for this name or address; nil when allowed.
    func lockedFor(user: String, address: String) async throws -> Int? {
        let replies = try await redis.pipeline([
            RedisCommand("GET", Self.userKey(user)), RedisCommand("TTL", Self.userKey(user)),
            RedisCommand("GET", Self.addressKey(address)), RedisCommand("TTL", Self.addressKey(address)),
        ])
        var wait: Int?
        if (replies[0].int ?? 0) >= maxPerUser { wait = max(replies[1].int ?? windowSeconds, 1) }
        if (replies[2].int ?? 0) >= maxPerAddress { wait = max(wait ?? 0, replies[3].int ?? windowSeconds, 1) }
        return wait
    }

    /// Counts a failure for both; the window starts at the first failure.
    func recordFailure(user: String, address: String) async throws {
        _ = try await redis.pipeline([
            RedisCommand("INCR", Self.userKey(user)),
            RedisCommand("EXPIRE", Self.userKey(user), String(windowSeconds), "NX"),
            RedisCommand("INCR", Self.addressKey(address)),
            RedisCommand("EXPIRE", Self.addressKey(address), String(windowSeconds), "NX"),
        ]).map { try $0.checked() }
    }

    func reset(user: String) async throws {
        _ = try await redis.send(RedisCommand("DEL", Self.userKey(user)))
    }

    /// Keys are hashed: a user name or address of any length or content makes a short key.
    static func userKey(_ name: String) -> String {
        "vd:consola:f:u:" + ConsoleSessionStore.hash(name.lowercased())
    }

    static func addressKey(_ address: String) -> String {
        "vd:consola:f:ip:" + ConsoleSessionStore.hash(address)
    }
}
