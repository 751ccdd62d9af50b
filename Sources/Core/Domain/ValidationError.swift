/// One invalid field: the Spanish field name as it appears in the JSON contract
/// (`cedula`, `telefono`, `precio`...) and a message that says how to fix it.
public struct ValidationError: CodedError, Equatable, Codable {
    public let campo: String
    public let mensaje: String

    public init(campo: String, mensaje: String) {
        self.campo = campo
        self.mensaje = mensaje
    }

    public var codigo: String { "validacion" }
}

/// Several invalid fields reported together, so a caller can fix them all at once.
public struct ValidationErrors: CodedError, Equatable {
    public let errores: [ValidationError]

    public init(_ errores: [ValidationError]) {
        self.errores = errores
    }

    public var codigo: String { "validacion" }

    public var mensaje: String { errores.map(\.mensaje).joined(separator: " ") }

    /// The errors for one field, if any.
    public func errores(campo: String) -> [ValidationError] {
        errores.filter { $0.campo == campo }
    }
}

/// Runs field validations one after another and keeps every failure.
public struct ValidationCollector: Sendable {
    public private(set) var errores: [ValidationError] = []

    public init() {}

    /// Evaluates `value`; on failure records the error and returns nil.
    public mutating func check<T>(_ value: @autoclosure () throws(ValidationError) -> T) -> T? {
        do {
            return try value()
        } catch {
            errores.append(error)
            return nil
        }
    }

    public mutating func add(_ error: ValidationError) {
        errores.append(error)
    }

    public mutating func add(campo: String, _ mensaje: String) {
        errores.append(ValidationError(campo: campo, mensaje: mensaje))
    }

    /// Throws every recorded error at once; does nothing when all checks passed.
    public func finish() throws(ValidationErrors) {
        if !errores.isEmpty { throw ValidationErrors(errores) }
    }
}
