import Foundation
import GRDB

// The company text the agent answers company questions from: versioned, exactly one active.
extension AppDatabase {
    public func activeCompanyContext() throws -> CompanyContext? {
        try pool.read(Self.fetchActiveContext)
    }

    /// Every version, newest first.
    public func companyContextVersions() throws -> [CompanyContext] {
        try pool.read { db in
            try CompanyContext.fetchAll(db, sql: "SELECT * FROM contexto_empresa ORDER BY version DESC")
        }
    }

    /// Stores `contenido` as a new version and makes it the active one; the previous version
    /// stays in the table, inactive.
    @discardableResult
    public func replaceCompanyContext(_ content: String) throws -> CompanyContext {
        let text = try CompanyContext.validContent(content)
        return try pool.write { db in try Self.insertCompanyContext(db, text) }
    }

    static func fetchActiveContext(_ db: Database) throws -> CompanyContext? {
        try CompanyContext.fetchOne(db.cachedStatement(sql: "SELECT * FROM contexto_empresa WHERE activo = 1"))
    }

    static func insertCompanyContext(_ db: Database, _ text: String) throws -> CompanyContext {
        try db.execute(sql: "UPDATE contexto_empresa SET activo = 0 WHERE activo = 1")
        let version = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(version), 0) + 1 FROM contexto_empresa") ?? 1
        try db.execute(
            sql: "INSERT INTO contexto_empresa (version, contenido, activo, creado) VALUES (?, ?, 1, ?)",
            arguments: [version, text, Date()])
        return try fetchActiveContext(db)!
    }
}

extension CompanyContext: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], version: row["version"], content: row["contenido"], active: row["activo"],
            created: row["creado"])
    }
}
