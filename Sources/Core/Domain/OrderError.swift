/// Why an order could not be placed or moved to another state.
public enum OrderError: CodedError, Equatable {
    /// Some lines ask for more than the stock; lists every short line.
    case insufficientStock([ShortItem])
    case productNotFound(Int64)
    case productInactive(id: Int64, nombre: String)
    case invalidTransition(from: EstadoPedido, to: EstadoPedido)

    public var codigo: String {
        switch self {
        case .insufficientStock: "stock_insuficiente"
        case .productNotFound: "producto_no_encontrado"
        case .productInactive: "producto_inactivo"
        case .invalidTransition: "transicion_invalida"
        }
    }

    public var mensaje: String {
        switch self {
        case .insufficientStock(let items):
            return "No hay suficiente stock: " + items.map(\.descripcion).joined(separator: "; ") + "."
        case .productNotFound(let id):
            return "El producto \(id) no existe en el catálogo."
        case .productInactive(_, let nombre):
            return "El producto «\(nombre)» no está disponible para la venta."
        case .invalidTransition(let from, let to):
            let permitidos = from.siguientes.map(\.rawValue)
            let opciones =
                permitidos.isEmpty
                ? "Un pedido \(from.rawValue) ya no cambia de estado."
                : "Desde \(from.rawValue) solo puede pasar a: \(permitidos.joined(separator: ", "))."
            return "No se puede pasar un pedido de \(from.rawValue) a \(to.rawValue). \(opciones)"
        }
    }
}

/// A line that asks for more units than the catalog has.
public struct ShortItem: Codable, Sendable, Equatable {
    public var productoId: Int64
    public var nombre: String
    /// Units asked for.
    public var pedido: Int
    /// Units in stock when the order was checked.
    public var disponible: Int

    public init(productoId: Int64, nombre: String, pedido: Int, disponible: Int) {
        self.productoId = productoId
        self.nombre = nombre
        self.pedido = pedido
        self.disponible = disponible
    }

    /// "Guantes vaqueta (pidió 30, hay 23)".
    public var descripcion: String {
        let hay =
            switch disponible {
            case 0: "no hay unidades disponibles"
            case 1: "hay 1 disponible"
            default: "hay \(disponible) disponibles"
            }
        return "\(nombre) (pidió \(pedido), \(hay))"
    }

    enum CodingKeys: String, CodingKey {
        case productoId = "producto_id"
        case nombre, pedido, disponible
    }
}
