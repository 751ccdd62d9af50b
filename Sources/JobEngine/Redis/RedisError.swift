/// Failures talking to Redis. `connection` errors leave it unknown whether a command ran.
public enum RedisError: Error, CustomStringConvertible, Sendable {
    /// Could not connect within the reconnect window.
    case unavailable(String)
    /// The connection broke while commands were in flight.
    case connectionLost(String)
    /// Redis answered with an error reply.
    case server(String)
    /// A reply did not have the expected shape.
    case unexpectedReply(String)
    /// The client was closed.
    case closed

    public var description: String {
        switch self {
        case .unavailable(let why): "Redis no disponible: \(why)"
        case .connectionLost(let why): "conexión con Redis perdida: \(why)"
        case .server(let message): "error de Redis: \(message)"
        case .unexpectedReply(let what): "respuesta inesperada de Redis: \(what)"
        case .closed: "cliente de Redis cerrado"
        }
    }

    /// True when retrying later may succeed (Redis restarting, network blip, memory full).
    public var isTransient: Bool {
        switch self {
        case .unavailable, .connectionLost: true
        case .server(let message): message.hasPrefix("LOADING") || message.hasPrefix("BUSY") || isOutOfMemory
        default: false
        }
    }

    /// Redis refused a write because `maxmemory` is reached (`noeviction`): the command did
    /// not run. Also when the refusal comes from inside a script.
    public var isOutOfMemory: Bool {
        guard case .server(let message) = self else { return false }
        return message.hasPrefix("OOM ") || message.contains("-OOM ") || message.contains(" OOM command not allowed")
    }
}
