import Foundation
import Logging
import Synchronization
import Testing

@testable import JobEngine

@Suite("Redis client: password, database, pipelining, errors")
struct RedisClientTests {
    @Test func passwordAndDatabaseFromTheURLAreUsed() async throws {
        let server = try await RedisServer(extraArguments: ["--requirepass", "s3cr3t-de-prueba"])
        defer { server.stop() }
        let logger = Logger(label: "test")
        let client = RedisClient(url: RedisURL("redis://:s3cr3t-de-prueba@127.0.0.1:\(server.port)/3")!, logger: logger)
        defer { client.close() }
        try await client.send("SET", "clave", "valor")
        #expect(try await client.send("GET", "clave").string == "valor")
        let info = try await client.send("CLIENT", "INFO").string ?? ""
        #expect(info.contains("db=3"))

        var options = RedisConnection.Options()
        options.reconnectWindowMs = 300
        let wrong = RedisConnection(
            url: RedisURL("redis://:otra@127.0.0.1:\(server.port)/0")!, options: options, logger: logger)
        defer { wrong.close() }
        await #expect(throws: RedisError.self) { try await wrong.send(RedisCommand("PING")) }
    }

    @Test func pipelinesKeepOrderAndReturnErrorRepliesInPlace() async throws {
        let server = try await RedisServer()
        defer { server.stop() }
        let client = RedisClient(url: RedisURL(server.url)!, logger: Logger(label: "test"))
        defer { client.close() }
        let replies = try await client.pipeline([
            RedisCommand("SET", "a", "1"), RedisCommand("INCR", "a"), RedisCommand("HGET", "a", "x"),
            RedisCommand("GET", "no-existe"), RedisCommand("RPUSH", "l", "x", "y"),
            RedisCommand("LRANGE", "l", "0", "-1"),
        ])
        #expect(replies[0] == .status("OK"))
        #expect(replies[1] == .integer(2))
        if case .error(let message) = replies[2] {
            #expect(message.hasPrefix("WRONGTYPE"))
        } else {
            Issue.record("se esperaba un error WRONGTYPE")
        }
        #expect(replies[3] == .null)
        #expect(replies[4] == .integer(2))
        #expect(replies[5] == .array([.string("x"), .string("y")]))
        // Many concurrent callers share the connection; each gets its own reply.
        let values = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for index in 0..<200 {
                group.addTask { (index, try await client.send("INCRBY", "c", "1").int ?? -1) }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1.1) }
        }
        #expect(Set(values) == Set(1...200))
    }

    @Test func commandsSentWhenReadyAreMadeAfterTheRepliesBeforeThem() async throws {
        let server = try await RedisServer()
        defer { server.stop() }
        let logger = Logger(label: "test")
        // The socket's read timeout must outlast the BLOCK time (as the queue's fetch connection
        // does), or a loaded machine turns the wait into "Resource temporarily unavailable".
        var options = RedisConnection.Options()
        options.commandTimeoutMs = 60_000
        let connection = RedisConnection(url: RedisURL(server.url)!, options: options, logger: logger)
        defer { connection.close() }
        let other = RedisClient(url: RedisURL(server.url)!, logger: logger)
        defer { other.close() }
        let value = Mutex("antes")
        let made = Mutex(0)
        let asked = Mutex(false)
        // BLPOP holds the connection until the test pushes; the deferred request waits behind it.
        async let blocked = connection.send(RedisCommand("BLPOP", "lista", "50"))
        try await waitUntil("BLPOP bloqueado") {
            (try? await other.send("INFO", "clients").string)?.contains("blocked_clients:1") == true
        }
        async let deferred: [RedisReply] = {
            asked.withLock { $0 = true }
            return try await connection.sendWhenReady {
                made.withLock { $0 += 1 }
                return [RedisCommand("SET", "k", value.withLock { $0 }), RedisCommand("GET", "k")]
            }
        }()
        try await waitUntil("pedido diferido") { asked.withLock { $0 } }
        try await Task.sleep(for: .milliseconds(50))
        value.withLock { $0 = "después" }
        try await other.send("RPUSH", "lista", "x")
        #expect(try await blocked == .array([.string("lista"), .string("x")]))
        #expect(try await deferred == [.status("OK"), .string("después")])
        #expect(made.withLock { $0 } == 1)
        // Nothing to send: no write, no replies.
        #expect(try await connection.sendWhenReady { [] } == [])
    }

    private func waitUntil(_ what: String, _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + TestPaths.loadedWait
        while !(await condition()) {
            guard ContinuousClock.now < deadline else { throw TestFailure("no se cumplió a tiempo: \(what)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func commandsSentWhenReadyAreMadeOnceEvenWhenTheyCannotBeSent() async throws {
        var options = RedisConnection.Options()
        options.reconnectWindowMs = 200
        let port = TestPaths.freePort()
        let unreachable = RedisConnection(
            url: RedisURL("redis://127.0.0.1:\(port)/0")!, options: options, logger: Logger(label: "test"))
        let made = Mutex(0)
        await #expect(throws: RedisError.self) {
            try await unreachable.sendWhenReady {
                made.withLock { $0 += 1 }
                return [RedisCommand("PING")]
            }
        }
        #expect(made.withLock { $0 } == 1)
        unreachable.close()
        await #expect(throws: RedisError.self) {
            try await unreachable.sendWhenReady {
                made.withLock { $0 += 1 }
                return [RedisCommand("PING")]
            }
        }
        #expect(made.withLock { $0 } == 2)
    }
}
