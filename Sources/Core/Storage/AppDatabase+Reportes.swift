import Foundation
import GRDB

// Sales report and administration counts.
extension AppDatabase {
    /// Sales between two ISO dates (both inclusive, Colombian days; nil = unbounded), per day
    /// and per product. Cancelled orders are excluded.
    public func ventas(desde: String? = nil, hasta: String? = nil) throws -> VentasReporte {
        let range = try DateRange(desde: desde, hasta: hasta)
        var conditions: [SQL] = ["p.estado != \(EstadoPedido.cancelado.rawValue)"]
        if let start = range.desde { conditions.append("p.creado >= \(start)") }
        if let end = range.hastaExclusive { conditions.append("p.creado < \(end)") }
        let filter: SQL = "WHERE \(literal: conditions.joined(separator: " AND "))"
        let lines: SQL = "FROM pedidos p JOIN pedido_items i ON i.pedido_id = p.id"
        return try pool.read { db in
            let porDia = try SQLRequest<Row>(
                literal: """
                    SELECT date(p.creado, \(ShopCalendar.sqliteModifier)) AS dia, COUNT(DISTINCT p.id) AS pedidos,
                           SUM(i.cantidad) AS unidades, SUM(i.subtotal) AS total
                    \(literal: lines) \(literal: filter)
                    GROUP BY dia ORDER BY dia
                    """
            ).fetchAll(db).map { row in
                VentaDia(dia: row["dia"], pedidos: row["pedidos"], unidades: row["unidades"], total: row["total"])
            }
            let porProducto = try SQLRequest<Row>(
                literal: """
                    SELECT i.producto_id, COALESCE(pr.nombre, MAX(i.nombre)) AS nombre,
                           SUM(i.cantidad) AS unidades, SUM(i.subtotal) AS total
                    \(literal: lines) LEFT JOIN productos pr ON pr.id = i.producto_id \(literal: filter)
                    GROUP BY i.producto_id ORDER BY total DESC, i.producto_id
                    """
            ).fetchAll(db).map { row in
                VentaProducto(
                    productoId: row["producto_id"], nombre: row["nombre"], unidades: row["unidades"],
                    total: row["total"])
            }
            return VentasReporte(
                desde: desde, hasta: hasta, pedidos: porDia.reduce(0) { $0 + $1.pedidos },
                unidades: porDia.reduce(0) { $0 + $1.unidades }, total: porDia.reduce(0) { $0 + $1.total },
                porDia: porDia, porProducto: porProducto)
        }
    }

    /// Counts for the administration page.
    public func statistics() throws -> Estadisticas {
        try pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let porEstado = try Row.fetchAll(db, sql: "SELECT estado, COUNT(*) AS n FROM pedidos GROUP BY estado")
            var pedidosPorEstado = Dictionary(uniqueKeysWithValues: EstadoPedido.allCases.map { ($0.rawValue, 0) })
            for row in porEstado { pedidosPorEstado[row["estado"]] = row["n"] }
            return Estadisticas(
                productos: try count("SELECT COUNT(*) FROM productos"),
                productosActivos: try count("SELECT COUNT(*) FROM productos WHERE activo = 1"),
                productosSinStock: try count("SELECT COUNT(*) FROM productos WHERE activo = 1 AND stock = 0"),
                clientes: try count("SELECT COUNT(*) FROM clientes"),
                pedidos: try count("SELECT COUNT(*) FROM pedidos"),
                pedidosPorEstado: pedidosPorEstado,
                ventasTotal: try count("SELECT COALESCE(SUM(total), 0) FROM pedidos WHERE estado != 'cancelado'"),
                mensajes: try count("SELECT COUNT(*) FROM mensajes"),
                chats: try count("SELECT COUNT(DISTINCT chat_id) FROM mensajes"),
                chatsSinIA: try count("SELECT COUNT(*) FROM chat_control WHERE ia_activa = 0"))
        }
    }
}

// The sales and usage panel of `GET /admin/estadisticas`.
extension AppDatabase {
    /// The panel for shop days `desde`…`hasta` (both inclusive; by default the 30 days up to
    /// today). `top` limits the product and client rankings; `umbralStock` is the low-stock line.
    public func salesPanel(
        desde: String? = nil, hasta: String? = nil, top: Int = 10, umbralStock: Int = 5, now: Date = Date()
    ) throws -> SalesPanel {
        let today = ShopCalendar.day(of: now)
        let hasta = hasta ?? today
        let desde =
            desde ?? ShopCalendar.startOfDay(hasta).map { ShopCalendar.day(of: $0.addingTimeInterval(-29 * 86_400)) }
            ?? today
        let range = try DateRange(desde: desde, hasta: hasta)
        let report = try ventas(desde: desde, hasta: hasta)
        let period = "p.creado >= ? AND p.creado < ?"
        let bounds: StatementArguments = [range.desde, range.hastaExclusive]
        return try pool.read { db in
            let porSemana = try Row.fetchAll(
                db,
                sql: """
                    SELECT date(p.creado, '\(ShopCalendar.sqliteModifier)', 'weekday 0', '-6 days') AS semana,
                           COUNT(DISTINCT p.id) AS pedidos, SUM(i.cantidad) AS unidades, SUM(i.subtotal) AS total
                    FROM pedidos p JOIN pedido_items i ON i.pedido_id = p.id
                    WHERE p.estado != 'cancelado' AND \(period)
                    GROUP BY semana ORDER BY semana
                    """, arguments: bounds
            ).map {
                VentaSemana(semana: $0["semana"], pedidos: $0["pedidos"], unidades: $0["unidades"], total: $0["total"])
            }
            var porEstado = Dictionary(uniqueKeysWithValues: EstadoPedido.allCases.map { ($0.rawValue, 0) })
            for row in try Row.fetchAll(
                db, sql: "SELECT estado, COUNT(*) AS n FROM pedidos p WHERE \(period) GROUP BY estado",
                arguments: bounds)
            {
                porEstado[row["estado"]] = row["n"]
            }
            let clientes = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.cedula, COALESCE(c.nombre, MAX(p.cliente_nombre)) AS nombre, COUNT(*) AS pedidos,
                           SUM(p.total) AS total
                    FROM pedidos p LEFT JOIN clientes c ON c.cedula = p.cedula
                    WHERE p.estado != 'cancelado' AND \(period)
                    GROUP BY p.cedula ORDER BY total DESC, p.cedula LIMIT ?
                    """, arguments: bounds + [top]
            ).map { ClienteTop(cedula: $0["cedula"], nombre: $0["nombre"], pedidos: $0["pedidos"], total: $0["total"]) }
            let conversion = try Row.fetchOne(
                db,
                sql: """
                    WITH chats AS (SELECT DISTINCT chat_id FROM mensajes
                                   WHERE remitente = 'usuario' AND creado >= ? AND creado < ?)
                    SELECT COUNT(*) AS chats,
                           COALESCE(SUM(EXISTS (SELECT 1 FROM pedidos p WHERE p.chat_id = chats.chat_id
                                                AND \(period))), 0) AS con_pedido
                    FROM chats
                    """, arguments: bounds + bounds)
            let stock = try Row.fetchAll(
                db,
                sql:
                    "SELECT id, nombre, stock FROM productos WHERE activo = 1 AND stock <= ? ORDER BY stock, id LIMIT 200",
                arguments: [umbralStock]
            ).map { StockBajo.Item(id: $0["id"], nombre: $0["nombre"], stock: $0["stock"]) }
            let canal = ChannelSQL.expression(message: "m", control: "cc")
            let mensajes = try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(\(canal), 'desconocido') AS canal, m.tipo, COUNT(*) AS mensajes,
                           SUM(m.remitente = 'usuario') AS de_clientes
                    FROM mensajes m LEFT JOIN chat_control cc ON cc.chat_id = m.chat_id
                    WHERE m.creado >= ? AND m.creado < ?
                    GROUP BY 1, 2 ORDER BY 1, 2
                    """, arguments: bounds
            ).map {
                MensajesCanal(
                    canal: $0["canal"], tipo: $0["tipo"], mensajes: $0["mensajes"], deClientes: $0["de_clientes"])
            }
            let pedidos = report.pedidos
            return SalesPanel(
                periodo: .init(desde: desde, hasta: hasta),
                ventas: .init(
                    pedidos: pedidos, unidades: report.unidades, total: report.total,
                    ticketPromedio: pedidos == 0 ? 0 : Int((Double(report.total) / Double(pedidos)).rounded()),
                    porDia: report.porDia, porSemana: porSemana, pedidosPorEstado: porEstado),
                topProductos: Array(report.porProducto.prefix(top)), topClientes: clientes,
                conversion: Conversion(
                    chats: conversion?["chats"] ?? 0, chatsConPedido: conversion?["con_pedido"] ?? 0),
                stockBajo: StockBajo(umbral: umbralStock, productos: stock), mensajesPorCanal: mensajes)
        }
    }
}
