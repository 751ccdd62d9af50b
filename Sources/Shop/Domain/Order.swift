import Foundation

/// An order as the contract shows it, with the client data it was placed with and every line.
public struct Order: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var chatId: String?
    public var state: OrderState
    /// Sum of the lines' subtotals, in pesos.
    public var total: Int
    public var created: Date
    public var updated: Date
    /// The client's data at the time of the order (where to deliver it).
    public var client: ClientDetails
    public var items: [OrderLine]

    public init(
        id: Int64, chatId: String?, state: OrderState, total: Int, created: Date, updated: Date,
        client: ClientDetails, items: [OrderLine]
    ) {
        self.id = id
        self.chatId = chatId
        self.state = state
        self.total = total
        self.created = created
        self.updated = updated
        self.client = client
        self.items = items
    }

    /// Units across all lines.
    public var units: Int { items.reduce(0) { $0 + $1.quantity } }

    enum CodingKeys: String, CodingKey {
        case id
        case chatId = "chat_id"
        case state = "estado", total, created = "creado", updated = "actualizado", client = "cliente", items
    }
}

/// One order line, priced from the catalog when the order was placed.
public struct OrderLine: Codable, Sendable, Equatable {
    public var productId: Int64
    /// The product's name when the order was placed.
    public var name: String
    public var quantity: Int
    public var unitPrice: Int
    public var subtotal: Int

    public init(productId: Int64, name: String, quantity: Int, unitPrice: Int) {
        self.productId = productId
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.subtotal = quantity * unitPrice
    }

    enum CodingKeys: String, CodingKey {
        case productId = "producto_id"
        case name = "nombre", quantity = "cantidad"
        case unitPrice = "precio_unitario"
        case subtotal
    }
}

/// Filters for listing orders; nil means "any". `desde`/`hasta` are ISO dates ("2025-03-01",
/// both inclusive, days in Colombian time) or full ISO 8601 timestamps.
public struct OrderFilter: Sendable, Equatable {
    public var chatId: String?
    public var idNumber: String?
    public var state: OrderState?
    public var since: String?
    public var until: String?

    public init(
        chatId: String? = nil, idNumber: String? = nil, state: OrderState? = nil, since: String? = nil,
        until: String? = nil
    ) {
        self.chatId = chatId
        self.idNumber = idNumber
        self.state = state
        self.since = since
        self.until = until
    }
}
