import CHiredis
import Foundation
import Logging
import Support

/// One hiredis connection driven by its own thread, so blocking hiredis calls never run on
/// Swift's cooperative pool.
///
/// Requests from concurrent callers are queued; the thread drains everything queued, writes
/// it as one pipeline and reads the replies in order (automatic pipelining). After an I/O
/// error the context is dropped and the next request reconnects with exponential backoff.
public final class RedisConnection: @unchecked Sendable {
    public struct Options: Sendable {
        public var connectTimeoutMs: Int = 2_000
        /// Socket read/write timeout; must exceed any BLOCK time used on this connection.
        public var commandTimeoutMs: Int = 10_000
        /// How long a request waits for Redis to come back before failing.
        public var reconnectWindowMs: Int = 10_000
        public var name: String = "vendedor"

        public init() {}
    }

    private enum Payload {
        case encoded([UInt8], count: Int)
        /// Made on the connection thread right before the write (see `sendWhenReady`).
        case deferred(@Sendable () throws -> [RedisCommand])
    }

    private struct Request {
        var payload: Payload
        var continuation: CheckedContinuation<[RedisReply], any Error>
    }

    /// A request ready to write.
    private struct Encoded {
        var bytes: [UInt8]
        var count: Int
        var continuation: CheckedContinuation<[RedisReply], any Error>
    }

    private let url: RedisURL
    private let options: Options
    private let logger: Logger
    private let condition = NSCondition()
    private var pending: [Request] = []
    private var closed = false
    private var failFast = false
    // Touched only by the connection thread.
    private var context: UnsafeMutablePointer<redisContext>?
    private var everConnected = false

    public init(url: RedisURL, options: Options = Options(), logger: Logger) {
        self.url = url
        self.options = options
        self.logger = logger
        NamedThread.start("redis-\(options.name)") { [self] in self.runLoop() }
    }

    /// Sends commands as one pipeline and returns one reply per command (error replies
    /// included, as `.error`).
    public func send(_ commands: [RedisCommand]) async throws -> [RedisReply] {
        guard !commands.isEmpty else { return [] }
        return try await enqueue(.encoded(Self.encode(commands), count: commands.count))
    }

    /// Sends the commands `make` returns, made on the connection's thread when their turn
    /// to be written comes (after the replies of the requests before them are read), so a
    /// caller whose work piles up while Redis runs those requests sends all of it in one
    /// write instead of what it had when it asked. `make` runs exactly once, also when the
    /// connection is closed or Redis stays unreachable (its commands are then dropped and
    /// the error thrown); it must be quick. No commands: nothing is written, no replies.
    public func sendWhenReady(_ make: @escaping @Sendable () throws -> [RedisCommand]) async throws -> [RedisReply] {
        try await enqueue(.deferred(make))
    }

    private func enqueue(_ payload: Payload) async throws -> [RedisReply] {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            if closed {
                condition.unlock()
                if case .deferred(let make) = payload { _ = try? make() }
                continuation.resume(throwing: RedisError.closed)
                return
            }
            pending.append(Request(payload: payload, continuation: continuation))
            condition.signal()
            condition.unlock()
        }
    }

    private static func encode(_ commands: [RedisCommand]) -> [UInt8] {
        var writer = RESPWriter(capacity: 64 * commands.count)
        for command in commands { writer.write(command) }
        return writer.bytes
    }

    /// Sends one command and returns its reply, throwing on an error reply.
    public func send(_ command: RedisCommand) async throws -> RedisReply {
        try await send([command])[0].checked()
    }

    /// From now on a request that finds Redis unreachable fails after one connection attempt
    /// instead of waiting out the reconnect window; a live connection keeps working. For
    /// shutdown: stopping must not wait for a Redis that is gone.
    public func stopWaitingForReconnect() {
        condition.lock()
        failFast = true
        condition.unlock()
    }

    /// Stops the thread after the queued requests; later calls fail with `.closed`.
    public func close() {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while pending.isEmpty && !closed { condition.wait() }
            if pending.isEmpty && closed {
                condition.unlock()
                break
            }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            condition.unlock()
            process(batch)
        }
        if let context { redisFree(context) }
        context = nil
    }

    private func process(_ requests: [Request]) {
        let connected = connectIfNeeded()
        // Deferred requests are made now, with everything their callers gathered meanwhile.
        var batch: [Encoded] = []
        batch.reserveCapacity(requests.count)
        for request in requests {
            switch request.payload {
            case .encoded(let bytes, let count):
                batch.append(Encoded(bytes: bytes, count: count, continuation: request.continuation))
            case .deferred(let make):
                do {
                    let commands = try make()
                    if commands.isEmpty {
                        request.continuation.resume(returning: [])
                    } else {
                        batch.append(
                            Encoded(
                                bytes: Self.encode(commands), count: commands.count,
                                continuation: request.continuation))
                    }
                } catch {
                    request.continuation.resume(throwing: error)
                }
            }
        }
        guard let context = connected else {
            let error = RedisError.unavailable("sin conexión con \(url) tras \(options.reconnectWindowMs) ms")
            for request in batch { request.continuation.resume(throwing: error) }
            return
        }
        var ok = true
        for request in batch where ok {
            ok = request.bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    vd_redis_append_raw(context, chars.baseAddress, chars.count) == REDIS_OK
                }
            }
        }
        var index = 0
        while index < batch.count {
            let request = batch[index]
            guard ok else {
                request.continuation.resume(throwing: RedisError.connectionLost(errorText(context)))
                index += 1
                continue
            }
            var replies: [RedisReply] = []
            replies.reserveCapacity(request.count)
            for _ in 0..<request.count {
                guard let raw = vd_redis_get_reply(context) else {
                    ok = false
                    break
                }
                replies.append(Self.convert(raw))
                freeReplyObject(raw)
            }
            if ok {
                request.continuation.resume(returning: replies)
            } else {
                request.continuation.resume(throwing: RedisError.connectionLost(errorText(context)))
            }
            index += 1
        }
        if !ok { dropContext() }
    }

    private func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        String(cString: vd_redis_errstr(context))
    }

    private func dropContext() {
        if let context {
            logger.warning("Conexión con Redis perdida: \(errorText(context))", metadata: ["redis": "\(url)"])
            redisFree(context)
        }
        context = nil
    }

    /// Connects (again) with exponential backoff inside the reconnect window.
    private func connectIfNeeded() -> UnsafeMutablePointer<redisContext>? {
        if let context { return context }
        let deadline = Date().addingTimeInterval(Double(options.reconnectWindowMs) / 1000)
        var delayMs = 50
        var attempts = 0
        while true {
            attempts += 1
            if let fresh = tryConnect() {
                if everConnected || attempts > 1 {
                    logger.info("Reconectado a Redis", metadata: ["redis": "\(url)", "intentos": "\(attempts)"])
                }
                everConnected = true
                context = fresh
                return fresh
            }
            if Date() >= deadline || givesUp { return nil }
            Thread.sleep(forTimeInterval: Double(delayMs) / 1000)
            delayMs = min(delayMs * 2, 1_000)
        }
    }

    private var givesUp: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed || failFast
    }

    private func tryConnect() -> UnsafeMutablePointer<redisContext>? {
        guard let fresh = vd_redis_connect(url.host, Int32(url.port), options.connectTimeoutMs) else { return nil }
        if vd_redis_err(fresh) != 0 {
            logger.debug("No se pudo conectar a Redis: \(String(cString: vd_redis_errstr(fresh)))")
            redisFree(fresh)
            return nil
        }
        _ = vd_redis_set_timeout(fresh, options.commandTimeoutMs)
        _ = redisEnableKeepAlive(fresh)
        var setup: [RedisCommand] = []
        if let password = url.password { setup.append(RedisCommand("AUTH", password)) }
        if url.database != 0 { setup.append(RedisCommand("SELECT", String(url.database))) }
        setup.append(RedisCommand("CLIENT", "SETNAME", options.name))
        var writer = RESPWriter()
        for command in setup { writer.write(command) }
        let appended = writer.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { vd_redis_append_raw(fresh, $0.baseAddress, $0.count) }
        }
        guard appended == REDIS_OK else {
            redisFree(fresh)
            return nil
        }
        for command in setup {
            guard let raw = vd_redis_get_reply(fresh) else {
                redisFree(fresh)
                return nil
            }
            let reply = Self.convert(raw)
            freeReplyObject(raw)
            if case .error(let message) = reply {
                // A wrong password is not transient; say so once, without the password.
                logger.error("Redis rechazó \(command.name): \(message)")
                redisFree(fresh)
                return nil
            }
        }
        return fresh
    }

    static func convert(_ reply: UnsafeMutablePointer<redisReply>) -> RedisReply {
        let value = reply.pointee
        switch value.type {
        case REDIS_REPLY_STRING:
            return .string(Self.text(value.str, value.len))
        case REDIS_REPLY_STATUS:
            return .status(Self.text(value.str, value.len))
        case REDIS_REPLY_ERROR:
            return .error(Self.text(value.str, value.len))
        case REDIS_REPLY_INTEGER:
            return .integer(Int(value.integer))
        case REDIS_REPLY_ARRAY:
            var items: [RedisReply] = []
            items.reserveCapacity(value.elements)
            for index in 0..<value.elements {
                if let element = value.element[index] { items.append(convert(element)) } else { items.append(.null) }
            }
            return .array(items)
        default:
            return .null
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?, _ length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}
