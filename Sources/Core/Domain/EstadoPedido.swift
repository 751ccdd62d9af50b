/// The life of an order: pendiente → procesando → enviado → entregado, and cancelado from
/// pendiente or procesando. Every other move (including staying put) is refused.
public enum EstadoPedido: String, Codable, Sendable, CaseIterable {
    case pendiente
    case procesando
    case enviado
    case entregado
    case cancelado

    /// The states this one may move to.
    public var siguientes: [EstadoPedido] {
        switch self {
        case .pendiente: [.procesando, .cancelado]
        case .procesando: [.enviado, .cancelado]
        case .enviado: [.entregado]
        case .entregado, .cancelado: []
        }
    }

    public func canTransition(to next: EstadoPedido) -> Bool {
        siguientes.contains(next)
    }

    /// Parses a state name as callers write it ("Enviado", " cancelado ").
    public init(parsing raw: String) throws(ValidationError) {
        guard let estado = EstadoPedido(rawValue: TextFold.fold(raw.trimmingWhitespace())) else {
            let nombres = EstadoPedido.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(campo: "estado", mensaje: "El estado debe ser uno de: \(nombres).")
        }
        self = estado
    }
}
