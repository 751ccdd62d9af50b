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

    /// Calls `body` with each row of `table` in `order` (an ORDER BY clause), reading them in
    /// chunks of `chunk` (a large table is never held in memory; only its row ids are).
    func forEachRow(_ table: String, orderBy order: String, chunk: Int = 500, _ body: (Row) async throws -> Void)
        async throws
    {
        guard tables.contains(table) else { return }
        let rowids = try queue.inDatabase { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM \"\(table)\" ORDER BY \(order)")
        }
        var start = 0
        while start < rowids.count {
            let ids = rowids[start..<min(start + chunk, rowids.count)]
            start += chunk
            let list = ids.map(String.init).joined(separator: ",")
            let rows = try queue.inDatabase { db in
                try Row.fetchAll(db, sql: "SELECT rowid AS legado_rowid, * FROM \"\(table)\" WHERE rowid IN (\(list))")
            }
            let byRowid = Dictionary(
                rows.map { (($0["legado_rowid"] as Int64?) ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
            for id in ids {
                if let row = byRowid[id] { try await body(row) }
            }
        }
    }

    /// Every row of a small query (at most a few rows).
    func rows(_ sql: String) throws -> [Row] {
        try queue.read { db in try Row.fetchAll(db, sql: sql) }
    }
}

/// A reason the import cannot start (the file is not the old system's database).
public struct LegacyImportError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
