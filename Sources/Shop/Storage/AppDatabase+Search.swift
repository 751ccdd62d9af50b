import GRDB

/// A product found by the full-text index, with its BM25 rank (lower is better, as SQLite gives it).
public struct TextSearchRow: Sendable {
    public var product: Product
    public var bm25: Double
}

extension AppDatabase {
    /// The words of the active products' search index with how many products each is in,
    /// and how many products are indexed.
    public func searchVocabulary() throws -> (terms: [(term: String, documents: Int)], productCount: Int) {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT term, doc FROM productos_busqueda_vocab")
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM productos_busqueda") ?? 0
            return (rows.map { (term: $0["term"], documents: $0["doc"]) }, count)
        }
    }

    /// Active products matching an FTS5 expression (see `ProductSearchExpression`), best
    /// BM25 first (name counts four times the description, the category half of it).
    public func searchProducts(matching expression: String, limit: Int) throws -> [TextSearchRow] {
        guard !expression.isEmpty, limit > 0 else { return [] }
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.*, bm25(productos_busqueda, 4.0, 1.0, 0.5) AS rango
                    FROM productos_busqueda JOIN productos p ON p.id = productos_busqueda.rowid
                    WHERE productos_busqueda MATCH ? AND p.activo = 1
                    ORDER BY rango LIMIT ?
                    """,
                arguments: [expression, limit]
            ).map { TextSearchRow(product: try Product(row: $0), bm25: $0["rango"]) }
        }
    }

    /// Ids of the products that can be offered (active).
    public func activeProductIds() throws -> [Int64] {
        try pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM productos WHERE activo = 1") }
    }
}
