import Foundation

/// Where the SQLite file lives, read from `DATABASE_URL`.
///
/// Accepted forms (the seed's SQLAlchemy style is kept so existing `.env` files work):
/// - `sqlite:///./var/app.db` or `sqlite:///var/app.db`: relative to the working directory;
/// - `sqlite:////srv/vendedor/app.db`: absolute;
/// - `./var/app.db` or `/srv/vendedor/app.db`: a plain path;
/// - `sqlite+aiosqlite:///./app.db` (the old backend's async driver): the same file.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public static let defaultValue = "sqlite:///./var/app.db"

    /// The file path, absolute or relative to the working directory.
    public let path: String

    /// Parses a `DATABASE_URL` value; nil or blank means `defaultValue`.
    public init(_ value: String?) throws(DatabaseURLError) {
        let text = value?.trimmingCharacters(in: .whitespaces) ?? ""
        var raw = text.isEmpty ? Self.defaultValue : text
        // The old backend's SQLAlchemy async driver names: the same SQLite file.
        for driver in ["sqlite+aiosqlite:", "sqlite+pysqlite:"] where raw.hasPrefix(driver) {
            raw = "sqlite:" + raw.dropFirst(driver.count)
        }
        let path: String
        if raw.hasPrefix("sqlite:///") {
            path = String(raw.dropFirst("sqlite:///".count))
        } else if raw.hasPrefix("sqlite:") {
            throw DatabaseURLError(
                value: raw, reason: "use sqlite:///ruta/relativa.db o sqlite:////ruta/absoluta.db")
        } else if raw.contains("://") {
            throw DatabaseURLError(value: raw, reason: "solo se admite SQLite (sqlite:///ruta/al/archivo.db)")
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

    public var description: String { path }
}

/// A malformed `DATABASE_URL`; the message is the one line printed at start-up.
public struct DatabaseURLError: CodedError, Equatable {
    public let value: String
    public let reason: String

    public var code: ErrorCode { .configuration }
    public var message: String { "DATABASE_URL inválida (\(value)): \(reason)." }
}
