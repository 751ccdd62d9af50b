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
