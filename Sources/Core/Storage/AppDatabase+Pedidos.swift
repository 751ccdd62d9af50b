import Foundation
import GRDB

// Reading orders and moving them through their states. Placing them: AppDatabase+PlaceOrder.
extension AppDatabase {
    /// The order with its lines and client data, or nil.
    public func order(id: Int64) throws -> Pedido? {
        try pool.read { db in try Self.fetchOrder(db, id: id) }
    }

    /// A page of orders matching `filtro`, newest first.
    public func listOrders(_ filtro: PedidoFiltro = PedidoFiltro(), limit: Int? = nil, offset: Int? = nil)
        throws -> Page<Pedido>
    {
        let filter = try Self.orderFilter(filtro)
        return try pool.read { db in
            try Self.fetchOrderPage(db, filter: filter, paging: Paging(limit: limit, offset: offset))
        }
    }

    /// Moves an order to `estado` if the state machine allows it (`OrderError.invalidTransition`
    /// otherwise). Cancelling puts the units back in stock and takes the order out of the
    /// client's purchase statistics.
    public func changeOrderState(id: Int64, to estado: EstadoPedido) throws -> Pedido {
        try pool.write { db in
            let pedido = try Self.requireOrder(db, id: id)
            guard pedido.estado.canTransition(to: estado) else {
                throw OrderError.invalidTransition(from: pedido.estado, to: estado)
            }
            let now = Date()
            try db.execute(
                sql: "UPDATE pedidos SET estado = ?, actualizado = ? WHERE id = ?",
                arguments: [estado.rawValue, now, id])
            if estado == .cancelado {
                for item in pedido.items {
                    try db.execute(
                        sql: "UPDATE productos SET stock = stock + ?, actualizado = ? WHERE id = ?",
                        arguments: [item.cantidad, now, item.productoId])
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
                    arguments: [pedido.total, now, pedido.cliente.cedula])
            }
            return try Self.requireOrder(db, id: id)
        }
    }

    /// The WHERE clause for `filtro`, after validating its cédula and dates.
    static func orderFilter(_ filtro: PedidoFiltro) throws -> SQL {
        var check = ValidationCollector()
        var cedula: String?
        if let raw = filtro.cedula { cedula = check.check(try Validation.cedula(raw)) }
        var range: DateRange?
        do {
            range = try DateRange(desde: filtro.desde, hasta: filtro.hasta)
        } catch {
            error.errores.forEach { check.add($0) }
        }
        try check.finish()
        var conditions: [SQL] = []
        if let chatId = filtro.chatId { conditions.append("chat_id = \(chatId)") }
        if let cedula { conditions.append("cedula = \(cedula)") }
        if let estado = filtro.estado { conditions.append("estado = \(estado.rawValue)") }
        if let desde = range?.desde { conditions.append("creado >= \(desde)") }
        if let hasta = range?.hastaExclusive { conditions.append("creado < \(hasta)") }
        return conditions.isEmpty ? "" : "WHERE \(literal: conditions.joined(separator: " AND "))"
    }

    static func fetchOrderPage(_ db: Database, filter: SQL, paging: Paging) throws -> Page<Pedido> {
        let total = try SQLRequest<Int>(literal: "SELECT COUNT(*) FROM pedidos \(literal: filter)").fetchOne(db)
        let pedidos = try fetchOrders(
            db, "\(literal: filter) ORDER BY id DESC LIMIT \(paging.limit) OFFSET \(paging.offset)")
        return Page(resultados: pedidos, total: total ?? 0, limit: paging.limit, offset: paging.offset)
    }

    static func fetchOrder(_ db: Database, id: Int64) throws -> Pedido? {
        try fetchOrders(db, "WHERE id = \(id)").first
    }

    static func requireOrder(_ db: Database, id: Int64) throws -> Pedido {
        guard let pedido = try fetchOrder(db, id: id) else {
            throw StoreError.notFound(recurso: "el pedido", clave: String(id))
        }
        return pedido
    }

    /// Orders selected by `clause` (WHERE / ORDER BY / LIMIT), each with all its lines.
    static func fetchOrders(_ db: Database, _ clause: SQL) throws -> [Pedido] {
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
        var items: [Int64: [PedidoItem]] = [:]
        for row in itemRows {
            items[row["pedido_id"], default: []].append(try PedidoItem(row: row))
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            let cliente = ClienteDatos(
                cedula: row["cedula"], nombre: row["cliente_nombre"], telefono: row["telefono"], correo: row["correo"],
                direccion: row["direccion"], barrio: row["barrio"], indicaciones: row["indicaciones"])
            return Pedido(
                id: id, chatId: row["chat_id"], estado: try StoredValue.decode(EstadoPedido.self, row["estado"]),
                total: row["total"], creado: row["creado"], actualizado: row["actualizado"], cliente: cliente,
                items: items[id] ?? [])
        }
    }
}
