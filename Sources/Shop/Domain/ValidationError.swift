/// One invalid field: the Spanish field name as it appears in the JSON contract
/// (`cedula`, `telefono`, `precio`...) and a message that says how to fix it.
public struct ValidationError: CodedError, Equatable, Codable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var code: ErrorCode { .validation }

    enum CodingKeys: String, CodingKey {
        case field = "campo"
        case message = "mensaje"
    }
}

/// Several invalid fields reported together, so a caller can fix them all at once.
public struct ValidationErrors: CodedError, Equatable {
    public let errors: [ValidationError]

    public init(_ errors: [ValidationError]) {
        self.errors = errors
    }

    public var code: ErrorCode { .validation }

    public var message: String { errors.map(\.message).joined(separator: " ") }

    /// The errors for one field, if any.
    public func errors(field: String) -> [ValidationError] {
        errors.filter { $0.field == field }
    }
}

/// Runs field validations one after another and keeps every failure.
public struct ValidationCollector: Sendable {
    public private(set) var errors: [ValidationError] = []

    public init() {}

    /// Evaluates `value`; on failure records the error and returns nil.
    public mutating func check<T>(_ value: @autoclosure () throws(ValidationError) -> T) -> T? {
        do {
            return try value()
        } catch {
            errors.append(error)
            return nil
        }
    }

    public mutating func add(_ error: ValidationError) {
        errors.append(error)
    }

    public mutating func add(field: String, _ message: String) {
        errors.append(ValidationError(field: field, message: message))
    }

    /// Throws every recorded error at once; does nothing when all checks passed.
    public func finish() throws(ValidationErrors) {
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}
