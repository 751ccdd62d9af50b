import CHiredis
import Foundation
import Logging
import Support

/// A SUBSCRIBE connection on its own thread. Each message is handed to `onMessage`
/// (channel, payload). It reconnects and resubscribes after Redis restarts and calls
/// `onReconnect`, so waiters can re-check what they may have missed.
public final class RedisSubscriber: @unchecked Sendable {
    private let url: RedisURL
    private let channels: [String]
    private let logger: Logger
    private let onMessage: @Sendable (String, String) -> Void
    private let onReconnect: @Sendable () -> Void
    private let lock = NSLock()
    private var stopped = false
    private var fd: Int32 = -1

    public init(
        url: RedisURL, channels: [String], logger: Logger,
        onMessage: @escaping @Sendable (String, String) -> Void,
        onReconnect: @escaping @Sendable () -> Void = {}
    ) {
        self.url = url
        self.channels = channels
        self.logger = logger
        self.onMessage = onMessage
        self.onReconnect = onReconnect
        NamedThread.start("redis-subscriber") { [self] in self.runLoop() }
    }

    /// Stops the loop, interrupting the blocking read.
    public func stop() {
        lock.lock()
        stopped = true
        if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) }
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func runLoop() {
        var delayMs = 50
        var first = true
        while !isStopped {
            guard let context = subscribe() else {
                Thread.sleep(forTimeInterval: Double(delayMs) / 1000)
                delayMs = min(delayMs * 2, 1_000)
                continue
            }
            delayMs = 50
            if !first { onReconnect() }
            first = false
            while let raw = vd_redis_get_reply(context) {
                let reply = RedisConnection.convert(raw)
                freeReplyObject(raw)
                if let items = reply.array, items.count == 3, items[0].string == "message",
                    let channel = items[1].string, let payload = items[2].string
                {
                    onMessage(channel, payload)
                }
            }
            lock.lock()
            fd = -1
            lock.unlock()
            redisFree(context)
            if !isStopped { logger.warning("Suscripción a Redis interrumpida; reconectando") }
        }
    }

    private func subscribe() -> UnsafeMutablePointer<redisContext>? {
        guard let context = vd_redis_connect(url.host, Int32(url.port), 2_000) else { return nil }
        guard vd_redis_err(context) == 0 else {
            redisFree(context)
            return nil
        }
        _ = vd_redis_set_timeout(context, 0)  // block until a message or stop()
        _ = redisEnableKeepAlive(context)
        var commands: [RedisCommand] = []
        if let password = url.password { commands.append(RedisCommand("AUTH", password)) }
        commands.append(RedisCommand(["SUBSCRIBE"] + channels))
        var writer = RESPWriter()
        for command in commands { writer.write(command) }
        let appended = writer.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { vd_redis_append_raw(context, $0.baseAddress, $0.count) }
        }
        // AUTH reply, then one confirmation per channel.
        let expected = (url.password == nil ? 0 : 1) + channels.count
        var ok = appended == REDIS_OK
        for _ in 0..<expected where ok {
            guard let raw = vd_redis_get_reply(context) else {
                ok = false
                break
            }
            if case .error = RedisConnection.convert(raw) { ok = false }
            freeReplyObject(raw)
        }
        guard ok else {
            redisFree(context)
            return nil
        }
        lock.lock()
        fd = vd_redis_fd(context)
        let stoppedNow = stopped
        lock.unlock()
        if stoppedNow {
            redisFree(context)
            return nil
        }
        return context
    }
}
