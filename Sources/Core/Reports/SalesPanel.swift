/// The sales part of `GET /admin/estadisticas` for a period (`panel(desde:hasta:...)`):
/// cancelled orders are left out of every amount.
public struct SalesPanel: Codable, Sendable, Equatable {
    public var periodo: Periodo
    public var ventas: Ventas
    public var topProductos: [VentaProducto]
    public var topClientes: [ClienteTop]
    public var conversion: Conversion
    public var stockBajo: StockBajo
    /// Messages of the period per channel and type (the usage view; queue latency is added
    /// by the front end from Redis).
    public var mensajesPorCanal: [MensajesCanal]

    public struct Periodo: Codable, Sendable, Equatable {
        /// Shop days, both inclusive.
        public var desde: String
        public var hasta: String
    }

    public struct Ventas: Codable, Sendable, Equatable {
        public var pedidos: Int
        public var unidades: Int
        public var total: Int
        /// Average order, whole pesos (0 without orders).
        public var ticketPromedio: Int
        public var porDia: [VentaDia]
        public var porSemana: [VentaSemana]
        /// Every order of the period by state, cancelled ones included.
        public var pedidosPorEstado: [String: Int]

        enum CodingKeys: String, CodingKey {
            case pedidos, unidades, total
            case ticketPromedio = "ticket_promedio"
            case porDia = "por_dia"
            case porSemana = "por_semana"
            case pedidosPorEstado = "pedidos_por_estado"
        }
    }

    enum CodingKeys: String, CodingKey {
        case periodo, ventas
        case topProductos = "top_productos"
        case topClientes = "top_clientes"
        case conversion
        case stockBajo = "stock_bajo"
        case mensajesPorCanal = "mensajes_por_canal"
    }
}

/// Sales of one week (Monday to Sunday, shop time); `semana` is its Monday.
public struct VentaSemana: Codable, Sendable, Equatable {
    public var semana: String
    public var pedidos: Int
    public var unidades: Int
    public var total: Int

    public init(semana: String, pedidos: Int, unidades: Int, total: Int) {
        self.semana = semana
        self.pedidos = pedidos
        self.unidades = unidades
        self.total = total
    }
}

/// A client among the best buyers of the period.
public struct ClienteTop: Codable, Sendable, Equatable {
    public var cedula: String
    public var nombre: String
    public var pedidos: Int
    public var total: Int

    public init(cedula: String, nombre: String, pedidos: Int, total: Int) {
        self.cedula = cedula
        self.nombre = nombre
        self.pedidos = pedidos
        self.total = total
    }
}

/// Chats where a customer wrote in the period, and how many of them have an order of the
/// period placed from that chat.
public struct Conversion: Codable, Sendable, Equatable {
    public var chats: Int
    public var chatsConPedido: Int
    /// chats_con_pedido / chats, four decimals (0 without chats).
    public var tasa: Double

    public init(chats: Int, chatsConPedido: Int) {
        self.chats = chats
        self.chatsConPedido = chatsConPedido
        self.tasa = chats == 0 ? 0 : (Double(chatsConPedido) / Double(chats) * 10_000).rounded() / 10_000
    }

    enum CodingKeys: String, CodingKey {
        case chats
        case chatsConPedido = "chats_con_pedido"
        case tasa
    }
}

/// Active products with `stock <= umbral`, fewest units first.
public struct StockBajo: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var id: Int64
        public var nombre: String
        public var stock: Int
    }

    public var umbral: Int
    public var productos: [Item]
}

/// Messages of one channel and type; `de_clientes` are the ones customers wrote.
public struct MensajesCanal: Codable, Sendable, Equatable {
    public var canal: String
    public var tipo: String
    public var mensajes: Int
    public var deClientes: Int

    public init(canal: String, tipo: String, mensajes: Int, deClientes: Int) {
        self.canal = canal
        self.tipo = tipo
        self.mensajes = mensajes
        self.deClientes = deClientes
    }

    enum CodingKeys: String, CodingKey {
        case canal, tipo, mensajes
        case deClientes = "de_clientes"
    }
}

/// The chat's channel as stored by a front end (`chat_control.canal`), else "telegram" for
/// Telegram chat ids (`tg:<id>`); NULL when unknown. One SQL expression for exports and stats.
enum ChannelSQL {
    static func expression(message m: String, control cc: String) -> String {
        "COALESCE(\(cc).canal, CASE WHEN \(m).chat_id LIKE 'tg:%' THEN 'telegram' END)"
    }
}
