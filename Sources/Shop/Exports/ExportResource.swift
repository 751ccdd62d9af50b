/// What can be exported (`POST /exportar/{recurso}`), each with the filters it understands.
public enum ExportResource: String, Codable, Sendable, CaseIterable {
    /// One row per client.
    case clients = "clientes"
    /// One row per product of the catalog.
    case products = "productos"
    /// One row per order, with its client data and totals.
    case orders = "pedidos"
    /// One row per order line of orders not cancelled (the sales ledger).
    case sales = "ventas"
    /// One row per stored chat message.
    case conversations = "conversaciones"

    /// The filters this resource accepts; any other one is refused with a clear message.
    public var filters: Set<ExportFilters.Name> {
        switch self {
        case .clients: [.since, .until, .idNumber]
        case .products: [.productId]
        case .orders, .sales: [.since, .until, .idNumber, .productId, .state]
        case .conversations: [.since, .until, .idNumber]
        }
    }

    /// Title of the spreadsheet tab.
    public var sheetName: String {
        switch self {
        case .clients: "Clientes"
        case .products: "Productos"
        case .orders: "Pedidos"
        case .sales: "Ventas"
        case .conversations: "Conversaciones"
        }
    }

    /// What `desde`/`hasta` apply to, for messages.
    var dateMeaning: String {
        switch self {
        case .clients: "la fecha de registro del cliente"
        case .conversations: "la fecha del mensaje"
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
