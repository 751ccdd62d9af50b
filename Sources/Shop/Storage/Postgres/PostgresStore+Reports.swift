import Foundation
import PostgresNIO

// Sales report, administration counts and the sales panel on PostgreSQL. Sums are cast to
// BIGINT (PostgreSQL sums BIGINT as NUMERIC); days are the shop's (`ShopCalendar`).
extension PostgresStore {
    /// A TIMESTAMPTZ column as the shop's local time (no zone).
    static func shopTime(_ column: String) -> String {
        "((\(column) AT TIME ZONE 'UTC') + interval '\(ShopCalendar.utcOffsetSeconds) seconds')"
    }

    public func sales(since: String?, until: String?) async throws -> SalesReport {
        let range = try DateRange(since: since, until: until)
        return try await read { connection in
            let (byDay, byProduct) = try await Self.sales(connection, range, logger: logger)
            return SalesReport(since: since, until: until, byDay: byDay, byProduct: byProduct)
        }
    }

    static func sales(_ connection: PostgresConnection, _ range: DateRange, logger: Logger) async throws
        -> ([DailySales], [ProductSales])
    {
        let filter =
            "p.estado != 'cancelado' AND ($1::timestamptz IS NULL OR p.creado >= $1) "
            + "AND ($2::timestamptz IS NULL OR p.creado < $2)"
        var binds = PostgresBindings()
        try binds.append(range.since)
        try binds.append(range.untilExclusive)
        let byDay = try await connection.rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT to_char(\(shopTime("p.creado")), 'YYYY-MM-DD') AS dia, COUNT(DISTINCT p.id) AS pedidos,
                           SUM(i.cantidad)::bigint AS unidades, SUM(i.subtotal)::bigint AS total
                    FROM pedidos p JOIN pedido_items i ON i.pedido_id = p.id WHERE \(filter)
                    GROUP BY dia ORDER BY dia
                    """, binds: binds), logger: logger
        ).map {
            DailySales(
                day: try $0.value("dia"), orders: try $0.value("pedidos"), units: try $0.value("unidades"),
                total: try $0.value("total"))
        }
        let byProduct = try await connection.rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT i.producto_id, COALESCE(MAX(pr.nombre), MAX(i.nombre)) AS nombre,
                           SUM(i.cantidad)::bigint AS unidades, SUM(i.subtotal)::bigint AS total
                    FROM pedidos p JOIN pedido_items i ON i.pedido_id = p.id
                        LEFT JOIN productos pr ON pr.id = i.producto_id
                    WHERE \(filter)
                    GROUP BY i.producto_id ORDER BY total DESC, i.producto_id
                    """, binds: binds), logger: logger
        ).map {
            ProductSales(
                productId: try $0.value("producto_id"), name: try $0.value("nombre"),
                units: try $0.value("unidades"), total: try $0.value("total"))
        }
        return (byDay, byProduct)
    }

    public func statistics() async throws -> Statistics {
        try await read { connection in
            guard
                let row = try await connection.row(
                    """
                    SELECT
                        (SELECT COUNT(*) FROM productos) AS productos,
                        (SELECT COUNT(*) FROM productos WHERE activo) AS activos,
                        (SELECT COUNT(*) FROM productos WHERE activo AND stock = 0) AS sin_stock,
                        (SELECT COUNT(*) FROM productos WHERE NOT descontinuado AND stock > 0) AS disponibles,
                        (SELECT COUNT(*) FROM productos WHERE NOT descontinuado AND stock = 0) AS agotados,
                        (SELECT COUNT(*) FROM productos WHERE descontinuado) AS descontinuados,
                        (SELECT COUNT(*) FROM clientes) AS clientes,
                        (SELECT COUNT(*) FROM clientes WHERE NOT activo) AS retirados,
                        (SELECT COUNT(*) FROM pedidos) AS pedidos,
                        (SELECT COALESCE(SUM(total), 0)::bigint FROM pedidos WHERE estado != 'cancelado') AS ventas,
                        (SELECT COUNT(*) FROM mensajes) AS mensajes,
                        (SELECT COUNT(DISTINCT chat_id) FROM mensajes) AS chats,
                        (SELECT COUNT(*) FROM chat_control WHERE NOT ia_activa) AS sin_ia
                    """, logger: logger)
            else { throw CorruptValue(description: "statistics returned no row") }
            var ordersByState = Dictionary(uniqueKeysWithValues: OrderState.allCases.map { ($0.rawValue, 0) })
            for state in try await connection.rows(
                "SELECT estado, COUNT(*) AS n FROM pedidos GROUP BY estado", logger: logger)
            {
                ordersByState[try state.value("estado", as: String.self)] = try state.value("n", as: Int.self)
            }
            var statistics = Statistics(
                products: try row.value("productos"), activeProducts: try row.value("activos"),
                productsOutOfStock: try row.value("sin_stock"), clients: try row.value("clientes"),
                orders: try row.value("pedidos"), ordersByState: ordersByState, salesTotal: try row.value("ventas"),
                messages: try row.value("mensajes"), chats: try row.value("chats"),
                chatsWithoutAI: try row.value("sin_ia"))
            statistics.productsByState = [
                ProductState.available.rawValue: try row.value("disponibles"),
                ProductState.soldOut.rawValue: try row.value("agotados"),
                ProductState.discontinued.rawValue: try row.value("descontinuados"),
            ]
            statistics.retiredClients = try row.value("retirados")
            return statistics
        }
    }

    public func salesPanel(since: String?, until: String?, top: Int, stockThreshold: Int, now: Date) async throws
        -> SalesPanel
    {
        let period = try SalesPanelPeriod(since: since, until: until, now: now)
        let start = period.range.since
        let end = period.range.untilExclusive
        return try await read { connection in
            let (byDay, byProduct) = try await Self.sales(connection, period.range, logger: logger)
            let report = SalesReport(since: period.since, until: period.until, byDay: byDay, byProduct: byProduct)
            let byWeek = try await connection.rows(
                """
                SELECT to_char(date_trunc('week', \(unescaped: Self.shopTime("p.creado"))), 'YYYY-MM-DD') AS semana,
                       COUNT(DISTINCT p.id) AS pedidos, SUM(i.cantidad)::bigint AS unidades,
                       SUM(i.subtotal)::bigint AS total
                FROM pedidos p JOIN pedido_items i ON i.pedido_id = p.id
                WHERE p.estado != 'cancelado' AND p.creado >= \(start) AND p.creado < \(end)
                GROUP BY semana ORDER BY semana
                """, logger: logger
            ).map {
                WeeklySales(
                    week: try $0.value("semana"), orders: try $0.value("pedidos"), units: try $0.value("unidades"),
                    total: try $0.value("total"))
            }
            var byState = Dictionary(uniqueKeysWithValues: OrderState.allCases.map { ($0.rawValue, 0) })
            for row in try await connection.rows(
                """
                SELECT estado, COUNT(*) AS n FROM pedidos p WHERE p.creado >= \(start) AND p.creado < \(end)
                GROUP BY estado
                """, logger: logger)
            {
                byState[try row.value("estado", as: String.self)] = try row.value("n", as: Int.self)
            }
            let clients = try await connection.rows(
                """
                SELECT p.cedula, COALESCE(MAX(c.nombre), MAX(p.cliente_nombre)) AS nombre, COUNT(*) AS pedidos,
                       SUM(p.total)::bigint AS total
                FROM pedidos p LEFT JOIN clientes c ON c.cedula = p.cedula
                WHERE p.estado != 'cancelado' AND p.creado >= \(start) AND p.creado < \(end)
                GROUP BY p.cedula ORDER BY total DESC, p.cedula COLLATE "C" LIMIT \(top)
                """, logger: logger
            ).map {
                TopClient(
                    idNumber: try $0.value("cedula"), name: try $0.value("nombre"), orders: try $0.value("pedidos"),
                    total: try $0.value("total"))
            }
            let conversion = try await connection.row(
                """
                WITH chats AS (SELECT DISTINCT chat_id FROM mensajes
                               WHERE remitente = 'usuario' AND creado >= \(start) AND creado < \(end))
                SELECT COUNT(*) AS chats,
                       COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM pedidos p WHERE p.chat_id = chats.chat_id
                                                      AND p.creado >= \(start) AND p.creado < \(end))) AS con_pedido
                FROM chats
                """, logger: logger)
            let stock = try await connection.rows(
                """
                SELECT id, nombre, stock FROM productos WHERE activo AND stock <= \(stockThreshold)
                ORDER BY stock, id LIMIT 200
                """, logger: logger
            ).map { LowStock.Item(id: try $0.value("id"), name: try $0.value("nombre"), stock: try $0.value("stock")) }
            let channel = ChannelSQL.expression(message: "m", control: "cc")
            let messages = try await connection.rows(
                """
                SELECT COALESCE(\(unescaped: channel), 'desconocido') AS canal, m.tipo, COUNT(*) AS mensajes,
                       COUNT(*) FILTER (WHERE m.remitente = 'usuario') AS de_clientes
                FROM mensajes m LEFT JOIN chat_control cc ON cc.chat_id = m.chat_id
                WHERE m.creado >= \(start) AND m.creado < \(end)
                GROUP BY 1, 2
                """, logger: logger
            ).map {
                ChannelMessages(
                    channel: try $0.value("canal"), kind: try $0.value("tipo"), messages: try $0.value("mensajes"),
                    fromClients: try $0.value("de_clientes"))
            }.sorted { first, second in
                // By bytes, as SQLite orders text (the server's collation may not).
                first.channel != second.channel
                    ? first.channel.utf8.lexicographicallyPrecedes(second.channel.utf8)
                    : first.kind.utf8.lexicographicallyPrecedes(second.kind.utf8)
            }
            return SalesPanel(
                period: period, report: report, top: top, byWeek: byWeek, byState: byState, clients: clients,
                conversion: Conversion(
                    chats: try conversion?.value("chats") ?? 0, chatsWithOrder: try conversion?.value("con_pedido") ?? 0
                ),
                lowStock: LowStock(threshold: stockThreshold, products: stock), messages: messages)
        }
    }
}
