import Crypto
import Foundation
import JobEngine
import Shop

/// Console sessions in Redis: `vd:consola:s:<sha256(token)>` (a hash with the user, role,
/// CSRF token and start time) expiring after `idleSeconds` without use, and never living
/// past `maxSeconds`; `vd:consola:u:<user id>` lists a user's sessions for "log out
/// everywhere".
struct ConsoleSessionStore: Sendable {
    let redis: RedisClient
    var idleSeconds = 8 * 3600
    var maxSeconds = 24 * 3600

    /// Starts a session; returns the cookie's token and the session.
    func create(for user: StaffUser, address: String?) async throws -> (token: String, session: ConsoleSession) {
        let token = Self.randomToken()
        let session = ConsoleSession(
            key: Self.hash(token), userId: user.id, name: user.name, role: user.role, csrfToken: Self.randomToken(),
            createdMs: WallClock.nowMs())
        let key = Self.sessionKey(session.key)
        let userKey = Self.userKey(user.id)
        _ = try await redis.pipeline([
            RedisCommand(
                "HSET", key, "u", String(user.id), "n", user.name, "r", user.role.rawValue, "c", session.csrfToken,
                "t", String(session.createdMs), "ip", String((address ?? "").prefix(64))),
            RedisCommand("EXPIRE", key, String(idleSeconds)),
            RedisCommand("SADD", userKey, session.key),
            RedisCommand("EXPIRE", userKey, String(maxSeconds)),
        ]).map { try $0.checked() }
        return (token, session)
    }

    /// The live session for a cookie token, its idle expiry pushed forward; nil when it is
    /// unknown, expired or past its maximum life.
    func session(token: String) async throws -> ConsoleSession? {
        guard Self.isWellFormed(token) else { return nil }
        let hashed = Self.hash(token)
        let key = Self.sessionKey(hashed)
        let replies = try await redis.pipeline([
            RedisCommand("HGETALL", key), RedisCommand("EXPIRE", key, String(idleSeconds), "XX"),
        ])
        let fields = try replies[0].checked().fieldMap
        guard let userId = fields["u"].flatMap(Int64.init), let name = fields["n"],
            let role = fields["r"].flatMap(Role.init(rawValue:)), StaffUser.roles.contains(role),
            let csrf = fields["c"], let created = fields["t"].flatMap(Int.init)
        else { return nil }
        guard WallClock.nowMs() - created < maxSeconds * 1000 else {
            _ = try await redis.send(RedisCommand("DEL", key))
            return nil
        }
        return ConsoleSession(key: hashed, userId: userId, name: name, role: role, csrfToken: csrf, createdMs: created)
    }

    /// Ends one session.
    func end(_ session: ConsoleSession) async throws {
        _ = try await redis.pipeline([
            RedisCommand("DEL", Self.sessionKey(session.key)),
            RedisCommand("SREM", Self.userKey(session.userId), session.key),
        ])
    }

    /// Ends every session of a user (log out everywhere); returns how many were live.
    @discardableResult
    func endAll(userId: Int64) async throws -> Int {
        let userKey = Self.userKey(userId)
        let members = (try await redis.send(RedisCommand("SMEMBERS", userKey)).checked().array ?? [])
            .compactMap(\.string)
        guard !members.isEmpty else { return 0 }
        let replies = try await redis.pipeline(
            members.map { RedisCommand("DEL", Self.sessionKey($0)) } + [RedisCommand("DEL", userKey)])
        return replies.dropLast().reduce(0) { $0 + ($1.int ?? 0) }
    }

    static func sessionKey(_ hashed: String) -> String { "vd:consola:s:\(hashed)" }
    static func userKey(_ id: Int64) -> String { "vd:consola:u:\(id)" }

    /// 32 random bytes, base64url without padding (43 characters).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43
            && token.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
