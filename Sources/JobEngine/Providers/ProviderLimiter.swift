import Foundation
import Logging
import Support

/// Permits for calls to one outside provider, shared by every worker process through Redis
/// (`queues/provider_limit.lua`): at most `maxConcurrent` calls in flight, at most
/// `maxPerSecond` started per second, none while the provider asked everyone to wait (a 429
/// with Retry-After; `pause`). Callers wait for a permit without holding a thread or a CPU
/// slot (see `OutsideWait`); their asks are grouped into one script call (`CallBatcher`), the
/// oldest first. A permit expires after `leaseMs` if its process dies holding it.
public final class ProviderLimiter: Sendable {
    public struct Limits: Sendable, Equatable {
        public var maxConcurrent: Int
        /// 0 = no rate limit.
        public var maxPerSecond: Int
        /// Longer than any call can last (its timeout and retries).
        public var leaseMs: Int

        public init(maxConcurrent: Int, maxPerSecond: Int = 0, leaseMs: Int = 120_000) {
            self.maxConcurrent = max(1, maxConcurrent)
            self.maxPerSecond = max(0, maxPerSecond)
            self.leaseMs = max(1_000, leaseMs)
        }
    }

    public let name: String
    public let limits: Limits
    private let redis: RedisClient
    private let script: RedisScript
    private let keys: [String]
    private let asks: CallBatcher<String, Int>
    private let releases: CallBatcher<String, Bool>
    private let logger: Logger

    public init(name: String, limits: Limits, redis: RedisClient, queuesDirectory: String, logger: Logger) throws {
        let path = URL(fileURLWithPath: queuesDirectory).appendingPathComponent("provider_limit.lua").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QueueDefinitionError(file: path, field: "(archivo)", problem: "no existe o no se puede leer")
        }
        let script = RedisScript(name: "provider_limit", source: String(decoding: data, as: UTF8.self))
        let redis = redis.makeClient(name: "proveedor-\(name)")
        let keys = ProviderKeys.all(name)
        let arguments: @Sendable (String, [String]) -> [String] = { op, tokens in
            [op, String(limits.maxConcurrent), String(limits.maxPerSecond), String(limits.leaseMs), name] + tokens
        }
        self.name = name
        self.limits = limits
        self.redis = redis
        self.script = script
        self.keys = keys
        self.logger = logger
        // One reply per ask: 0 = granted, else the milliseconds to wait before asking again.
        asks = CallBatcher(
            maxPerCall: 256,
            send: { tokens in
                do {
                    let reply = try await redis.run(script, keys: keys, arguments: arguments("acquire", tokens))
                        .checked()
                    let fields = reply.array ?? []
                    let granted = fields.first?.int ?? 0
                    let wait = max(1, fields.count > 1 ? fields[1].int ?? 10 : 10)
                    return tokens.indices.map { $0 < granted ? 0 : wait }
                } catch {
                    logger.warning("No se pudo pedir permiso para llamar a \(name): \(error)")
                    return tokens.map { _ in 200 }
                }
            })
        releases = CallBatcher(
            maxPerCall: 512,
            send: { tokens in
                let done = (try? await redis.run(script, keys: keys, arguments: arguments("release", tokens))) != nil
                return tokens.map { _ in done }
            })
    }

    /// Waits for a permit and returns its token (give it back with `release`).
    public func acquire() async throws -> String {
        let token = "\(ProviderKeys.process)-\(JobID.make())"
        var backoff = 5
        while true {
            let wait = await asks.submit(token)
            if wait == 0 { return token }
            // Others' releases are not signalled: ask again soon, a little later each time.
            backoff = min(backoff * 2, 50)
            try await Task.sleep(for: .milliseconds(min(wait, backoff) + Int.random(in: 0...backoff / 2)))
        }
    }

    public func release(_ token: String) async {
        if !(await releases.submit(token)) {
            logger.warning("No se pudo devolver un permiso de \(name); vence solo en \(limits.leaseMs) ms")
        }
    }

    /// The provider asked to wait (a 429): no process starts a call to it for `seconds`.
    public func pause(seconds: Double) async {
        let ms = max(1, min(Int(seconds * 1000), 600_000))
        _ = try? await redis.run(script, keys: keys, arguments: ["pause", "0", "0", String(ms), name])
    }

    /// Calls in flight (all processes) and milliseconds left of a pause, as Redis has them.
    public static func state(of name: String, redis: RedisClient) async throws -> (inFlight: Int, pausedMs: Int) {
        let keys = ProviderKeys.all(name)
        let replies = try await redis.pipeline([
            RedisCommand("ZCOUNT", keys[0], String(WallClock.nowMs()), "+inf"), RedisCommand("GET", keys[1]),
        ])
        let until = Int(replies[1].string ?? "") ?? 0
        return (replies[0].int ?? 0, max(0, until - WallClock.nowMs()))
    }
}

/// Redis keys of the provider limits.
public enum ProviderKeys {
    /// Providers whose limits are in use (name -> "max_concurrent,max_per_s"), for /admin/colas.
    public static let registry = "vd:p:proveedores"
    static let process = "\(ProcessInfo.processInfo.hostName)-\(getpid())"

    static func all(_ name: String) -> [String] {
        ["vd:p:\(name):en_curso", "vd:p:\(name):pausa", "vd:p:\(name):ritmo", registry]
    }
}
