/// A request to place an order (`POST /pedidos` body, or the chat's checkout). Lines carry only
/// product and quantity: prices always come from the catalog, whatever a caller sends.
public struct OrderRequest: Codable, Sendable, Equatable {
    public var chatId: String?
    public var cliente: ClienteDatos
    public var items: [Line]

    public struct Line: Codable, Sendable, Equatable {
        public var productoId: Int64
        public var cantidad: Int

        public init(productoId: Int64, cantidad: Int) {
            self.productoId = productoId
            self.cantidad = cantidad
        }

        enum CodingKeys: String, CodingKey {
            case productoId = "producto_id"
            case cantidad
        }
    }

    public init(chatId: String? = nil, cliente: ClienteDatos, items: [Line]) {
        self.chatId = chatId
        self.cliente = cliente
        self.items = items
    }

    public static let maxLines = 200

    /// The request with normalized client data and duplicate product lines merged (first
    /// appearance keeps its place), or every invalid field.
    public func validated() throws(ValidationErrors) -> OrderRequest {
        var check = ValidationCollector()
        let chatId = check.check(try Validation.optionalText(chatId, campo: "chat_id", maximo: 200)) ?? nil
        var cliente: ClienteDatos?
        do {
            cliente = try self.cliente.validated(requiringPhone: true)
        } catch {
            error.errores.forEach { check.add($0) }
        }
        if items.isEmpty { check.add(campo: "items", "El pedido debe tener al menos un producto.") }
        if items.count > Self.maxLines {
            check.add(campo: "items", "El pedido no puede tener más de \(Self.maxLines) líneas.")
        }
        var merged: [Line] = []
        for line in items {
            if line.productoId <= 0 { check.add(campo: "producto_id", "El id de producto debe ser positivo.") }
            guard let cantidad = check.check(try Validation.quantity(line.cantidad)) else { continue }
            if let index = merged.firstIndex(where: { $0.productoId == line.productoId }) {
                merged[index].cantidad += cantidad
            } else {
                merged.append(Line(productoId: line.productoId, cantidad: cantidad))
            }
        }
        for line in merged where line.cantidad > Validation.maxQuantity {
            check.add(campo: "cantidad", "La cantidad del producto \(line.productoId) es demasiado grande.")
        }
        try check.finish()
        return OrderRequest(chatId: chatId, cliente: cliente!, items: merged)
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case cliente, items
    }
}

/// The outcome of `placeOrder`: the order, and whether it already existed for that key.
public struct PlacedOrder: Codable, Sendable, Equatable {
    public var pedido: Pedido
    /// True when the idempotency key had been used before and nothing new was written.
    public var replayed: Bool

    public init(pedido: Pedido, replayed: Bool) {
        self.pedido = pedido
        self.replayed = replayed
    }
}
