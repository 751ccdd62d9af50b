/// The sales part of `GET /admin/estadisticas` for a period (`panel(desde:hasta:...)`):
/// cancelled orders are left out of every amount.
public struct SalesPanel: Codable, Sendable, Equatable {
    public var period: Period
    public var sales: Sales
    public var topProducts: [ProductSales]
    public var topClients: [TopClient]
    public var conversion: Conversion
    public var lowStock: LowStock
    /// Messages of the period per channel and type (the usage view; queue latency is added
    /// by the front end from Redis).
    public var messagesByChannel: [ChannelMessages]

    public struct Period: Codable, Sendable, Equatable {
        /// Shop days, both inclusive.
        public var since: String
        public var until: String

        enum CodingKeys: String, CodingKey {
            case since = "desde"
            case until = "hasta"
        }
    }

    public struct Sales: Codable, Sendable, Equatable {
        public var orders: Int
        public var units: Int
        public var total: Int
        /// Average order, whole pesos (0 without orders).
        public var averageTicket: Int
        public var byDay: [DailySales]
        public var byWeek: [WeeklySales]
        /// Every order of the period by state, cancelled ones included.
        public var ordersByState: [String: Int]

        enum CodingKeys: String, CodingKey {
            case orders = "pedidos", units = "unidades", total
            case averageTicket = "ticket_promedio"
            case byDay = "por_dia"
            case byWeek = "por_semana"
            case ordersByState = "pedidos_por_estado"
        }
    }

    enum CodingKeys: String, CodingKey {
        case period = "periodo", sales = "ventas"
        case topProducts = "top_productos"
        case topClients = "top_clientes"
        case conversion
        case lowStock = "stock_bajo"
        case messagesByChannel = "mensajes_por_canal"
    }
}

/// Sales of one week (Monday to Sunday, shop time); `semana` is its Monday.
public struct WeeklySales: Codable, Sendable, Equatable {
    public var week: String
    public var orders: Int
    public var units: Int
    public var total: Int

    public init(week: String, orders: Int, units: Int, total: Int) {
        self.week = week
        self.orders = orders
        self.units = units
        self.total = total
    }

    enum CodingKeys: String, CodingKey {
        case week = "semana"
        case orders = "pedidos"
        case units = "unidades"
        case total
    }
}

/// A client among the best buyers of the period.
public struct TopClient: Codable, Sendable, Equatable {
    public var idNumber: String
    public var name: String
    public var orders: Int
    public var total: Int

    public init(idNumber: String, name: String, orders: Int, total: Int) {
        self.idNumber = idNumber
        self.name = name
        self.orders = orders
        self.total = total
    }

    enum CodingKeys: String, CodingKey {
        case idNumber = "cedula"
        case name = "nombre"
        case orders = "pedidos"
        case total
    }
}

/// Chats where a customer wrote in the period, and how many of them have an order of the
/// period placed from that chat.
public struct Conversion: Codable, Sendable, Equatable {
    public var chats: Int
    public var chatsWithOrder: Int
    /// chats_con_pedido / chats, four decimals (0 without chats).
    public var rate: Double

    public init(chats: Int, chatsWithOrder: Int) {
        self.chats = chats
        self.chatsWithOrder = chatsWithOrder
        self.rate = chats == 0 ? 0 : (Double(chatsWithOrder) / Double(chats) * 10_000).rounded() / 10_000
    }

    enum CodingKeys: String, CodingKey {
        case chats
        case chatsWithOrder = "chats_con_pedido"
        case rate = "tasa"
    }
}

/// Active products with `stock <= umbral`, fewest units first.
public struct LowStock: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var stock: Int

        enum CodingKeys: String, CodingKey {
            case id
            case name = "nombre"
            case stock
        }
    }

    public var threshold: Int
    public var products: [Item]

    enum CodingKeys: String, CodingKey {
        case threshold = "umbral"
        case products = "productos"
    }
}

/// Messages of one channel and type; `de_clientes` are the ones customers wrote.
public struct ChannelMessages: Codable, Sendable, Equatable {
    public var channel: String
    public var kind: String
    public var messages: Int
    public var fromClients: Int

    public init(channel: String, kind: String, messages: Int, fromClients: Int) {
        self.channel = channel
        self.kind = kind
        self.messages = messages
        self.fromClients = fromClients
    }

    enum CodingKeys: String, CodingKey {
        case channel = "canal", kind = "tipo", messages = "mensajes"
        case fromClients = "de_clientes"
    }
}

/// The chat's channel as stored by a front end (`chat_control.canal`), else "telegram" for
/// Telegram chat ids (`tg:<id>`); NULL when unknown. One SQL expression for exports and stats.
enum ChannelSQL {
    static func expression(message m: String, control cc: String) -> String {
        "COALESCE(\(cc).canal, CASE WHEN \(m).chat_id LIKE 'tg:%' THEN 'telegram' END)"
    }
}
