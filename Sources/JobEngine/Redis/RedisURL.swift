/// `redis://[user][:password@]host[:port][/db]`. The password is never printed.
public struct RedisURL: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var password: String?
    public var database: Int

    public init(host: String = "127.0.0.1", port: Int = 6379, password: String? = nil, database: Int = 0) {
        self.host = host
        self.port = port
        self.password = password
        self.database = database
    }

    public init?(_ string: String) {
        guard string.hasPrefix("redis://") else { return nil }
        var rest = Substring(string.dropFirst("redis://".count))
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let auth = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = auth.firstIndex(of: ":") {
                password = String(auth[auth.index(after: colon)...])
            } else if !auth.isEmpty {
                password = String(auth)
            }
            if password?.isEmpty == true { password = nil }
        }
        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let dbText = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !dbText.isEmpty {
                guard let db = Int(dbText), db >= 0 else { return nil }
                database = db
            }
        }
        var host = String(rest)
        var port = 6379
        if let colon = rest.lastIndex(of: ":") {
            guard let parsed = Int(rest[rest.index(after: colon)...]), (1...65535).contains(parsed) else { return nil }
            port = parsed
            host = String(rest[..<colon])
        }
        if host.isEmpty { host = "127.0.0.1" }
        if host == "localhost" { host = "127.0.0.1" }
        self.init(host: host, port: port, password: password, database: database)
    }

    public var description: String {
        "redis://\(password == nil ? "" : ":***@")\(host):\(port)/\(database)"
    }
}
