import Foundation
import PostgresNIO

// Orders on PostgreSQL: the one place where stock is sold, as in AppDatabase+PlaceOrder.
extension PostgresStore {
    static let orderColumns = """
        id, chat_id, cedula, estado, total, cliente_nombre, telefono, correo, direccion, barrio, indicaciones,
        creado, actualizado
        """

    /// Places an order in ONE transaction, idempotently (the contract of
    /// `AppDatabase.placeOrder`). The ordered products are locked with `SELECT … FOR UPDATE`
    /// in id order (so two orders never deadlock) before the stock is checked, and the
    /// decrement is guarded by `stock >= quantity` too. Two requests with one key: the
    /// second waits on the UNIQUE index, fails, rolls back and answers the first's order.
    public func placeOrder(_ request: OrderRequest, idempotencyKey: String, updatingClient: Bool) async throws
        -> PlacedOrder
    {
        let key = try IdempotencyKey.validated(idempotencyKey)
        let request = try request.validated()
        do {
            return try await transaction { connection in
                if let existing = try await Self.fetchOrders(connection, "WHERE idempotency_key = \(key)", logger)
                    .first
                {
                    return PlacedOrder(order: existing, replayed: true)
                }
                return try await Self.insertOrder(
                    connection, request, key: key, updatingClient: updatingClient, logger: logger)
            }
        } catch  where PostgresFailure.isUniqueViolation(error) {
            if let order = try await order(idempotencyKey: key) { return PlacedOrder(order: order, replayed: true) }
            throw error
        }
    }

    public func order(id: Int64) async throws -> Order? {
        try await read { try await Self.fetchOrders($0, "WHERE id = \(id)", logger).first }
    }

    public func order(idempotencyKey: String) async throws -> Order? {
        try await read { try await Self.fetchOrders($0, "WHERE idempotency_key = \(idempotencyKey)", logger).first }
    }

    public func listOrders(_ filter: OrderFilter, limit: Int?, offset: Int?) async throws -> Page<Order> {
        let paging = Paging(limit: limit, offset: offset)
        var (conditions, binds) = try Self.orderConditions(filter)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let count = PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n FROM pedidos \(whereClause)", binds: binds)
        try binds.append(paging.limit)
        try binds.append(paging.offset)
        let page = PostgresQuery(
            unsafeSQL: "SELECT \(Self.orderColumns) FROM pedidos \(whereClause) ORDER BY id DESC "
                + "LIMIT $\(binds.count - 1) OFFSET $\(binds.count)", binds: binds)
        return try await read { connection in
            let total = try await connection.row(count, logger: logger)?.value("n", as: Int.self) ?? 0
            let orders = try await Self.ordersWithItems(
                connection, try await connection.rows(page, logger: logger), logger)
            return Page(results: orders, total: total, limit: paging.limit, offset: paging.offset)
        }
    }

    public func orderTotal(_ filter: OrderFilter) async throws -> Int {
        var (conditions, binds) = try Self.orderConditions(filter)
        if filter.state == nil { conditions.append("estado != 'cancelado'") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let query = PostgresQuery(
            unsafeSQL: "SELECT COALESCE(SUM(total), 0)::BIGINT AS suma FROM pedidos \(whereClause)", binds: binds)
        return try await read { try await $0.row(query, logger: logger)?.value("suma", as: Int.self) ?? 0 }
    }

    /// The WHERE conditions of a validated filter, with their values bound as $1, $2…
    static func orderConditions(_ filter: OrderFilter) throws -> ([String], PostgresBindings) {
        let valid = try filter.validated()
        var conditions: [String] = []
        var binds = PostgresBindings()
        func add(_ condition: String, _ value: some PostgresEncodable & Sendable) throws {
            try binds.append(value)
            conditions.append(condition + " $\(binds.count)")
        }
        if let chatId = valid.chatId { try add("chat_id =", chatId) }
        if let idNumber = valid.idNumber { try add("cedula =", idNumber) }
        if let state = valid.state { try add("estado =", state.rawValue) }
        if let since = valid.since { try add("creado >=", since) }
        if let until = valid.untilExclusive { try add("creado <", until) }
        return (conditions, binds)
    }

    /// Moves an order if the state machine allows it. The order row is locked first, so two
    /// concurrent changes are decided one after the other; cancelling restocks and takes
    /// the order out of the client's statistics.
    public func changeOrderState(id: Int64, to state: OrderState) async throws -> Order {
        try await transaction { connection in
            guard let order = try await Self.fetchOrders(connection, "WHERE id = \(id) FOR UPDATE", logger).first else {
                throw StoreError.notFound(resource: "el pedido", key: String(id))
            }
            guard order.state.canTransition(to: state) else {
                throw OrderError.invalidTransition(from: order.state, to: state)
            }
            let now = Date()
            try await connection.execute(
                "UPDATE pedidos SET estado = \(state.rawValue), actualizado = \(now) WHERE id = \(id)", logger: logger)
            if state == .cancelled {
                for item in order.items.sorted(by: { $0.productId < $1.productId }) {
                    try await connection.execute(
                        """
                        UPDATE productos SET stock = stock + \(item.quantity), actualizado = \(now)
                        WHERE id = \(item.productId)
                        """, logger: logger)
                }
                try await connection.execute(
                    """
                    UPDATE clientes SET
                        pedidos_count = GREATEST(pedidos_count - 1, 0),
                        total_comprado = GREATEST(total_comprado - \(order.total), 0),
                        ultima_compra = (SELECT MAX(creado) FROM pedidos
                                         WHERE cedula = clientes.cedula AND estado <> 'cancelado'),
                        actualizado = \(now)
                    WHERE cedula = \(order.client.idNumber)
                    """, logger: logger)
            }
            guard let changed = try await Self.fetchOrders(connection, "WHERE id = \(id)", logger).first else {
                throw StoreError.notFound(resource: "el pedido", key: String(id))
            }
            return changed
        }
    }

    // MARK: Inside a transaction

    private static func insertOrder(
        _ connection: PostgresConnection, _ request: OrderRequest, key: String, updatingClient: Bool, logger: Logger
    ) async throws -> PlacedOrder {
        let ids = request.items.map(\.productId).sorted()
        let locked = try await connection.rows(
            "SELECT \(unescaped: productColumns) FROM productos WHERE id = ANY(\(ids)) ORDER BY id FOR UPDATE",
            logger: logger
        ).map(Product.init(postgres:))
        let items = try OrderPricing.lines(request.items, products: locked)
        let now = Date()
        for item in items.sorted(by: { $0.productId < $1.productId }) {
            let changed = try await connection.rows(
                """
                UPDATE productos SET stock = stock - \(item.quantity), actualizado = \(now)
                WHERE id = \(item.productId) AND activo AND stock >= \(item.quantity)
                RETURNING id
                """, logger: logger)
            if changed.count != 1 {
                let available = try await fetchProduct(connection, id: item.productId, logger: logger)?.stock ?? 0
                throw OrderError.insufficientStock([
                    ShortItem(productId: item.productId, name: item.name, order: item.quantity, available: available)
                ])
            }
        }
        let total = items.reduce(0) { $0 + $1.subtotal }
        let client: ClientDetails
        if updatingClient {
            client = try await upsertClient(connection, request.client, now: now, logger: logger).details
        } else {
            try await insertClientIfNew(connection, request.client, now: now, logger: logger)
            client = request.client
        }
        let inserted = try await connection.row(
            """
            INSERT INTO pedidos (idempotency_key, chat_id, cedula, estado, total, cliente_nombre, telefono, correo,
                                 direccion, barrio, indicaciones, creado, actualizado)
            VALUES (\(key), \(request.chatId), \(client.idNumber), \(OrderState.pending.rawValue), \(total),
                    \(client.name), \(client.phone), \(client.email), \(client.address), \(client.neighborhood),
                    \(client.notes), \(now), \(now))
            RETURNING id
            """, logger: logger)
        guard let orderId = try inserted?.value("id", as: Int64.self) else {
            throw CorruptValue(description: "INSERT INTO pedidos returned no id")
        }
        for (index, item) in items.enumerated() {
            try await connection.execute(
                """
                INSERT INTO pedido_items (pedido_id, posicion, producto_id, nombre, cantidad, precio_unitario, subtotal)
                VALUES (\(orderId), \(index + 1), \(item.productId), \(item.name), \(item.quantity), \(item.unitPrice),
                        \(item.subtotal))
                """, logger: logger)
        }
        try await connection.execute(
            """
            UPDATE clientes SET pedidos_count = pedidos_count + 1, total_comprado = total_comprado + \(total),
                ultima_compra = \(now), actualizado = \(now)
            WHERE cedula = \(client.idNumber)
            """, logger: logger)
        guard let order = try await fetchOrders(connection, "WHERE id = \(orderId)", logger).first else {
            throw StoreError.notFound(resource: "el pedido", key: String(orderId))
        }
        return PlacedOrder(order: order, replayed: false)
    }

    /// Orders selected by `clause` (WHERE … [FOR UPDATE]), each with all its lines.
    static func fetchOrders(_ connection: PostgresConnection, _ clause: PostgresQuery, _ logger: Logger)
        async throws -> [Order]
    {
        let query = PostgresQuery(unsafeSQL: "SELECT \(orderColumns) FROM pedidos " + clause.sql, binds: clause.binds)
        return try await ordersWithItems(connection, try await connection.rows(query, logger: logger), logger)
    }

    static func ordersWithItems(
        _ connection: PostgresConnection, _ rows: [PostgresRandomAccessRow], _ logger: Logger
    ) async throws -> [Order] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.value("id", as: Int64.self) }
        var items: [Int64: [OrderLine]] = [:]
        for row in try await connection.rows(
            """
            SELECT pedido_id, producto_id, nombre, cantidad, precio_unitario FROM pedido_items
            WHERE pedido_id = ANY(\(ids)) ORDER BY pedido_id, posicion
            """, logger: logger)
        {
            items[try row.value("pedido_id"), default: []].append(
                OrderLine(
                    productId: try row.value("producto_id"), name: try row.value("nombre"),
                    quantity: try row.value("cantidad"), unitPrice: try row.value("precio_unitario")))
        }
        return try rows.map { row in
            let id: Int64 = try row.value("id")
            let client = ClientDetails(
                idNumber: try row.value("cedula"), name: try row.value("cliente_nombre"),
                phone: try row.value("telefono"), email: try row.value("correo"), address: try row.value("direccion"),
                neighborhood: try row.value("barrio"), notes: try row.value("indicaciones"))
            return Order(
                id: id, chatId: try row.value("chat_id"),
                state: try PostgresValue.decode(OrderState.self, try row.value("estado")),
                total: try row.value("total"),
                created: try row.value("creado"), updated: try row.value("actualizado"), client: client,
                items: items[id] ?? [])
        }
    }
}
