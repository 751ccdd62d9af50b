import Foundation
import GRDB

// Reading orders and moving them through their states. Placing them: AppDatabase+PlaceOrder.
extension AppDatabase {
    /// The order with its lines and client data, or nil.
    public func order(id: Int64) throws -> Order? {
        try pool.read { db in try Self.fetchOrder(db, id: id) }
    }

    /// A page of orders matching `filtro`, newest first.
    public func listOrders(_ filter: OrderFilter = OrderFilter(), limit: Int? = nil, offset: Int? = nil)
        throws -> Page<Order>
    {
        let filter = try Self.orderFilter(filter)
        return try pool.read { db in
            try Self.fetchOrderPage(db, filter: filter, paging: Paging(limit: limit, offset: offset))
        }
    }

    /// The sum of the totals of the orders matching `filter` (cancelled ones included when
    /// the filter asks for them; left out otherwise).
    public func orderTotal(_ filter: OrderFilter = OrderFilter()) throws -> Int {
        let state = filter.state
        let clause = try Self.orderFilter(filter)
        return try pool.read { db in
            let extra: SQL =
                state == nil ? (clause.isEmpty ? "WHERE estado != 'cancelado'" : " AND estado != 'cancelado'") : ""
            return try SQLRequest<Int>(
                literal: "SELECT COALESCE(SUM(total), 0) FROM pedidos \(literal: clause)\(literal: extra)"
            ).fetchOne(db) ?? 0
        }
    }

    /// Moves an order to `estado` if the state machine allows it (`OrderError.invalidTransition`
    /// otherwise). Cancelling puts the units back in stock and takes the order out of the
    /// client's purchase statistics.
    public func changeOrderState(id: Int64, to state: OrderState) throws -> Order {
        try pool.write { db in
            let order = try Self.requireOrder(db, id: id)
            guard order.state.canTransition(to: state) else {
                throw OrderError.invalidTransition(from: order.state, to: state)
            }
            let now = Date()
            try db.execute(
                sql: "UPDATE pedidos SET estado = ?, actualizado = ? WHERE id = ?",
                arguments: [state.rawValue, now, id])
            if state == .cancelled {
                for item in order.items {
                    try db.execute(
                        sql: "UPDATE productos SET stock = stock + ?, actualizado = ? WHERE id = ?",
                        arguments: [item.quantity, now, item.productId])
                }
                try db.execute(
                    sql: """
                        UPDATE clientes SET
                            pedidos_count = MAX(pedidos_count - 1, 0),
                            total_comprado = MAX(total_comprado - ?, 0),
                            ultima_compra = (SELECT MAX(creado) FROM pedidos
                                             WHERE cedula = clientes.cedula AND estado != 'cancelado'),
                            actualizado = ?
                        WHERE cedula = ?
                        """,
                    arguments: [order.total, now, order.client.idNumber])
            }
            return try Self.requireOrder(db, id: id)
        }
    }

    /// The WHERE clause for `filtro`, after validating its cédula and dates.
    static func orderFilter(_ filter: OrderFilter) throws -> SQL {
        let valid = try filter.validated()
        var conditions: [SQL] = []
        if let chatId = valid.chatId { conditions.append("chat_id = \(chatId)") }
        if let idNumber = valid.idNumber { conditions.append("cedula = \(idNumber)") }
        if let state = valid.state { conditions.append("estado = \(state.rawValue)") }
        if let since = valid.since { conditions.append("creado >= \(since)") }
        if let until = valid.untilExclusive { conditions.append("creado < \(until)") }
        return conditions.isEmpty ? "" : "WHERE \(literal: conditions.joined(separator: " AND "))"
    }

    static func fetchOrderPage(_ db: Database, filter: SQL, paging: Paging) throws -> Page<Order> {
        let total = try SQLRequest<Int>(literal: "SELECT COUNT(*) FROM pedidos \(literal: filter)").fetchOne(db)
        let orders = try fetchOrders(
            db, "\(literal: filter) ORDER BY id DESC LIMIT \(paging.limit) OFFSET \(paging.offset)")
        return Page(results: orders, total: total ?? 0, limit: paging.limit, offset: paging.offset)
    }

    static func fetchOrder(_ db: Database, id: Int64) throws -> Order? {
        try fetchOrders(db, "WHERE id = \(id)").first
    }

    static func requireOrder(_ db: Database, id: Int64) throws -> Order {
        guard let order = try fetchOrder(db, id: id) else {
            throw StoreError.notFound(resource: "el pedido", key: String(id))
        }
        return order
    }

    /// Orders selected by `clause` (WHERE / ORDER BY / LIMIT), each with all its lines.
    static func fetchOrders(_ db: Database, _ clause: SQL) throws -> [Order] {
        let rows = try SQLRequest<Row>(literal: "SELECT * FROM pedidos \(literal: clause)").fetchAll(db)
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        let itemRows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM pedido_items WHERE pedido_id IN (SELECT value FROM json_each(?))
                ORDER BY pedido_id, posicion
                """,
            arguments: [JSONArray.of(ids)])
        var items: [Int64: [OrderLine]] = [:]
        for row in itemRows {
            items[row["pedido_id"], default: []].append(try OrderLine(row: row))
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            let client = ClientDetails(
                idNumber: row["cedula"], name: row["cliente_nombre"], phone: row["telefono"], email: row["correo"],
                address: row["direccion"], neighborhood: row["barrio"], notes: row["indicaciones"])
            return Order(
                id: id, chatId: row["chat_id"], state: try StoredValue.decode(OrderState.self, row["estado"]),
                total: row["total"], created: row["creado"], updated: row["actualizado"], client: client,
                items: items[id] ?? [])
        }
    }
}

extension OrderLine: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            productId: row["producto_id"], name: row["nombre"], quantity: row["cantidad"],
            unitPrice: row["precio_unitario"])
    }
}
