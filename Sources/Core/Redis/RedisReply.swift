/// A typed Redis reply (RESP2).
public enum RedisReply: Sendable, Equatable {
    case string(String)
    case status(String)
    case integer(Int)
    case null
    case array([RedisReply])
    case error(String)
}
