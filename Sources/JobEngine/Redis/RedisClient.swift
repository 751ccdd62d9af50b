import Logging
import Support

/// The process's Redis access: one auto-pipelined command connection plus dedicated
/// connections for blocking reads. Scripts are called by SHA and reloaded on NOSCRIPT.
public final class RedisClient: Sendable {
    public let url: RedisURL
    public let logger: Logger
    private let connection: RedisConnection
    private let options: RedisConnection.Options

    public init(url: RedisURL, name: String = "vendedor", logger: Logger) {
        var options = RedisConnection.Options()
        options.name = name
        self.url = url
        self.logger = logger
        self.options = options
        self.connection = RedisConnection(url: url, options: options, logger: logger)
    }

    /// A connection of its own, for a blocking command (BLPOP) that must not
    /// hold up the shared pipeline.
    public func makeDedicatedConnection(name: String, commandTimeoutMs: Int) -> RedisConnection {
        var options = self.options
        options.name = "\(self.options.name)-\(name)"
        options.commandTimeoutMs = commandTimeoutMs
        return RedisConnection(url: url, options: options, logger: logger)
    }

    /// Another client on its own connection (own pipeline), e.g. for a queue processor so
    /// its traffic does not wait behind other callers'.
    public func makeClient(name: String) -> RedisClient {
        RedisClient(url: url, name: "\(options.name)-\(name)", logger: logger)
    }

    public func close() {
        connection.close()
    }

    /// See `RedisConnection.stopWaitingForReconnect`.
    public func stopWaitingForReconnect() {
        connection.stopWaitingForReconnect()
    }

    /// Sends commands as one pipeline; error replies come back as `.error`.
    public func pipeline(_ commands: [RedisCommand]) async throws -> [RedisReply] {
        try await connection.send(commands)
    }

    /// One command; throws on an error reply.
    @discardableResult
    public func send(_ command: RedisCommand) async throws -> RedisReply {
        try await connection.send(command)
    }

    @discardableResult
    public func send(_ name: String, _ arguments: String...) async throws -> RedisReply {
        try await connection.send(RedisCommand([name] + arguments))
    }

    /// Runs one script call; throws on an error reply.
    @discardableResult
    public func run(_ script: RedisScript, keys: [String] = [], arguments: [String]) async throws -> RedisReply {
        try await runMany([(script, keys, arguments)])[0].checked()
    }

    /// Runs many script calls in one pipeline. Calls that hit NOSCRIPT (Redis restarted
    /// and lost its cache) did not run: their scripts are loaded and those calls resent.
    public func runMany(_ calls: [ScriptCall]) async throws -> [RedisReply] {
        let replies = try await connection.send(calls.map { $0.0.command(keys: $0.1, arguments: $0.2) })
        return try await reloadingMissingScripts(calls, replies)
    }

    /// `runMany` with the calls made by `make` when the connection is ready to write them
    /// (see `RedisConnection.sendWhenReady`): `make` runs exactly once, on the connection's
    /// thread, and must be quick.
    public func runManyWhenReady(_ make: @escaping @Sendable () throws -> [ScriptCall]) async throws
        -> [RedisReply]
    {
        let made = LockedBox<[ScriptCall]>([])
        let replies = try await connection.sendWhenReady {
            let calls = try make()
            made.set(calls)
            return calls.map { $0.0.command(keys: $0.1, arguments: $0.2) }
        }
        return try await reloadingMissingScripts(made.value, replies)
    }

    public typealias ScriptCall = (RedisScript, [String], [String])

    private func reloadingMissingScripts(_ calls: [ScriptCall], _ replies: [RedisReply]) async throws
        -> [RedisReply]
    {
        var replies = replies
        let missing = replies.indices.filter {
            if case .error(let message) = replies[$0] { return message.hasPrefix("NOSCRIPT") }
            return false
        }
        guard !missing.isEmpty else { return replies }
        var seen = Set<String>()
        let loads = missing.map { calls[$0].0 }.filter { seen.insert($0.sha).inserted }
        try await load(loads)
        let retried = try await connection.send(
            missing.map { calls[$0].0.command(keys: calls[$0].1, arguments: calls[$0].2) })
        for (position, index) in missing.enumerated() { replies[index] = retried[position] }
        return replies
    }

    /// Loads scripts (SCRIPT LOAD), which also checks that they compile.
    public func load(_ scripts: [RedisScript]) async throws {
        let replies = try await connection.send(scripts.map { RedisCommand("SCRIPT", "LOAD", $0.source) })
        for (script, reply) in zip(scripts, replies) {
            if case .error(let message) = reply {
                throw RedisError.server("el script \(script.name) no compila: \(message)")
            }
        }
    }

    /// True when Redis answers PING.
    public func ping() async -> Bool {
        (try? await send("PING"))?.string == "PONG"
    }
}
