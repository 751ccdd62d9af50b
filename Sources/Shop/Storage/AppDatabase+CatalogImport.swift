import Foundation
import GRDB

/// What `seedIfEmpty` loaded.
public struct SeedResult: Sendable, Equatable {
    /// Products loaded (0 when the catalog already had products).
    public var products: Int
    /// Whether the company text was stored (false when one was already active).
    public var companyText: Bool
    /// Rows of the demo catalog that were refused.
    public var errors: [RowError]
}

extension AppDatabase {
    /// Upserts the valid rows of a catalog file in one transaction. In `.replace` mode, active
    /// products missing from the file are deactivated, except those whose row had an error.
    /// `rowErrors` (from the parser) are passed through to the result.
    public func importCatalog(rows: [CatalogRow], mode: ImportMode, rowErrors: [RowError] = []) throws
        -> ImportResult
    {
        try CatalogMerge.check(rows, mode: mode)
        return try pool.write { db in
            let now = Date()
            var result = try Self.upsertCatalogRows(db, rows, now: now)
            if mode == .replace {
                let kept = CatalogMerge.kept(rows, rowErrors: rowErrors)
                try db.execute(
                    sql: """
                        UPDATE productos SET activo = 0, actualizado = ?
                        WHERE activo = 1 AND id NOT IN (SELECT value FROM json_each(?))
                        """,
                    arguments: [now, JSONArray.of(kept)])
                result.deactivatedCount = db.changesCount
            }
            result.errors = rowErrors
            return result
        }
    }

    /// Parses a catalog file (see `CatalogCSV`) and imports its valid rows.
    public func importCatalog(csv: Data, mode: ImportMode) throws -> ImportResult {
        let parsed = CatalogCSV.parse(csv)
        return try importCatalog(rows: parsed.rows, mode: mode, rowErrors: parsed.errors)
    }

    /// Start-up seeding: loads the demo catalog when there are no products and stores the
    /// company text when none is active. Running it again changes nothing.
    public func seedIfEmpty(catalogCSV: String, companyText: String) throws -> SeedResult {
        let parsed = CatalogCSV.parse(catalogCSV)
        let text = companyText.trimmingCharacters(in: .whitespacesAndNewlines)
        return try pool.write { db in
            var result = SeedResult(products: 0, companyText: false, errors: [])
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM productos") == 0 {
                result.products = try Self.upsertCatalogRows(db, parsed.rows, now: Date()).createdCount
                result.errors = parsed.errors
            }
            if !text.isEmpty, try Self.fetchActiveContext(db) == nil {
                _ = try Self.insertCompanyContext(db, text)
                result.companyText = true
            }
            return result
        }
    }

    static func upsertCatalogRows(_ db: Database, _ rows: [CatalogRow], now: Date) throws -> ImportResult {
        let existing = try Product.fetchAll(
            db, sql: "SELECT * FROM productos WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [JSONArray.of(rows.map(\.product.id))])
        let (writes, result) = CatalogMerge.plan(rows, existing: existing)
        for product in writes { try saveProduct(db, product, now: now) }
        return result
    }
}
