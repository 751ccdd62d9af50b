import Foundation
import GRDB

// Order placement: the one place where stock is sold.
extension AppDatabase {
    /// Places an order in ONE transaction, idempotently:
    /// 1. an order already stored under `idempotencyKey` is returned as is (`replayed: true`);
    /// 2. every product must exist and be active, and every line must fit the stock
    ///    (`OrderError.insufficientStock` lists every short line);
    /// 3. stock is decremented with `stock >= quantity` in the UPDATE itself, so it can never
    ///    go negative whatever runs concurrently;
    /// 4. the order and all its lines are written at catalog prices (never the caller's), total
    ///    = sum of subtotals; the client is upserted and their purchase stats updated.
    /// Any failure rolls everything back.
    ///
    /// `updatingClient` false (a chat customer who did not prove to be the stored client):
    /// a new cédula is registered, a stored client's record is left untouched, and the order
    /// keeps exactly the data given with it.
    public func placeOrder(_ request: OrderRequest, idempotencyKey: String, updatingClient: Bool = true) throws
        -> PlacedOrder
    {
        let key = try IdempotencyKey.validated(idempotencyKey)
        let request = try request.validated()
        do {
            return try pool.write { db in try Self.placeOrder(db, request, key: key, updatingClient: updatingClient) }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // Writers are serialized, so this is a safety net: if another writer stored the same
            // key first, its order is the answer.
            if let order = try pool.read({ db in try Self.fetchOrder(db, idempotencyKey: key) }) {
                return PlacedOrder(order: order, replayed: true)
            }
            throw error
        }
    }

    /// The order stored under an idempotency key, if any.
    public func order(idempotencyKey: String) throws -> Order? {
        try pool.read { db in try Self.fetchOrder(db, idempotencyKey: idempotencyKey) }
    }

    static func fetchOrder(_ db: Database, idempotencyKey: String) throws -> Order? {
        try fetchOrders(db, "WHERE idempotency_key = \(idempotencyKey)").first
    }

    private static func placeOrder(_ db: Database, _ request: OrderRequest, key: String, updatingClient: Bool) throws
        -> PlacedOrder
    {
        if let existing = try fetchOrder(db, idempotencyKey: key) {
            return PlacedOrder(order: existing, replayed: true)
        }
        let items = try priceLines(db, request.items)
        let now = Date()
        for item in items {
            try db.execute(
                sql:
                    "UPDATE productos SET stock = stock - ?, actualizado = ? WHERE id = ? AND activo = 1 AND stock >= ?",
                arguments: [item.quantity, now, item.productId, item.quantity])
            if db.changesCount != 1 {
                let available = try Int.fetchOne(
                    db, sql: "SELECT stock FROM productos WHERE id = ?", arguments: [item.productId])
                throw OrderError.insufficientStock([
                    ShortItem(
                        productId: item.productId, name: item.name, order: item.quantity,
                        available: available ?? 0)
                ])
            }
        }
        let total = items.reduce(0) { $0 + $1.subtotal }
        let client: ClientDetails
        if updatingClient {
            client = try upsertClient(db, request.client, now: now).details
        } else {
            try insertClientIfNew(db, request.client, now: now)
            client = request.client
        }
        try db.execute(
            sql: """
                INSERT INTO pedidos (idempotency_key, chat_id, cedula, estado, total, cliente_nombre, telefono, correo,
                                     direccion, barrio, indicaciones, creado, actualizado)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key, request.chatId, client.idNumber, OrderState.pending.rawValue, total, client.name,
                client.phone, client.email, client.address, client.neighborhood, client.notes, now, now,
            ])
        let orderId = db.lastInsertedRowID
        for (index, item) in items.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO pedido_items (pedido_id, posicion, producto_id, nombre, cantidad, precio_unitario, subtotal)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    orderId, index + 1, item.productId, item.name, item.quantity, item.unitPrice,
                    item.subtotal,
                ])
        }
        try db.execute(
            sql: """
                UPDATE clientes SET pedidos_count = pedidos_count + 1, total_comprado = total_comprado + ?,
                    ultima_compra = ?, actualizado = ?
                WHERE cedula = ?
                """,
            arguments: [total, now, now, client.idNumber])
        return PlacedOrder(order: try requireOrder(db, id: orderId), replayed: false)
    }

    /// The order lines priced from the catalog, after checking every product is sellable and
    /// every quantity fits the stock.
    private static func priceLines(_ db: Database, _ lines: [OrderRequest.Line]) throws -> [OrderLine] {
        let found = try Product.fetchAll(
            db, sql: "SELECT * FROM productos WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [JSONArray.of(lines.map(\.productId))])
        return try OrderPricing.lines(lines, products: found)
    }
}
