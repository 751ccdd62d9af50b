import SpanishText

/// The life of an order: pendiente → procesando → enviado → entregado, and cancelado from
/// pendiente or procesando. Every other move (including staying put) is refused.
public enum OrderState: String, Codable, Sendable, CaseIterable {
    case pending = "pendiente"
    case processing = "procesando"
    case sent = "enviado"
    case delivered = "entregado"
    case cancelled = "cancelado"

    /// The states this one may move to.
    public var successors: [OrderState] {
        switch self {
        case .pending: [.processing, .cancelled]
        case .processing: [.sent, .cancelled]
        case .sent: [.delivered]
        case .delivered, .cancelled: []
        }
    }

    public func canTransition(to next: OrderState) -> Bool {
        successors.contains(next)
    }

    /// Parses a state name as callers write it ("Enviado", " cancelado ").
    public init(parsing raw: String) throws(ValidationError) {
        guard let state = OrderState(rawValue: TextFold.fold(raw.trimmingWhitespace())) else {
            let names = OrderState.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: "estado", message: "El estado debe ser uno de: \(names).")
        }
        self = state
    }
}
