/// A typed Redis reply (RESP2).
public enum RedisReply: Sendable, Equatable {
    case string(String)
    case status(String)
    case integer(Int)
    case null
    case array([RedisReply])
    case error(String)
}

extension RedisReply {
    /// The reply as text for string, status and integer replies.
    public var string: String? {
        switch self {
        case .string(let s), .status(let s): s
        case .integer(let i): String(i)
        default: nil
        }
    }

    public var int: Int? {
        switch self {
        case .integer(let i): i
        case .string(let s): Int(s)
        default: nil
        }
    }

    public var array: [RedisReply]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Throws for an error reply; returns self otherwise.
    @discardableResult
    public func checked() throws(RedisError) -> RedisReply {
        if case .error(let message) = self { throw RedisError.server(message) }
        return self
    }

    /// A flat `[field, value, ...]` array as a dictionary (HGETALL, stream entry fields).
    public var fieldMap: [String: String] {
        guard let items = array else { return [:] }
        var map: [String: String] = [:]
        var index = 0
        while index + 1 < items.count {
            if let key = items[index].string, let value = items[index + 1].string { map[key] = value }
            index += 2
        }
        return map
    }
}
