import Foundation
import GRDB
import SpanishText

/// What `deleteProduct` did: products that appear in orders are only deactivated, so the
/// orders keep their lines.
public enum ProductDeletion: String, Codable, Sendable {
    case deleted = "eliminado"
    case deactivated = "desactivado"
}

extension AppDatabase {
    public func product(id: Int64) throws -> Product? {
        try pool.read { db in try Self.fetchProduct(db, id: id) }
    }

    /// The products with these ids that exist, in the order of `ids`.
    public func products(ids: [Int64]) throws -> [Product] {
        let found = try pool.read { db in
            try Product.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM productos WHERE id IN (SELECT value FROM json_each(?))"),
                arguments: [JSONArray.of(ids)])
        }
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byId[$0] }
    }

    /// A page of products matching `filtro`, by id.
    public func listProducts(_ filter: ProductFilter = ProductFilter(), limit: Int? = nil, offset: Int? = nil)
        throws -> Page<Product>
    {
        let paging = Paging(limit: limit, offset: offset)
        var conditions: [SQL] = []
        if let category = filter.category?.trimmingCharacters(in: .whitespaces), !category.isEmpty {
            conditions.append("pliegue(categoria) = \(TextFold.fold(category))")
        }
        if let active = filter.active {
            conditions.append("activo = \(active)")
        }
        // A text over the caps (refused by the API) is read up to them, never past SQLite's limits.
        let words =
            filter.textWords
            ?? Array(
                Set(
                    TextFold.fold(String((filter.text ?? "").prefix(ProductFilter.maxTextLength)))
                        .split(whereSeparator: \.isWhitespace).map(String.init)
                ).sorted().prefix(ProductFilter.maxTextWords))
        for word in words {
            let pattern = SearchFunctions.containsPattern(word)
            conditions.append(
                "pliegue(nombre || ' ' || descripcion || ' ' || categoria) LIKE \(pattern) ESCAPE '\\'")
        }
        let filter: SQL = conditions.isEmpty ? "" : "WHERE \(literal: conditions.joined(separator: " AND "))"
        return try pool.read { db in
            let total = try SQLRequest<Int>(literal: "SELECT COUNT(*) FROM productos \(literal: filter)").fetchOne(db)
            let page = try SQLRequest<Product>(
                literal:
                    "SELECT * FROM productos \(literal: filter) ORDER BY id LIMIT \(paging.limit) OFFSET \(paging.offset)"
            ).fetchAll(db)
            return Page(results: page, total: total ?? 0, limit: paging.limit, offset: paging.offset)
        }
    }

    /// Distinct categories of active products, alphabetically.
    public func productCategories() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT categoria FROM productos WHERE activo = 1 ORDER BY categoria")
        }
    }

    /// Adds a product; with an explicit id that is already taken, throws `StoreError.conflict`.
    public func createProduct(_ input: ProductInput) throws -> Product {
        let product = try input.validated()
        return try pool.write { db in
            if let id = input.id, try Self.fetchProduct(db, id: id) != nil {
                throw StoreError.conflict("Ya existe un producto con el id \(id).")
            }
            try db.execute(
                literal: """
                    INSERT INTO productos (id, nombre, descripcion, precio, stock, activo, categoria, descontinuado,
                                           actualizado)
                    VALUES (\(input.id), \(product.name), \(product.description), \(product.price),
                            \(product.stock), \(product.active), \(product.category), \(product.discontinued),
                            \(Date()))
                    """)
            return try Self.requireProduct(db, id: db.lastInsertedRowID)
        }
    }

    /// Changes the fields present in `cambios`; throws `StoreError.notFound` for an unknown id.
    public func updateProduct(id: Int64, _ changes: ProductChanges) throws -> Product {
        try pool.write { db in
            let updated = try changes.applied(to: try Self.requireProduct(db, id: id))
            try Self.saveProduct(db, updated, now: Date())
            return try Self.requireProduct(db, id: id)
        }
    }

    /// Deletes a product, or only deactivates it when orders refer to it.
    public func deleteProduct(id: Int64) throws -> ProductDeletion {
        try pool.write { db in
            _ = try Self.requireProduct(db, id: id)
            let sold =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM pedido_items WHERE producto_id = ?)", arguments: [id])
                ?? false
            if sold {
                try db.execute(
                    sql: "UPDATE productos SET activo = 0, actualizado = ? WHERE id = ?", arguments: [Date(), id])
                return .deactivated
            }
            try db.execute(sql: "DELETE FROM productos WHERE id = ?", arguments: [id])
            return .deleted
        }
    }

    static func fetchProduct(_ db: Database, id: Int64) throws -> Product? {
        try Product.fetchOne(db.cachedStatement(sql: "SELECT * FROM productos WHERE id = ?"), arguments: [id])
    }

    static func requireProduct(_ db: Database, id: Int64) throws -> Product {
        guard let product = try fetchProduct(db, id: id) else {
            throw StoreError.notFound(resource: "el producto", key: String(id))
        }
        return product
    }

    /// Inserts `producto` with its own id, or overwrites the stored row with that id.
    static func saveProduct(_ db: Database, _ product: Product, now: Date) throws {
        try db.execute(
            literal: """
                INSERT INTO productos (id, nombre, descripcion, precio, stock, activo, categoria, descontinuado,
                                       actualizado)
                VALUES (\(product.id), \(product.name), \(product.description), \(product.price),
                        \(product.stock), \(product.active), \(product.category), \(product.discontinued), \(now))
                ON CONFLICT(id) DO UPDATE SET
                    nombre = excluded.nombre, descripcion = excluded.descripcion, precio = excluded.precio,
                    stock = excluded.stock, activo = excluded.activo, categoria = excluded.categoria,
                    descontinuado = excluded.descontinuado, actualizado = excluded.actualizado
                """)
    }
}

/// JSON arrays of ids, bound as one argument and read back with `json_each` (no limit on
/// the number of ids, one cached statement).
enum JSONArray {
    static func of(_ ids: some Sequence<Int64>) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}

extension Product: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], name: row["nombre"], description: row["descripcion"], price: row["precio"],
            stock: row["stock"], active: row["activo"], category: row["categoria"],
            discontinued: row["descontinuado"] ?? false)
    }
}
