import Foundation

/// Which storage engine and where, read from `DATABASE_URL`.
///
/// PostgreSQL: `postgresql://user:password@host:5432/db?sslmode=require` (also `postgres://`,
/// see `PostgresURL`); `postgres` is set and `path` is empty.
///
/// SQLite, accepted forms (the seed's SQLAlchemy style is kept so existing `.env` files work):
/// - `sqlite:///./var/app.db` or `sqlite:///var/app.db`: relative to the working directory;
/// - `sqlite:////srv/vendedor/app.db`: absolute;
/// - `./var/app.db` or `/srv/vendedor/app.db`: a plain path;
/// - `sqlite+aiosqlite:///./app.db` (the old backend's async driver): the same file.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public static let defaultValue = "sqlite:///./var/app.db"

    /// The SQLite file path, absolute or relative to the working directory ("" for PostgreSQL).
    public let path: String
    /// The PostgreSQL server, when the URL names one.
    public let postgres: PostgresURL?

    /// Parses a `DATABASE_URL` value; nil or blank means `defaultValue`.
    public init(_ value: String?) throws(DatabaseURLError) {
        let text = value?.trimmingCharacters(in: .whitespaces) ?? ""
        var raw = text.isEmpty ? Self.defaultValue : text
        // The old backend's SQLAlchemy async driver names: the same SQLite file.
        for driver in ["sqlite+aiosqlite:", "sqlite+pysqlite:"] where raw.hasPrefix(driver) {
            raw = "sqlite:" + raw.dropFirst(driver.count)
        }
        if raw.hasPrefix("postgresql://") || raw.hasPrefix("postgres://") {
            do {
                postgres = try PostgresURL(raw)
            } catch {
                throw DatabaseURLError(value: PostgresURL.redacted(raw), reason: error.reason)
            }
            path = ""
            return
        }
        postgres = nil
        let path: String
        if raw.hasPrefix("sqlite:///") {
            path = String(raw.dropFirst("sqlite:///".count))
        } else if raw.hasPrefix("sqlite:") {
            throw DatabaseURLError(
                value: raw, reason: "use sqlite:///ruta/relativa.db o sqlite:////ruta/absoluta.db")
        } else if raw.contains("://") {
            throw DatabaseURLError(
                value: raw, reason: "se admite sqlite:///ruta/al/archivo.db o postgresql://usuario:clave@host:5432/base"
            )
        } else {
            path = raw
        }
        let file = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard !file.isEmpty, !file.hasSuffix("/") else {
            throw DatabaseURLError(value: raw, reason: "falta el nombre del archivo de la base de datos")
        }
        guard file != ":memory:" else {
            throw DatabaseURLError(value: raw, reason: "se necesita un archivo; no se admite :memory:")
        }
        self.path = file
    }

    /// Whether this is a SQLite file (the processes' only engine until every store is ported).
    public var isSQLite: Bool { postgres == nil }

    /// The path made absolute against `directory` (the working directory by default).
    public func absolutePath(relativeTo directory: String = FileManager.default.currentDirectoryPath) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
    }

    /// Creates the file's parent directory (like `var/`) when it does not exist yet.
    public func createParentDirectory() throws {
        let parent = URL(fileURLWithPath: absolutePath()).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    public var description: String { postgres.map(\.description) ?? path }
}

/// A malformed `DATABASE_URL`; the message is the one line printed at start-up.
public struct DatabaseURLError: CodedError, Equatable {
    public let value: String
    public let reason: String

    public var code: ErrorCode { .configuration }
    public var message: String { "DATABASE_URL inválida (\(value)): \(reason)." }
}
