import Foundation
import GRDB

// The console's audit log: append-only, newest first.
extension AppDatabase {
    public func appendAudit(_ entry: NewAuditEntry) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO auditoria (usuario, accion, detalle, ip, creado) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.user, entry.action, entry.detail, entry.address, Date()])
        }
    }

    /// A page of the log, newest first; `user` keeps one user's lines.
    public func auditPage(user: String? = nil, limit: Int? = nil, offset: Int? = nil) throws -> (
        entries: [AuditEntry], total: Int
    ) {
        let paging = Paging(limit: limit, offset: offset)
        return try pool.read { db in
            let filter = user == nil ? "" : "WHERE usuario = ? COLLATE NOCASE"
            let arguments: StatementArguments = user.map { [$0] } ?? []
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditoria \(filter)", arguments: arguments)
            let entries = try Row.fetchAll(
                db, sql: "SELECT * FROM auditoria \(filter) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [paging.limit, paging.offset]
            ).map { row in
                AuditEntry(
                    id: row["id"], user: row["usuario"], action: row["accion"], detail: row["detalle"],
                    address: row["ip"], created: row["creado"])
            }
            return (entries, total ?? 0)
        }
    }
}
