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
