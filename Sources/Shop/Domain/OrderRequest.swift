/// A request to place an order (`POST /pedidos` body, or the chat's checkout). Lines carry only
/// product and quantity: prices always come from the catalog, whatever a caller sends.
public struct OrderRequest: Codable, Sendable, Equatable {
    public var chatId: String?
    public var client: ClientDetails
    public var items: [Line]

    public struct Line: Codable, Sendable, Equatable {
        public var productId: Int64
        public var quantity: Int

        public init(productId: Int64, quantity: Int) {
            self.productId = productId
            self.quantity = quantity
        }

        enum CodingKeys: String, CodingKey {
            case productId = "producto_id"
            case quantity = "cantidad"
        }
    }

    public init(chatId: String? = nil, client: ClientDetails, items: [Line]) {
        self.chatId = chatId
        self.client = client
        self.items = items
    }

    public static let maxLines = 200

    /// The request with normalized client data and duplicate product lines merged (first
    /// appearance keeps its place), or every invalid field.
    public func validated() throws(ValidationErrors) -> OrderRequest {
        var check = ValidationCollector()
        let chatId = check.check(try Validation.optionalText(chatId, field: "chat_id", maximum: 200)) ?? nil
        var client: ClientDetails?
        do {
            client = try self.client.validated(requiringPhone: true)
        } catch {
            error.errors.forEach { check.add($0) }
        }
        if items.isEmpty { check.add(field: "items", "El pedido debe tener al menos un producto.") }
        if items.count > Self.maxLines {
            check.add(field: "items", "El pedido no puede tener más de \(Self.maxLines) líneas.")
        }
        var merged: [Line] = []
        for line in items {
            if line.productId <= 0 { check.add(field: "producto_id", "El id de producto debe ser positivo.") }
            guard let quantity = check.check(try Validation.quantity(line.quantity)) else { continue }
            if let index = merged.firstIndex(where: { $0.productId == line.productId }) {
                merged[index].quantity += quantity
            } else {
                merged.append(Line(productId: line.productId, quantity: quantity))
            }
        }
        for line in merged where line.quantity > Validation.maxQuantity {
            check.add(field: "cantidad", "La cantidad del producto \(line.productId) es demasiado grande.")
        }
        try check.finish()
        return OrderRequest(chatId: chatId, client: client!, items: merged)
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case client = "cliente", items
    }
}

/// The outcome of `placeOrder`: the order, and whether it already existed for that key.
public struct PlacedOrder: Codable, Sendable, Equatable {
    public var order: Order
    /// True when the idempotency key had been used before and nothing new was written.
    public var replayed: Bool

    public init(order: Order, replayed: Bool) {
        self.order = order
        self.replayed = replayed
    }

    enum CodingKeys: String, CodingKey {
        case order = "pedido"
        case replayed
    }
}
