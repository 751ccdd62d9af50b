/// Sales between two dates, cancelled orders excluded (`ventas(desde:hasta:)`).
public struct VentasReporte: Codable, Sendable, Equatable {
    public var desde: String?
    public var hasta: String?
    public var pedidos: Int
    public var unidades: Int
    public var total: Int
    public var porDia: [VentaDia]
    public var porProducto: [VentaProducto]

    public init(
        desde: String?, hasta: String?, pedidos: Int, unidades: Int, total: Int, porDia: [VentaDia],
        porProducto: [VentaProducto]
    ) {
        self.desde = desde
        self.hasta = hasta
        self.pedidos = pedidos
        self.unidades = unidades
        self.total = total
        self.porDia = porDia
        self.porProducto = porProducto
    }

    enum CodingKeys: String, CodingKey {
        case desde, hasta, pedidos, unidades, total
        case porDia = "por_dia"
        case porProducto = "por_producto"
    }
}

/// Sales of one shop day ("2025-03-01", Colombian time).
public struct VentaDia: Codable, Sendable, Equatable {
    public var dia: String
    public var pedidos: Int
    public var unidades: Int
    public var total: Int

    public init(dia: String, pedidos: Int, unidades: Int, total: Int) {
        self.dia = dia
        self.pedidos = pedidos
        self.unidades = unidades
        self.total = total
    }
}

/// Sales of one product, best sellers (by amount) first.
public struct VentaProducto: Codable, Sendable, Equatable {
    public var productoId: Int64
    public var nombre: String
    public var unidades: Int
    public var total: Int

    public init(productoId: Int64, nombre: String, unidades: Int, total: Int) {
        self.productoId = productoId
        self.nombre = nombre
        self.unidades = unidades
        self.total = total
    }

    enum CodingKeys: String, CodingKey {
        case productoId = "producto_id"
        case nombre, unidades, total
    }
}

/// Counts for `GET /admin/estadisticas`.
public struct Estadisticas: Codable, Sendable, Equatable {
    public var productos: Int
    public var productosActivos: Int
    public var productosSinStock: Int
    public var clientes: Int
    public var pedidos: Int
    public var pedidosPorEstado: [String: Int]
    /// Sum of totals of orders not cancelled, in pesos.
    public var ventasTotal: Int
    public var mensajes: Int
    public var chats: Int
    public var chatsSinIA: Int

    public init(
        productos: Int, productosActivos: Int, productosSinStock: Int, clientes: Int, pedidos: Int,
        pedidosPorEstado: [String: Int], ventasTotal: Int, mensajes: Int, chats: Int, chatsSinIA: Int
    ) {
        self.productos = productos
        self.productosActivos = productosActivos
        self.productosSinStock = productosSinStock
        self.clientes = clientes
        self.pedidos = pedidos
        self.pedidosPorEstado = pedidosPorEstado
        self.ventasTotal = ventasTotal
        self.mensajes = mensajes
        self.chats = chats
        self.chatsSinIA = chatsSinIA
    }

    enum CodingKeys: String, CodingKey {
        case productos
        case productosActivos = "productos_activos"
        case productosSinStock = "productos_sin_stock"
        case clientes, pedidos
        case pedidosPorEstado = "pedidos_por_estado"
        case ventasTotal = "ventas_total"
        case mensajes, chats
        case chatsSinIA = "chats_sin_ia"
    }
}
