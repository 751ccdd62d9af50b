/// What can be exported (`POST /exportar/{recurso}`), each with the filters it understands.
public enum ExportResource: String, Codable, Sendable, CaseIterable {
    /// One row per client.
    case clientes
    /// One row per product of the catalog.
    case productos
    /// One row per order, with its client data and totals.
    case pedidos
    /// One row per order line of orders not cancelled (the sales ledger).
    case ventas
    /// One row per stored chat message.
    case conversaciones

    /// The filters this resource accepts; any other one is refused with a clear message.
    public var filters: Set<ExportFilters.Name> {
        switch self {
        case .clientes: [.desde, .hasta, .cedula]
        case .productos: [.productoId]
        case .pedidos, .ventas: [.desde, .hasta, .cedula, .productoId, .estado]
        case .conversaciones: [.desde, .hasta, .cedula]
        }
    }

    /// Title of the spreadsheet tab.
    public var sheetName: String {
        switch self {
        case .clientes: "Clientes"
        case .productos: "Productos"
        case .pedidos: "Pedidos"
        case .ventas: "Ventas"
        case .conversaciones: "Conversaciones"
        }
    }

    /// What `desde`/`hasta` apply to, for messages.
    var dateMeaning: String {
        switch self {
        case .clientes: "la fecha de registro del cliente"
        case .conversaciones: "la fecha del mensaje"
        default: "la fecha del pedido"
        }
    }

    /// "clientes, productos, pedidos, ventas o conversaciones".
    public static var names: String {
        let all = allCases.map(\.rawValue)
        return all.dropLast().joined(separator: ", ") + " o " + all.last!
    }
}

/// File format of an export.
public enum ExportFormat: String, Codable, Sendable, CaseIterable {
    case csv
    case xlsx

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    public var fileExtension: String { rawValue }
}
