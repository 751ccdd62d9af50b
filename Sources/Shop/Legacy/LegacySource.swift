import Foundation
import GRDB

/// The old system's SQLite database (the Python/FastAPI backend's `app.db`), opened read-only.
/// Its rows are read as they are, messy values included: the importer decides what they mean.
struct LegacySource {
    let queue: DatabaseQueue

    init(path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw LegacyImportError("no se puede leer \(path)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
        let tables = try queue.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        let expected: Set<String> = ["productos", "clientes", "ventas", "mensajes"]
        guard expected.isSubset(of: tables) else {
            throw LegacyImportError(
                "\(path) no parece una base del sistema anterior: faltan las tablas "
                    + expected.subtracting(tables).sorted().joined(separator: ", "))
        }
        self.tables = tables
    }

    let tables: Set<String>

    func count(_ table: String) throws -> Int {
        guard tables.contains(table) else { return 0 }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
    }

    /// Calls `body` with each row of `sql`, streaming (a large table is never held in memory).
    func forEachRow(_ sql: String, _ body: (Row) throws -> Void) throws {
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() { try body(row) }
        }
    }
}

/// A reason the import cannot start (the file is not the old system's database).
public struct LegacyImportError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
