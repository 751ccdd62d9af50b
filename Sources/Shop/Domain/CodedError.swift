/// An error that leaves the core: a stable machine-readable code plus a message in Spanish
/// that a shopper or an operator can read. The HTTP edge turns the code into a status.
/// The codes are a closed set (`ErrorCode`).
public protocol CodedError: Error, Sendable, CustomStringConvertible {
    /// Stable code, never translated or reworded.
    var code: ErrorCode { get }
    /// Human-readable explanation in Spanish.
    var message: String { get }
}

extension CodedError {
    public var description: String { "\(code.rawValue): \(message)" }
}

/// Failures of the record store that are not about a specific business rule.
public enum StoreError: CodedError, Equatable {
    /// The record does not exist. `recurso` is a Spanish noun with its article ("el pedido").
    case notFound(resource: String, key: String)
    /// The change would break an invariant (duplicate key, record still referenced...).
    case conflict(String)

    public var code: ErrorCode {
        switch self {
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }

    public var message: String {
        switch self {
        case .notFound(let resource, let key): "No existe \(resource) \(key)."
        case .conflict(let message): message
        }
    }
}
