import Crypto

/// A Lua script called by SHA. The SHA is computed locally, so a call needs no round trip
/// to learn it; after a Redis restart (empty script cache) the client loads it again.
public struct RedisScript: Sendable {
    public let name: String
    public let source: String
    public let sha: String

    public init(name: String, source: String) {
        self.name = name
        self.source = source
        self.sha = Insecure.SHA1.hash(data: Array(source.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `EVALSHA sha numkeys keys... args...`
    public func command(keys: [String] = [], arguments: [String]) -> RedisCommand {
        var command = RedisCommand(["EVALSHA", sha, String(keys.count)])
        command.arguments.reserveCapacity(3 + keys.count + arguments.count)
        for key in keys { command.append(key) }
        for argument in arguments { command.append(argument) }
        return command
    }
}
