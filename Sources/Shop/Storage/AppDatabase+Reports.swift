import Foundation
import GRDB

// Sales report and administration counts.
extension AppDatabase {
    /// Sales between two ISO dates (both inclusive, Colombian days; nil = unbounded), per day
    /// and per product. Cancelled orders are excluded.
    public func sales(since: String? = nil, until: String? = nil) throws -> SalesReport {
        let range = try DateRange(since: since, until: until)
        var conditions: [SQL] = ["p.estado != \(OrderState.cancelled.rawValue)"]
        if let start = range.since { conditions.append("p.creado >= \(start)") }
        if let end = range.untilExclusive { conditions.append("p.creado < \(end)") }
        let filter: SQL = "WHERE \(literal: conditions.joined(separator: " AND "))"
        let lines: SQL = "FROM pedidos p JOIN pedido_items i ON i.pedido_id = p.id"
        return try pool.read { db in
            let byDay = try SQLRequest<Row>(
                literal: """
                    SELECT date(p.creado, \(ShopCalendar.sqliteModifier)) AS dia, COUNT(DISTINCT p.id) AS pedidos,
                           SUM(i.cantidad) AS unidades, SUM(i.subtotal) AS total
                    \(literal: lines) \(literal: filter)
                    GROUP BY dia ORDER BY dia
                    """
            ).fetchAll(db).map { row in
                DailySales(day: row["dia"], orders: row["pedidos"], units: row["unidades"], total: row["total"])
            }
            let byProduct = try SQLRequest<Row>(
                literal: """
                    SELECT i.producto_id, COALESCE(pr.nombre, MAX(i.nombre)) AS nombre,
                           SUM(i.cantidad) AS unidades, SUM(i.subtotal) AS total
                    \(literal: lines) LEFT JOIN productos pr ON pr.id = i.producto_id \(literal: filter)
                    GROUP BY i.producto_id ORDER BY total DESC, i.producto_id
                    """
            ).fetchAll(db).map { row in
                ProductSales(
                    productId: row["producto_id"], name: row["nombre"], units: row["unidades"],
                    total: row["total"])
            }
            return SalesReport(since: since, until: until, byDay: byDay, byProduct: byProduct)
        }
    }

    /// Counts for the administration page.
    public func statistics() throws -> Statistics {
        try pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let byState = try Row.fetchAll(db, sql: "SELECT estado, COUNT(*) AS n FROM pedidos GROUP BY estado")
            var ordersByState = Dictionary(uniqueKeysWithValues: OrderState.allCases.map { ($0.rawValue, 0) })
            for row in byState { ordersByState[row["estado"]] = row["n"] }
            var statistics = Statistics(
                products: try count("SELECT COUNT(*) FROM productos"),
                activeProducts: try count("SELECT COUNT(*) FROM productos WHERE activo = 1"),
                productsOutOfStock: try count("SELECT COUNT(*) FROM productos WHERE activo = 1 AND stock = 0"),
                clients: try count("SELECT COUNT(*) FROM clientes"),
                orders: try count("SELECT COUNT(*) FROM pedidos"),
                ordersByState: ordersByState,
                salesTotal: try count("SELECT COALESCE(SUM(total), 0) FROM pedidos WHERE estado != 'cancelado'"),
                messages: try count("SELECT COUNT(*) FROM mensajes"),
                chats: try count("SELECT COUNT(DISTINCT chat_id) FROM mensajes"),
                chatsWithoutAI: try count("SELECT COUNT(*) FROM chat_control WHERE ia_activa = 0"))
            statistics.productsByState = [
                ProductState.available.rawValue: try count(
                    "SELECT COUNT(*) FROM productos WHERE descontinuado = 0 AND stock > 0"),
                ProductState.soldOut.rawValue: try count(
                    "SELECT COUNT(*) FROM productos WHERE descontinuado = 0 AND stock = 0"),
                ProductState.discontinued.rawValue: try count("SELECT COUNT(*) FROM productos WHERE descontinuado = 1"),
            ]
            statistics.retiredClients = try count("SELECT COUNT(*) FROM clientes WHERE activo = 0")
            return statistics
        }
    }
}

// The sales and usage panel of `GET /admin/estadisticas`.
extension AppDatabase {
    /// The panel for shop days `desde`…`hasta` (both inclusive; by default the 30 days up to
    /// today). `top` limits the product and client rankings; `umbralStock` is the low-stock line.
    public func salesPanel(
        since: String? = nil, until: String? = nil, top: Int = 10, stockThreshold: Int = 5, now: Date = Date()
    ) throws -> SalesPanel {
        let period = try SalesPanelPeriod(since: since, until: until, now: now)
        let range = period.range
        let report = try sales(since: period.since, until: period.until)
        let inPeriod = "p.creado >= ? AND p.creado < ?"
        let bounds: StatementArguments = [range.since, range.untilExclusive]
        return try pool.read { db in
            let byWeek = try Row.fetchAll(
                db,
                sql: """
                    SELECT date(p.creado, '\(ShopCalendar.sqliteModifier)', 'weekday 0', '-6 days') AS semana,
                           COUNT(DISTINCT p.id) AS pedidos, SUM(i.cantidad) AS unidades, SUM(i.subtotal) AS total
                    FROM pedidos p JOIN pedido_items i ON i.pedido_id = p.id
                    WHERE p.estado != 'cancelado' AND \(inPeriod)
                    GROUP BY semana ORDER BY semana
                    """, arguments: bounds
            ).map {
                WeeklySales(week: $0["semana"], orders: $0["pedidos"], units: $0["unidades"], total: $0["total"])
            }
            var byState = Dictionary(uniqueKeysWithValues: OrderState.allCases.map { ($0.rawValue, 0) })
            for row in try Row.fetchAll(
                db, sql: "SELECT estado, COUNT(*) AS n FROM pedidos p WHERE \(inPeriod) GROUP BY estado",
                arguments: bounds)
            {
                byState[row["estado"]] = row["n"]
            }
            let clients = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.cedula, COALESCE(c.nombre, MAX(p.cliente_nombre)) AS nombre, COUNT(*) AS pedidos,
                           SUM(p.total) AS total
                    FROM pedidos p LEFT JOIN clientes c ON c.cedula = p.cedula
                    WHERE p.estado != 'cancelado' AND \(inPeriod)
                    GROUP BY p.cedula ORDER BY total DESC, p.cedula LIMIT ?
                    """, arguments: bounds + [top]
            ).map { TopClient(idNumber: $0["cedula"], name: $0["nombre"], orders: $0["pedidos"], total: $0["total"]) }
            let conversion = try Row.fetchOne(
                db,
                sql: """
                    WITH chats AS (SELECT DISTINCT chat_id FROM mensajes
                                   WHERE remitente = 'usuario' AND creado >= ? AND creado < ?)
                    SELECT COUNT(*) AS chats,
                           COALESCE(SUM(EXISTS (SELECT 1 FROM pedidos p WHERE p.chat_id = chats.chat_id
                                                AND \(inPeriod))), 0) AS con_pedido
                    FROM chats
                    """, arguments: bounds + bounds)
            let stock = try Row.fetchAll(
                db,
                sql:
                    "SELECT id, nombre, stock FROM productos WHERE activo = 1 AND stock <= ? ORDER BY stock, id LIMIT 200",
                arguments: [stockThreshold]
            ).map { LowStock.Item(id: $0["id"], name: $0["nombre"], stock: $0["stock"]) }
            let channel = ChannelSQL.expression(message: "m", control: "cc")
            let messages = try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(\(channel), 'desconocido') AS canal, m.tipo, COUNT(*) AS mensajes,
                           SUM(m.remitente = 'usuario') AS de_clientes
                    FROM mensajes m LEFT JOIN chat_control cc ON cc.chat_id = m.chat_id
                    WHERE m.creado >= ? AND m.creado < ?
                    GROUP BY 1, 2 ORDER BY 1, 2
                    """, arguments: bounds
            ).map {
                ChannelMessages(
                    channel: $0["canal"], kind: $0["tipo"], messages: $0["mensajes"], fromClients: $0["de_clientes"])
            }
            return SalesPanel(
                period: period, report: report, top: top, byWeek: byWeek, byState: byState, clients: clients,
                conversion: Conversion(
                    chats: conversion?["chats"] ?? 0, chatsWithOrder: conversion?["con_pedido"] ?? 0),
                lowStock: LowStock(threshold: stockThreshold, products: stock), messages: messages)
        }
    }
}
