/// Counts for `GET /admin/estadisticas`.
public struct Statistics: Codable, Sendable, Equatable {
    public var products: Int
    public var activeProducts: Int
    public var productsOutOfStock: Int
    /// Products per state (`disponible`, `agotado`, `descontinuado`).
    public var productsByState: [String: Int] = [:]
    public var clients: Int
    /// Retired clients (kept with their history).
    public var retiredClients: Int = 0
    public var orders: Int
    public var ordersByState: [String: Int]
    /// Sum of totals of orders not cancelled, in pesos.
    public var salesTotal: Int
    public var messages: Int
    public var chats: Int
    public var chatsWithoutAI: Int

    public init(
        products: Int, activeProducts: Int, productsOutOfStock: Int, clients: Int, orders: Int,
        ordersByState: [String: Int], salesTotal: Int, messages: Int, chats: Int, chatsWithoutAI: Int
    ) {
        self.products = products
        self.activeProducts = activeProducts
        self.productsOutOfStock = productsOutOfStock
        self.clients = clients
        self.orders = orders
        self.ordersByState = ordersByState
        self.salesTotal = salesTotal
        self.messages = messages
        self.chats = chats
        self.chatsWithoutAI = chatsWithoutAI
    }

    enum CodingKeys: String, CodingKey {
        case products = "productos"
        case activeProducts = "productos_activos"
        case productsOutOfStock = "productos_sin_stock"
        case productsByState = "productos_por_estado"
        case clients = "clientes", orders = "pedidos"
        case retiredClients = "clientes_retirados"
        case ordersByState = "pedidos_por_estado"
        case salesTotal = "ventas_total"
        case messages = "mensajes", chats
        case chatsWithoutAI = "chats_sin_ia"
    }
}
