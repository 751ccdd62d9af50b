import GRDB

/// A product found by the full-text index, with its BM25 rank (lower is better, as SQLite gives it).
public struct TextSearchRow: Sendable {
    public var product: Product
    public var bm25: Double
}

extension AppDatabase {
    /// The words of the active products' search index with how many products each is in,
    /// and how many products are indexed.
    /// Read by every search: kept per catalog version (one primary-key read on a hit).
    public func searchVocabulary() throws -> SearchVocabularyCounts {
        try pool.read { db in
            try catalogVocabulary.value(at: try Self.catalogVersion(db)) {
                let rows = try Row.fetchAll(db, sql: "SELECT term, doc FROM productos_busqueda_vocab")
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM productos_busqueda") ?? 0
                return SearchVocabularyCounts(
                    terms: rows.map { (term: $0["term"], documents: $0["doc"]) }, productCount: count)
            }
        }
    }

    /// Active products matching `query`, best BM25 first (name counts four times the
    /// description, the category half of it).
    public func searchProducts(_ query: ProductTextQuery, limit: Int) throws -> [TextSearchRow] {
        let expression = FTS5Expression.make(query)
        guard !expression.isEmpty, limit > 0 else { return [] }
        return try pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT p.*, bm25(productos_busqueda, 4.0, 1.0, 0.5) AS rango
                        FROM productos_busqueda JOIN productos p ON p.id = productos_busqueda.rowid
                        WHERE productos_busqueda MATCH ? AND p.activo = 1
                        ORDER BY rango LIMIT ?
                        """),
                arguments: [expression, limit]
            ).map { TextSearchRow(product: try Product(row: $0), bm25: $0["rango"]) }
        }
    }

    /// Ids of the products that can be offered (active).
    public func activeProductIds() throws -> [Int64] {
        try pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM productos WHERE activo = 1") }
    }
}

/// A `ProductTextQuery` as an FTS5 MATCH expression: the alternatives OR-ed, the terms of
/// one AND-ed, each quoted and a prefix when asked (`("guante"* AND "nitrilo"*) OR "n95"`).
enum FTS5Expression {
    static func make(_ query: ProductTextQuery) -> String {
        query.alternatives.map { terms in
            let parts = terms.map { term in
                let quoted = "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                return term.prefix ? quoted + "*" : quoted
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " AND ") + ")"
        }.joined(separator: " OR ")
    }
}
