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
    public func placeOrder(_ request: OrderRequest, idempotencyKey: String) throws -> PlacedOrder {
        let key = idempotencyKey.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(key.count) else {
            throw ValidationErrors([
                ValidationError(
                    campo: "idempotency_key", mensaje: "La clave de idempotencia debe tener entre 1 y 200 caracteres.")
            ])
        }
        let request = try request.validated()
        do {
            return try pool.write { db in try Self.placeOrder(db, request, key: key) }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // Writers are serialized, so this is a safety net: if another writer stored the same
            // key first, its order is the answer.
            if let pedido = try pool.read({ db in try Self.fetchOrder(db, idempotencyKey: key) }) {
                return PlacedOrder(pedido: pedido, replayed: true)
            }
            throw error
        }
    }

    /// The order stored under an idempotency key, if any.
    public func order(idempotencyKey: String) throws -> Pedido? {
        try pool.read { db in try Self.fetchOrder(db, idempotencyKey: idempotencyKey) }
    }

    static func fetchOrder(_ db: Database, idempotencyKey: String) throws -> Pedido? {
        try fetchOrders(db, "WHERE idempotency_key = \(idempotencyKey)").first
    }

    private static func placeOrder(_ db: Database, _ request: OrderRequest, key: String) throws -> PlacedOrder {
        if let existing = try fetchOrder(db, idempotencyKey: key) {
            return PlacedOrder(pedido: existing, replayed: true)
        }
        let items = try priceLines(db, request.items)
        let now = Date()
        for item in items {
            try db.execute(
                sql:
                    "UPDATE productos SET stock = stock - ?, actualizado = ? WHERE id = ? AND activo = 1 AND stock >= ?",
                arguments: [item.cantidad, now, item.productoId, item.cantidad])
            if db.changesCount != 1 {
                let disponible = try Int.fetchOne(
                    db, sql: "SELECT stock FROM productos WHERE id = ?", arguments: [item.productoId])
                throw OrderError.insufficientStock([
                    ShortItem(
                        productoId: item.productoId, nombre: item.nombre, pedido: item.cantidad,
                        disponible: disponible ?? 0)
                ])
            }
        }
        let total = items.reduce(0) { $0 + $1.subtotal }
        let cliente = try upsertClient(db, request.cliente, now: now).datos
        try db.execute(
            sql: """
                INSERT INTO pedidos (idempotency_key, chat_id, cedula, estado, total, cliente_nombre, telefono, correo,
                                     direccion, barrio, indicaciones, creado, actualizado)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key, request.chatId, cliente.cedula, EstadoPedido.pendiente.rawValue, total, cliente.nombre,
                cliente.telefono, cliente.correo, cliente.direccion, cliente.barrio, cliente.indicaciones, now, now,
            ])
        let pedidoId = db.lastInsertedRowID
        for (index, item) in items.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO pedido_items (pedido_id, posicion, producto_id, nombre, cantidad, precio_unitario, subtotal)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    pedidoId, index + 1, item.productoId, item.nombre, item.cantidad, item.precioUnitario,
                    item.subtotal,
                ])
        }
        try db.execute(
            sql: """
                UPDATE clientes SET pedidos_count = pedidos_count + 1, total_comprado = total_comprado + ?,
                    ultima_compra = ?, actualizado = ?
                WHERE cedula = ?
                """,
            arguments: [total, now, now, cliente.cedula])
        return PlacedOrder(pedido: try requireOrder(db, id: pedidoId), replayed: false)
    }

    /// The order lines priced from the catalog, after checking every product is sellable and
    /// every quantity fits the stock.
    private static func priceLines(_ db: Database, _ lines: [OrderRequest.Line]) throws -> [PedidoItem] {
        let found = try Producto.fetchAll(
            db, sql: "SELECT * FROM productos WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [JSONArray.of(lines.map(\.productoId))])
        let products = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var items: [PedidoItem] = []
        var short: [ShortItem] = []
        for line in lines {
            guard let producto = products[line.productoId] else {
                throw OrderError.productNotFound(line.productoId)
            }
            guard producto.activo else {
                throw OrderError.productInactive(id: producto.id, nombre: producto.nombre)
            }
            if producto.stock < line.cantidad {
                short.append(
                    ShortItem(
                        productoId: producto.id, nombre: producto.nombre, pedido: line.cantidad,
                        disponible: producto.stock))
            }
            items.append(
                PedidoItem(
                    productoId: producto.id, nombre: producto.nombre, cantidad: line.cantidad,
                    precioUnitario: producto.precio))
        }
        if !short.isEmpty { throw OrderError.insufficientStock(short) }
        return items
    }
}
