import Foundation
import GRDB

/// How a column's stored value is written.
public enum ExportColumnKind: Sendable {
    /// A whole number (ids, pesos, units): a number cell, never neutralised.
    case integer
    /// Free text: escaped, and neutralised when it could be read as a formula.
    case text
    /// A stored UTC time, written as shop time ("2025-03-01 10:15:00"; a date cell in XLSX).
    case timestamp
    /// 0/1 written as "sí"/"no" (what the catalog import reads back).
    case flag
}

/// One column of an export: its header and the SQL expression that selects it.
public struct ExportColumn: Sendable {
    public var name: String
    public var kind: ExportColumnKind
    var expression: String

    init(_ name: String, _ kind: ExportColumnKind, _ expression: String) {
        self.name = name
        self.kind = kind
        self.expression = expression
    }
}

/// The SELECT of one export: columns, FROM, WHERE (with its arguments) and ORDER BY chosen so
/// SQLite streams rows along an index, with no sort and no memory growing with the result.
public struct ExportQuery: Sendable {
    public var columns: [ExportColumn]
    var from: String
    var conditions: [String]
    var arguments: [any DatabaseValueConvertible & Sendable]
    var orderBy: String
    /// The order id column of order rows (pedidos, ventas): where the query can be cut in two.
    var splitColumn: String?

    public var selectSQL: String {
        "SELECT " + columns.map(\.expression).joined(separator: ", ") + " FROM " + from + whereClause + " ORDER BY "
            + orderBy
    }

    public var countSQL: String { "SELECT COUNT(*) FROM " + from + whereClause }

    var statementArguments: StatementArguments {
        StatementArguments(arguments.map { $0 as any DatabaseValueConvertible })
    }

    private var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }

    /// The query for `resource` with `filters` (already validated by `ExportRequest`; checked
    /// again here because a payload comes back from Redis).
    public static func make(_ resource: ExportResource, _ filters: ExportFilters) throws(ValidationErrors)
        -> ExportQuery
    {
        let unsupported = filters.names.subtracting(resource.filters)
        if let name = unsupported.first {
            throw ValidationErrors([
                ValidationError(
                    field: name.rawValue,
                    message: "El filtro «\(name.rawValue)» no aplica a la exportación de \(resource.rawValue).")
            ])
        }
        let range = try filters.dateRange()
        var query: ExportQuery
        let dated: String
        switch resource {
        case .clients:
            query = ExportQuery(columns: Columns.clients, from: "clientes c", orderBy: "c.cedula")
            dated = "c.creado"
            if let idNumber = filters.idNumber { query.add("c.cedula = ?", idNumber) }
        case .products:
            query = ExportQuery(columns: Columns.products, from: "productos pr", orderBy: "pr.id")
            dated = ""
            if let id = filters.productId { query.add("pr.id = ?", id) }
        case .orders:
            query = ExportQuery(columns: Columns.orders, from: "pedidos p", orderBy: "p.id")
            query.splitColumn = "p.id"
            dated = "p.creado"
            query.addOrderFilters(filters)
            if let id = filters.productId {
                query.add("EXISTS (SELECT 1 FROM pedido_items f WHERE f.pedido_id = p.id AND f.producto_id = ?)", id)
            }
        case .sales:
            query = ExportQuery(
                columns: Columns.sales, from: "pedidos p JOIN pedido_items i ON i.pedido_id = p.id",
                orderBy: "p.id, i.posicion")
            query.splitColumn = "p.id"
            dated = "p.creado"
            query.add("p.estado != ?", OrderState.cancelled.rawValue)
            query.addOrderFilters(filters)
            if let id = filters.productId { query.add("i.producto_id = ?", id) }
        case .conversations:
            query = ExportQuery(
                columns: Columns.conversations,
                from: "mensajes m LEFT JOIN chat_control cc ON cc.chat_id = m.chat_id", orderBy: "m.chat_id, m.id")
            dated = "m.creado"
            if let idNumber = filters.idNumber {
                query.add(
                    "m.chat_id IN (SELECT chat_id FROM pedidos WHERE cedula = ? AND chat_id IS NOT NULL)", idNumber)
            }
        }
        if let start = range.since { query.add("\(dated) >= ?", start) }
        if let end = range.untilExclusive { query.add("\(dated) < ?", end) }
        return query
    }

    /// Orders between the first and the last id from which order rows are cut in two.
    public static let minimumSpanToSplit: Int64 = 50_000

    /// For order rows over many orders: the queries for the lower and the upper half of the
    /// order ids (one after the other: the same rows in the same order); nil otherwise.
    func halves(_ database: AppDatabase, minimumSpan: Int64) throws -> (ExportQuery, ExportQuery)? {
        guard let splitColumn else { return nil }
        let bounds = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT MIN(id) AS lo, MAX(id) AS hi FROM pedidos")
        }
        guard let low = bounds?["lo"] as Int64?, let high = bounds?["hi"] as Int64?, high - low >= minimumSpan
        else { return nil }
        let middle = low + (high - low) / 2
        var lower = self
        lower.add("\(splitColumn) <= ?", middle)
        var upper = self
        upper.add("\(splitColumn) > ?", middle)
        return (lower, upper)
    }

    private init(columns: [ExportColumn], from: String, orderBy: String) {
        self.columns = columns
        self.from = from
        self.conditions = []
        self.arguments = []
        self.orderBy = orderBy
    }

    private mutating func add(_ condition: String, _ argument: any DatabaseValueConvertible & Sendable) {
        conditions.append(condition)
        arguments.append(argument)
    }

    private mutating func addOrderFilters(_ filters: ExportFilters) {
        if let idNumber = filters.idNumber { add("p.cedula = ?", idNumber) }
        if let state = filters.state { add("p.estado = ?", state.rawValue) }
    }

    /// The columns of each resource, in file order.
    enum Columns {
        static let clients = [
            ExportColumn("cedula", .text, "c.cedula"),
            ExportColumn("nombre", .text, "c.nombre"),
            ExportColumn("telefono", .text, "c.telefono"),
            ExportColumn("correo", .text, "c.correo"),
            ExportColumn("direccion", .text, "c.direccion"),
            ExportColumn("barrio", .text, "c.barrio"),
            ExportColumn("indicaciones", .text, "c.indicaciones"),
            ExportColumn("pedidos", .integer, "c.pedidos_count"),
            ExportColumn("total_comprado", .integer, "c.total_comprado"),
            ExportColumn("ultima_compra", .timestamp, "c.ultima_compra"),
            ExportColumn("registrado", .timestamp, "c.creado"),
            ExportColumn("activo", .flag, "c.activo"),
        ]

        /// The catalog import's header first, so an exported catalog can be imported again.
        static let products = [
            ExportColumn("id", .integer, "pr.id"),
            ExportColumn("nombre", .text, "pr.nombre"),
            ExportColumn("descripcion", .text, "pr.descripcion"),
            ExportColumn("precio", .integer, "pr.precio"),
            ExportColumn("stock", .integer, "pr.stock"),
            ExportColumn("activo", .flag, "pr.activo"),
            ExportColumn("categoria", .text, "pr.categoria"),
            ExportColumn(
                "estado", .text,
                "CASE WHEN pr.descontinuado THEN 'descontinuado' WHEN pr.stock > 0 THEN 'disponible' ELSE 'agotado' END"
            ),
            ExportColumn("actualizado", .timestamp, "pr.actualizado"),
        ]

        static let orders = [
            ExportColumn("pedido_id", .integer, "p.id"),
            ExportColumn("fecha", .timestamp, "p.creado"),
            ExportColumn("estado", .text, "p.estado"),
            ExportColumn("cedula", .text, "p.cedula"),
            ExportColumn("cliente", .text, "p.cliente_nombre"),
            ExportColumn("telefono", .text, "p.telefono"),
            ExportColumn("correo", .text, "p.correo"),
            ExportColumn("direccion", .text, "p.direccion"),
            ExportColumn("barrio", .text, "p.barrio"),
            ExportColumn("indicaciones", .text, "p.indicaciones"),
            ExportColumn("chat_id", .text, "p.chat_id"),
            ExportColumn("lineas", .integer, "(SELECT COUNT(*) FROM pedido_items l WHERE l.pedido_id = p.id)"),
            ExportColumn("unidades", .integer, "(SELECT SUM(cantidad) FROM pedido_items u WHERE u.pedido_id = p.id)"),
            ExportColumn("total", .integer, "p.total"),
        ]

        static let sales = [
            ExportColumn("pedido_id", .integer, "p.id"),
            ExportColumn("fecha", .timestamp, "p.creado"),
            ExportColumn("estado", .text, "p.estado"),
            ExportColumn("cedula", .text, "p.cedula"),
            ExportColumn("cliente", .text, "p.cliente_nombre"),
            ExportColumn("producto_id", .integer, "i.producto_id"),
            ExportColumn("producto", .text, "i.nombre"),
            ExportColumn("cantidad", .integer, "i.cantidad"),
            ExportColumn("precio_unitario", .integer, "i.precio_unitario"),
            ExportColumn("subtotal", .integer, "i.subtotal"),
        ]

        static let conversations = [
            ExportColumn("chat_id", .text, "m.chat_id"),
            ExportColumn(
                "canal", .text, ChannelSQL.expression(message: "m", control: "cc")),
            ExportColumn("mensaje_id", .integer, "m.id"),
            ExportColumn("fecha", .timestamp, "m.creado"),
            ExportColumn("remitente", .text, "m.remitente"),
            ExportColumn("tipo", .text, "m.tipo"),
            ExportColumn("contenido", .text, "m.contenido"),
        ]
    }
}
