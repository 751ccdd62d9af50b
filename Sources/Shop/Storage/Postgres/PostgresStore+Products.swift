import Foundation
import PostgresNIO
import SpanishText

// The catalog on PostgreSQL. Every write of a name, description or category also writes the
// derived search columns (`PostgresSchema`), from the same Swift folding SQLite uses.
extension PostgresStore {
    static let productColumns = "id, nombre, descripcion, precio, stock, activo, categoria, descontinuado"

    public func product(id: Int64) async throws -> Product? {
        try await read { try await Self.fetchProduct($0, id: id, logger: logger) }
    }

    public func products(ids: [Int64]) async throws -> [Product] {
        let found = try await read { connection in
            try await connection.rows(
                "SELECT \(unescaped: Self.productColumns) FROM productos WHERE id = ANY(\(ids))", logger: logger
            ).map(Product.init(postgres:))
        }
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byId[$0] }
    }

    public func listProducts(_ filter: ProductFilter, limit: Int?, offset: Int?) async throws -> Page<Product> {
        let paging = Paging(limit: limit, offset: offset)
        var query = PostgresQuery(unsafeSQL: "")
        var conditions: [String] = []
        var binds = PostgresBindings()
        if let category = filter.category?.trimmingCharacters(in: .whitespaces), !category.isEmpty {
            try binds.append(TextFold.fold(category))
            conditions.append("categoria_plegada = $\(binds.count)")
        }
        if let active = filter.active {
            try binds.append(active)
            conditions.append("activo = $\(binds.count)")
        }
        for word in TextFold.fold(filter.text ?? "").split(whereSeparator: \.isWhitespace) {
            try binds.append(SearchFunctions.containsPattern(String(word)))
            conditions.append("texto_plegado LIKE $\(binds.count) ESCAPE '\\'")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let countBinds = binds
        try binds.append(paging.limit)
        try binds.append(paging.offset)
        query = PostgresQuery(
            unsafeSQL: "SELECT \(Self.productColumns) FROM productos \(whereClause) ORDER BY id "
                + "LIMIT $\(binds.count - 1) OFFSET $\(binds.count)", binds: binds)
        let count = PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n FROM productos \(whereClause)", binds: countBinds)
        return try await read { connection in
            let total = try await connection.row(count, logger: logger)?.value("n", as: Int.self) ?? 0
            let page = try await connection.rows(query, logger: logger).map(Product.init(postgres:))
            return Page(results: page, total: total, limit: paging.limit, offset: paging.offset)
        }
    }

    public func productCategories() async throws -> [String] {
        try await read { connection in
            try await connection.rows(
                "SELECT DISTINCT categoria FROM productos WHERE activo ORDER BY categoria", logger: logger
            ).map { try $0.value("categoria", as: String.self) }
        }
    }

    public func createProduct(_ input: ProductInput) async throws -> Product {
        let product = try input.validated()
        do {
            return try await transaction { connection in
                if let id = input.id, try await Self.fetchProduct(connection, id: id, logger: logger) != nil {
                    throw StoreError.conflict("Ya existe un producto con el id \(id).")
                }
                let id = try await Self.insertProduct(connection, product, explicitId: input.id, logger: logger)
                return try await Self.requireProduct(connection, id: id, logger: logger)
            }
        } catch  where PostgresFailure.isUniqueViolation(error) {
            throw StoreError.conflict("Ya existe un producto con el id \(input.id ?? 0).")
        }
    }

    public func updateProduct(id: Int64, _ changes: ProductChanges) async throws -> Product {
        try await transaction { connection in
            let current = try await Self.requireProduct(connection, id: id, forUpdate: true, logger: logger)
            let updated = try changes.applied(to: current)
            let search = ProductSearchColumns(updated)
            try await connection.execute(
                """
                UPDATE productos SET nombre = \(updated.name), descripcion = \(updated.description),
                    precio = \(updated.price), stock = \(updated.stock), activo = \(updated.active),
                    categoria = \(updated.category), descontinuado = \(updated.discontinued), actualizado = \(Date()),
                    terminos = CAST(\(search.vectorLiteral) AS tsvector),
                    texto_plegado = \(search.folded), categoria_plegada = \(search.foldedCategory)
                WHERE id = \(id)
                """, logger: logger)
            return try await Self.requireProduct(connection, id: id, logger: logger)
        }
    }

    public func deleteProduct(id: Int64) async throws -> ProductDeletion {
        try await transaction { connection in
            _ = try await Self.requireProduct(connection, id: id, forUpdate: true, logger: logger)
            let sold = try await connection.row(
                "SELECT EXISTS (SELECT 1 FROM pedido_items WHERE producto_id = \(id)) AS sold", logger: logger)
            if try sold?.value("sold", as: Bool.self) == true {
                try await connection.execute(
                    "UPDATE productos SET activo = FALSE, actualizado = \(Date()) WHERE id = \(id)", logger: logger)
                return .deactivated
            }
            try await connection.execute("DELETE FROM productos WHERE id = \(id)", logger: logger)
            return .deleted
        }
    }

    public func activeProductIds() async throws -> [Int64] {
        try await read { connection in
            try await connection.rows("SELECT id FROM productos WHERE activo ORDER BY id", logger: logger)
                .map { try $0.value("id", as: Int64.self) }
        }
    }

    /// Read by every chat turn: kept per catalog version (`cachedCatalogRead`).
    public func productNames() async throws -> [String] {
        try await cachedCatalogRead(catalogNames) {
            try await read { connection in
                try await connection.rows("SELECT nombre FROM productos ORDER BY id", logger: logger)
                    .map { try $0.value("nombre", as: String.self) }
            }
        }
    }

    // MARK: Search

    /// Read by every search: kept per catalog version (`cachedCatalogRead`).
    public func searchVocabulary() async throws -> SearchVocabularyCounts {
        try await cachedCatalogRead(catalogVocabulary) { try await readSearchVocabulary() }
    }

    private func readSearchVocabulary() async throws -> SearchVocabularyCounts {
        try await read { connection in
            let terms = try await connection.rows(
                "SELECT word, ndoc FROM ts_stat('SELECT terminos FROM productos WHERE activo')", logger: logger
            ).map { (term: try $0.value("word", as: String.self), documents: try $0.value("ndoc", as: Int.self)) }
            let count = try await connection.row(
                "SELECT COUNT(*) AS n FROM productos WHERE activo", logger: logger)
            return SearchVocabularyCounts(terms: terms, productCount: try count?.value("n", as: Int.self) ?? 0)
        }
    }

    /// `ts_rank` with the proportions SQLite's BM25 weights have (name 4, description 1,
    /// category 0.5, scaled into 0…1) and normalisation 1 (divided by 1 + log of the
    /// product's length: longer texts rank lower, as BM25 makes them), negated so that lower
    /// is better as `TextSearchRow.bm25` says.
    public func searchProducts(_ query: ProductTextQuery, limit: Int) async throws -> [TextSearchRow] {
        let text = TSQueryText.make(query)
        guard !text.isEmpty, limit > 0 else { return [] }
        return try await read { connection in
            try await connection.rows(
                """
                SELECT \(unescaped: Self.productColumns),
                    ts_rank('{0.0625, 0.125, 0.25, 1}', terminos, q, 1) AS rango
                FROM productos, CAST(\(text) AS tsquery) AS q
                WHERE activo AND terminos @@ q
                ORDER BY rango DESC, id LIMIT \(limit)
                """, logger: logger
            ).map {
                TextSearchRow(product: try Product(postgres: $0), bm25: -Double(try $0.value("rango", as: Float.self)))
            }
        }
    }

    // MARK: Shared within a transaction

    static func fetchProduct(
        _ connection: PostgresConnection, id: Int64, forUpdate: Bool = false, logger: Logger
    ) async throws -> Product? {
        try await connection.row(
            "SELECT \(unescaped: productColumns) FROM productos WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")",
            logger: logger
        ).map(Product.init(postgres:))
    }

    static func requireProduct(
        _ connection: PostgresConnection, id: Int64, forUpdate: Bool = false, logger: Logger
    ) async throws -> Product {
        guard let product = try await fetchProduct(connection, id: id, forUpdate: forUpdate, logger: logger) else {
            throw StoreError.notFound(resource: "el producto", key: String(id))
        }
        return product
    }

    /// Inserts a validated product (with `explicitId`, or the next id) and returns its id.
    /// An explicit id moves the id sequence past it, as SQLite's rowid would.
    static func insertProduct(
        _ connection: PostgresConnection, _ product: Product, explicitId: Int64?, logger: Logger
    ) async throws -> Int64 {
        let search = ProductSearchColumns(product)
        let row = try await connection.row(
            """
            INSERT INTO productos (id, nombre, descripcion, precio, stock, activo, categoria, descontinuado,
                                   actualizado, terminos, texto_plegado, categoria_plegada)
            OVERRIDING SYSTEM VALUE
            VALUES (COALESCE(\(explicitId), nextval(pg_get_serial_sequence('productos', 'id'))), \(product.name),
                    \(product.description), \(product.price), \(product.stock), \(product.active),
                    \(product.category), \(product.discontinued), \(Date()),
                    CAST(\(search.vectorLiteral) AS tsvector), \(search.folded), \(search.foldedCategory))
            RETURNING id
            """, logger: logger)
        let id = try row?.value("id", as: Int64.self) ?? 0
        if explicitId != nil { try await advanceProductIds(connection, logger: logger) }
        return id
    }
}

/// The derived search columns of a product: its tokens per field (for `terminos`) and its
/// folded text (for the listing filters).
struct ProductSearchColumns {
    /// The `tsvector` in its text form: every token with its position, weighted A in the
    /// name, B in the description, C in the category (`'extintor':1A 'pqs':2A 'polvo':3B`).
    var vectorLiteral: String
    var folded: String
    var foldedCategory: String

    /// Highest position a `tsvector` keeps.
    static let maxPosition = 16383

    init(_ product: Product) {
        var entries: [String] = []
        var position = 0
        for (text, weight) in [(product.name, "A"), (product.description, "B"), (product.category, "C")] {
            for token in SpanishWords.tokens(text) where position < Self.maxPosition {
                position += 1
                entries.append(TSQueryText.quote(token) + ":\(position)\(weight)")
            }
        }
        vectorLiteral = entries.joined(separator: " ")
        folded = TextFold.fold(product.name + " " + product.description + " " + product.category)
        foldedCategory = TextFold.fold(product.category)
    }
}
