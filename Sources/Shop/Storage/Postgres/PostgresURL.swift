import Foundation

/// A PostgreSQL server named by `DATABASE_URL`, libpq style:
/// `postgresql://user:password@host:5432/database?sslmode=require` (or `postgres://`).
///
/// - user and password are percent-decoded; the user defaults to `postgres`, the port to 5432,
///   the database to the user's name;
/// - `sslmode`: `disable`, `allow`/`prefer` (TLS when the server offers it; the default, as in
///   libpq), `require` (TLS, certificate not checked), `verify-ca` (chain checked, not the
///   host name), `verify-full` (both);
/// - `host=/run/postgresql` in the query (or an empty host) connects through that Unix socket
///   directory (`.s.PGSQL.<port>`);
/// - `application_name` and `connect_timeout` are accepted and ignored; any other parameter is
///   refused, so a typo never silently weakens TLS.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable
        case allow
        case prefer
        case require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// The Unix socket directory, when connecting through one.
    public var socketDirectory: String?

    /// Longest accepted URL: a configuration value, never user input, but still bounded.
    static let maxLength = 2048

    public struct ParseError: Error, Equatable {
        public var reason: String
    }

    public init(_ text: String) throws(ParseError) {
        guard text.utf8.count <= Self.maxLength else { throw ParseError(reason: "la URL es demasiado larga") }
        var rest = Substring(text)
        if rest.hasPrefix("postgresql://") {
            rest = rest.dropFirst("postgresql://".count)
        } else if rest.hasPrefix("postgres://") {
            rest = rest.dropFirst("postgres://".count)
        } else {
            throw ParseError(reason: "debe empezar por postgresql:// o postgres://")
        }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user = "postgres"
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = try Self.decode(credentials[..<colon], "usuario")
                password = try Self.decode(credentials[credentials.index(after: colon)...], "clave")
            } else {
                user = try Self.decode(credentials, "usuario")
            }
        }
        guard !user.isEmpty else { throw ParseError(reason: "falta el usuario") }
        var host = String(rest)
        var port = 5432
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw ParseError(reason: "host IPv6 sin ]") }
            let after = host[host.index(after: close)...]
            let inner = String(host[host.index(after: host.startIndex)..<close])
            if after.hasPrefix(":") {
                port = try Self.port(after.dropFirst())
            } else if !after.isEmpty {
                throw ParseError(reason: "host IPv6 mal formado")
            }
            host = inner
        } else if let colon = host.lastIndex(of: ":") {
            port = try Self.port(host[host.index(after: colon)...])
            host = String(host[..<colon])
        }
        host = try Self.decode(Substring(host), "host")
        var sslMode = SSLMode.prefer
        var socketDirectory: String?
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let value = try Self.decode(parts.count > 1 ? parts[1] : "", key)
            switch key {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ParseError(reason: "sslmode desconocido \(value) (use \(known))")
                }
                sslMode = mode
            case "host":
                if value.hasPrefix("/") { socketDirectory = value } else { host = value }
            case "port":
                port = try Self.port(Substring(value))
            case "user":
                user = value
            case "password":
                password = value
            case "dbname":
                path = Substring(value)
            case "application_name", "connect_timeout":
                break
            default:
                throw ParseError(reason: "parámetro desconocido \(key)")
            }
        }
        if host.isEmpty, socketDirectory == nil { socketDirectory = "/var/run/postgresql" }
        let database = try Self.decode(path, "base de datos")
        self.host = host.isEmpty ? "localhost" : host
        self.port = port
        self.user = user
        self.password = password
        self.database = database.isEmpty ? user : database
        self.sslMode = sslMode
        self.socketDirectory = socketDirectory
    }

    /// The URL without its password, for logs and error messages.
    public var description: String {
        let target = socketDirectory.map { "[\($0)]" } ?? "\(host):\(port)"
        return "postgresql://\(user)@\(target)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// `text` with any password replaced by `***` (for a URL that failed to parse).
    public static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else {
            return text
        }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    private static func port(_ text: Substring) throws(ParseError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw ParseError(reason: "puerto inválido \(text)")
        }
        return port
    }

    private static func decode(_ text: Substring, _ what: String) throws(ParseError) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw ParseError(reason: "\(what) con codificación % inválida")
        }
        return decoded
    }
}
