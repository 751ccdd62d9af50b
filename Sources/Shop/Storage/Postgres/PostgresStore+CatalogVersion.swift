import Foundation
import PostgresNIO

// What every chat turn reads of the catalog (the product names the reader knows, the search
// vocabulary) kept in memory against `catalogo_version`, a counter the schema's triggers bump
// in the same transaction as any change of a product's name, description, category, active
// flag or search terms (not of its stock: orders don't invalidate it). A turn then costs one
// primary-key read instead of a scan of the catalog (`ts_stat` for the vocabulary); any
// process's change is seen by the next turn of every process.
extension PostgresStore {
    /// The catalog's version now (committed changes only).
    func catalogVersion() async throws -> Int64 {
        try await read { connection in
            try await connection.row("SELECT version FROM catalogo_version WHERE id = 1", logger: logger)?
                .value("version", as: Int64.self) ?? 0
        }
    }

    /// `load`'s answer for the current version: kept from an earlier call while the version
    /// is the same. The version is read first, so data newer than it is at worst read again.
    func cachedCatalogRead<T: Sendable>(_ slot: CatalogReadCache<T>, load: () async throws -> T) async throws -> T {
        let version = try await catalogVersion()
        if let kept = slot.value(at: version) { return kept }
        let value = try await load()
        slot.keep(value, at: version)
        return value
    }
}
