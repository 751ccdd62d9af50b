import Foundation

/// An order as the contract shows it, with the client data it was placed with and every line.
public struct Pedido: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var chatId: String?
    public var estado: EstadoPedido
    /// Sum of the lines' subtotals, in pesos.
    public var total: Int
    public var creado: Date
    public var actualizado: Date
    /// The client's data at the time of the order (where to deliver it).
    public var cliente: ClienteDatos
    public var items: [PedidoItem]

    public init(
        id: Int64, chatId: String?, estado: EstadoPedido, total: Int, creado: Date, actualizado: Date,
        cliente: ClienteDatos, items: [PedidoItem]
    ) {
        self.id = id
        self.chatId = chatId
        self.estado = estado
        self.total = total
        self.creado = creado
        self.actualizado = actualizado
        self.cliente = cliente
        self.items = items
    }

    /// Units across all lines.
    public var unidades: Int { items.reduce(0) { $0 + $1.cantidad } }

    enum CodingKeys: String, CodingKey {
        case id
        case chatId = "chat_id"
        case estado, total, creado, actualizado, cliente, items
    }
}

/// One order line, priced from the catalog when the order was placed.
public struct PedidoItem: Codable, Sendable, Equatable {
    public var productoId: Int64
    /// The product's name when the order was placed.
    public var nombre: String
    public var cantidad: Int
    public var precioUnitario: Int
    public var subtotal: Int

    public init(productoId: Int64, nombre: String, cantidad: Int, precioUnitario: Int) {
        self.productoId = productoId
        self.nombre = nombre
        self.cantidad = cantidad
        self.precioUnitario = precioUnitario
        self.subtotal = cantidad * precioUnitario
    }

    enum CodingKeys: String, CodingKey {
        case productoId = "producto_id"
        case nombre, cantidad
        case precioUnitario = "precio_unitario"
        case subtotal
    }
}

/// Filters for listing orders; nil means "any". `desde`/`hasta` are ISO dates ("2025-03-01",
/// both inclusive, days in Colombian time) or full ISO 8601 timestamps.
public struct PedidoFiltro: Sendable, Equatable {
    public var chatId: String?
    public var cedula: String?
    public var estado: EstadoPedido?
    public var desde: String?
    public var hasta: String?

    public init(
        chatId: String? = nil, cedula: String? = nil, estado: EstadoPedido? = nil, desde: String? = nil,
        hasta: String? = nil
    ) {
        self.chatId = chatId
        self.cedula = cedula
        self.estado = estado
        self.desde = desde
        self.hasta = hasta
    }
}
