/// Why an order could not be placed or moved to another state.
public enum OrderError: CodedError, Equatable {
    /// Some lines ask for more than the stock; lists every short line.
    case insufficientStock([ShortItem])
    case productNotFound(Int64)
    case productInactive(id: Int64, name: String)
    case invalidTransition(from: OrderState, to: OrderState)

    public var code: ErrorCode {
        switch self {
        case .insufficientStock: .insufficientStock
        case .productNotFound: .productNotFound
        case .productInactive: .productInactive
        case .invalidTransition: .invalidTransition
        }
    }

    public var message: String {
        switch self {
        case .insufficientStock(let items):
            return "No hay suficiente stock: " + items.map(\.description).joined(separator: "; ") + "."
        case .productNotFound(let id):
            return "El producto \(id) no existe en el catálogo."
        case .productInactive(_, let name):
            return "El producto «\(name)» no está disponible para la venta."
        case .invalidTransition(let from, let to):
            let allowed = from.successors.map(\.rawValue)
            let options =
                allowed.isEmpty
                ? "Un pedido \(from.rawValue) ya no cambia de estado."
                : "Desde \(from.rawValue) solo puede pasar a: \(allowed.joined(separator: ", "))."
            return "No se puede pasar un pedido de \(from.rawValue) a \(to.rawValue). \(options)"
        }
    }
}

/// A line that asks for more units than the catalog has.
public struct ShortItem: Codable, Sendable, Equatable {
    public var productId: Int64
    public var name: String
    /// Units asked for.
    public var order: Int
    /// Units in stock when the order was checked.
    public var available: Int

    public init(productId: Int64, name: String, order: Int, available: Int) {
        self.productId = productId
        self.name = name
        self.order = order
        self.available = available
    }

    /// "Guantes vaqueta (pidió 30, hay 23)".
    public var description: String {
        let available =
            switch available {
            case 0: "no hay unidades disponibles"
            case 1: "hay 1 disponible"
            default: "hay \(available) disponibles"
            }
        return "\(name) (pidió \(order), \(available))"
    }

    enum CodingKeys: String, CodingKey {
        case productId = "producto_id"
        case name = "nombre", order = "pedido", available = "disponible"
    }
}
