import Foundation
import PostgresNIO

// Catalog files and the demo data on PostgreSQL: one transaction per file.
extension PostgresStore {
    public func importCatalog(rows: [CatalogRow], mode: ImportMode, rowErrors: [RowError]) async throws
        -> ImportResult
    {
        try CatalogMerge.check(rows, mode: mode)
        return try await transaction { connection in
            let now = Date()
            var result = try await Self.upsertCatalogRows(connection, rows, now: now, logger: logger)
            if mode == .replace {
                let kept = Array(CatalogMerge.kept(rows, rowErrors: rowErrors))
                result.deactivatedCount = try await connection.rows(
                    """
                    UPDATE productos SET activo = FALSE, actualizado = \(now)
                    WHERE activo AND NOT (id = ANY(\(kept)))
                    RETURNING id
                    """, logger: logger
                ).count
            }
            result.errors = rowErrors
            return result
        }
    }

    public func seedIfEmpty(catalogCSV: String, companyText: String) async throws -> SeedResult {
        let parsed = CatalogCSV.parse(catalogCSV)
        let text = companyText.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await transaction { connection in
            // Two processes seeding an empty database at once: the second waits, then finds it done.
            try await connection.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey + 1))", logger: logger)
            var result = SeedResult(products: 0, companyText: false, errors: [])
            let empty = try await connection.row("SELECT NOT EXISTS (SELECT 1 FROM productos) AS empty", logger: logger)
            if try empty?.value("empty", as: Bool.self) == true {
                result.products = try await Self.upsertCatalogRows(
                    connection, parsed.rows, now: Date(), logger: logger
                ).createdCount
                result.errors = parsed.errors
            }
            let active = try await connection.row(
                "SELECT EXISTS (SELECT 1 FROM contexto_empresa WHERE activo) AS has", logger: logger)
            if !text.isEmpty, try active?.value("has", as: Bool.self) == false {
                _ = try await Self.insertCompanyContext(connection, text, logger: logger)
                result.companyText = true
            }
            return result
        }
    }

    /// Writes the rows that change something (the stored ones locked first, in id order).
    static func upsertCatalogRows(_ connection: PostgresConnection, _ rows: [CatalogRow], now: Date, logger: Logger)
        async throws -> ImportResult
    {
        let ids = rows.map(\.product.id)
        let existing = try await connection.rows(
            """
            SELECT \(unescaped: productColumns) FROM productos WHERE id = ANY(\(ids)) ORDER BY id FOR UPDATE
            """, logger: logger
        ).map(Product.init(postgres:))
        let (writes, result) = CatalogMerge.plan(rows, existing: existing)
        for product in writes { try await saveProduct(connection, product, now: now, logger: logger) }
        if !writes.isEmpty { try await advanceProductIds(connection, logger: logger) }
        return result
    }

    /// Inserts a validated product with its own id, or overwrites the stored row with that id
    /// (then `advanceProductIds`).
    static func saveProduct(_ connection: PostgresConnection, _ product: Product, now: Date, logger: Logger)
        async throws
    {
        let search = ProductSearchColumns(product)
        try await connection.execute(
            """
            INSERT INTO productos (id, nombre, descripcion, precio, stock, activo, categoria, descontinuado,
                                   actualizado, terminos, texto_plegado, categoria_plegada)
            OVERRIDING SYSTEM VALUE
            VALUES (\(product.id), \(product.name), \(product.description), \(product.price), \(product.stock),
                    \(product.active), \(product.category), \(product.discontinued), \(now),
                    CAST(\(search.vectorLiteral) AS tsvector), \(search.folded), \(search.foldedCategory))
            ON CONFLICT (id) DO UPDATE SET
                nombre = excluded.nombre, descripcion = excluded.descripcion, precio = excluded.precio,
                stock = excluded.stock, activo = excluded.activo, categoria = excluded.categoria,
                descontinuado = excluded.descontinuado, actualizado = excluded.actualizado,
                terminos = excluded.terminos, texto_plegado = excluded.texto_plegado,
                categoria_plegada = excluded.categoria_plegada
            """, logger: logger)
    }

    /// Moves the id sequence past the highest id written with its own id (as SQLite's rowid).
    static func advanceProductIds(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.execute(
            """
            SELECT setval(pg_get_serial_sequence('productos', 'id'), GREATEST((SELECT MAX(id) FROM productos), 1))
            """, logger: logger)
    }
}
