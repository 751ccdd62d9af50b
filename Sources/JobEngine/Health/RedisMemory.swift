/// Redis's memory as `INFO memory` reports it: what is used and the `maxmemory` ceiling
/// (0 = none). With `noeviction` (ops/redis.conf) Redis refuses writes at the ceiling, so the
/// front end answers 503 and nothing accepted is lost; this is how close that is.
public struct RedisMemory: Sendable, Equatable {
    public var usedBytes: Int
    public var maxBytes: Int

    public init(usedBytes: Int, maxBytes: Int) {
        self.usedBytes = usedBytes
        self.maxBytes = maxBytes
    }

    /// used / max, or nil without a ceiling.
    public var fraction: Double? {
        maxBytes > 0 ? Double(usedBytes) / Double(maxBytes) : nil
    }

    /// Reads the `used_memory:` and `maxmemory:` lines of an `INFO memory` reply (one pass;
    /// a missing or malformed line counts as 0).
    public init(info: String) {
        var used = 0
        var max = 0
        for line in info.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("used_memory:") {
                used = Int(line.dropFirst("used_memory:".count)) ?? 0
            } else if line.hasPrefix("maxmemory:") {
                max = Int(line.dropFirst("maxmemory:".count)) ?? 0
            }
        }
        self.init(usedBytes: max >= 0 ? used : 0, maxBytes: max >= 0 ? max : 0)
    }
}

extension JobClient {
    /// Redis's memory use and ceiling.
    public func redisMemory() async throws -> RedisMemory {
        RedisMemory(info: try await redis.send(RedisCommand("INFO", "memory")).checked().string ?? "")
    }
}
