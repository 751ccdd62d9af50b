/// Sales between two dates, cancelled orders excluded (`ventas(desde:hasta:)`).
public struct SalesReport: Codable, Sendable, Equatable {
    public var since: String?
    public var until: String?
    public var orders: Int
    public var units: Int
    public var total: Int
    public var byDay: [DailySales]
    public var byProduct: [ProductSales]

    public init(
        since: String?, until: String?, orders: Int, units: Int, total: Int, byDay: [DailySales],
        byProduct: [ProductSales]
    ) {
        self.since = since
        self.until = until
        self.orders = orders
        self.units = units
        self.total = total
        self.byDay = byDay
        self.byProduct = byProduct
    }

    enum CodingKeys: String, CodingKey {
        case since = "desde", until = "hasta", orders = "pedidos", units = "unidades", total
        case byDay = "por_dia"
        case byProduct = "por_producto"
    }
}

/// Sales of one shop day ("2025-03-01", Colombian time).
public struct DailySales: Codable, Sendable, Equatable {
    public var day: String
    public var orders: Int
    public var units: Int
    public var total: Int

    public init(day: String, orders: Int, units: Int, total: Int) {
        self.day = day
        self.orders = orders
        self.units = units
        self.total = total
    }

    enum CodingKeys: String, CodingKey {
        case day = "dia"
        case orders = "pedidos"
        case units = "unidades"
        case total
    }
}

/// Sales of one product, best sellers (by amount) first.
public struct ProductSales: Codable, Sendable, Equatable {
    public var productId: Int64
    public var name: String
    public var units: Int
    public var total: Int

    public init(productId: Int64, name: String, units: Int, total: Int) {
        self.productId = productId
        self.name = name
        self.units = units
        self.total = total
    }

    enum CodingKeys: String, CodingKey {
        case productId = "producto_id"
        case name = "nombre", units = "unidades", total
    }
}

/// Counts for `GET /admin/estadisticas`.
public struct Statistics: Codable, Sendable, Equatable {
    public var products: Int
    public var activeProducts: Int
    public var productsOutOfStock: Int
    public var clients: Int
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
        case clients = "clientes", orders = "pedidos"
        case ordersByState = "pedidos_por_estado"
        case salesTotal = "ventas_total"
        case messages = "mensajes", chats
        case chatsWithoutAI = "chats_sin_ia"
    }
}
