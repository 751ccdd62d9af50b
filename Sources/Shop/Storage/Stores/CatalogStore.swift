import Foundation

/// Catalog files and the demo data: many products in one transaction.
public protocol CatalogStore: Sendable {
    /// Upserts the valid rows of a catalog file in one transaction. In `.replace` mode, active
    /// products missing from the file are deactivated, except those whose row had an error.
    /// `rowErrors` (from the parser) are passed through to the result.
    func importCatalog(rows: [CatalogRow], mode: ImportMode, rowErrors: [RowError]) async throws -> ImportResult
    /// Start-up seeding: loads the demo catalog when there are no products and stores the
    /// company text when none is active. Running it again changes nothing.
    func seedIfEmpty(catalogCSV: String, companyText: String) async throws -> SeedResult
}

extension CatalogStore {
    /// Parses a catalog file (see `CatalogCSV`) and imports its valid rows.
    public func importCatalog(csv: Data, mode: ImportMode) async throws -> ImportResult {
        let parsed = CatalogCSV.parse(csv)
        return try await importCatalog(rows: parsed.rows, mode: mode, rowErrors: parsed.errors)
    }
}

/// How catalog rows are merged, the same on every engine.
enum CatalogMerge {
    /// A `.replace` import with no valid row would deactivate the whole catalog: refused.
    static func check(_ rows: [CatalogRow], mode: ImportMode) throws {
        if mode == .replace, rows.isEmpty {
            throw ValidationErrors([
                ValidationError(
                    field: "archivo", message: "El archivo no tiene filas válidas; no se desactivó ningún producto.")
            ])
        }
    }

    /// The products to write (a file cannot bring back a discontinued product: staff do that
    /// by its state) and the counts, given the stored products with the rows' ids.
    static func plan(_ rows: [CatalogRow], existing: [Product]) -> (writes: [Product], result: ImportResult) {
        let byId = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result = ImportResult()
        var writes: [Product] = []
        for row in rows {
            var product = row.product
            if byId[product.id]?.discontinued == true {
                product.discontinued = true
                product.active = false
            }
            switch byId[product.id] {
            case product?:
                result.unchanged += 1
                continue
            case nil:
                result.createdCount += 1
            default:
                result.updatedCount += 1
            }
            writes.append(product)
        }
        return (writes, result)
    }

    /// Ids a `.replace` import keeps active: the file's rows and the rows that had an error.
    static func kept(_ rows: [CatalogRow], rowErrors: [RowError]) -> Set<Int64> {
        Set(rows.map(\.product.id)).union(rowErrors.compactMap(\.id))
    }
}
