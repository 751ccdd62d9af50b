/// A valid catalog row and the line of the file it came from.
public struct CatalogRow: Sendable, Equatable {
    public var fila: Int
    public var producto: Producto

    public init(fila: Int, producto: Producto) {
        self.fila = fila
        self.producto = producto
    }
}

/// A problem with one row of an imported file. `fila` is the file's line number (the header
/// is line 1); `campo` is nil when the problem is the row as a whole.
public struct RowError: Codable, Sendable, Equatable {
    public var fila: Int
    public var campo: String?
    public var mensaje: String
    /// The row's product id when it could be read, so a replace import never deactivates a
    /// product whose row was merely mistyped.
    public var id: Int64?

    public init(fila: Int, campo: String?, mensaje: String, id: Int64? = nil) {
        self.fila = fila
        self.campo = campo
        self.mensaje = mensaje
        self.id = id
    }
}

/// What `CatalogCSV.parse` read: the valid rows and an error for each problem found.
public struct CatalogParseResult: Sendable, Equatable {
    public var rows: [CatalogRow]
    public var errores: [RowError]

    public init(rows: [CatalogRow], errores: [RowError]) {
        self.rows = rows
        self.errores = errores
    }
}

/// How an import treats products that are not in the file.
public enum ImportMode: String, Codable, Sendable, CaseIterable {
    /// Upsert the file's rows; leave every other product as it is.
    case merge = "fusionar"
    /// Upsert the file's rows and deactivate active products missing from the file.
    case replace = "reemplazar"

    /// Reads `modo=` as callers write it: "fusionar"/"merge", "reemplazar"/"replace"; blank is merge.
    public init(parsing raw: String?) throws(ValidationError) {
        switch TextFold.fold(raw?.trimmingWhitespace() ?? "") {
        case "", "fusionar", "merge": self = .merge
        case "reemplazar", "replace": self = .replace
        default: throw ValidationError(campo: "modo", mensaje: "El modo debe ser «fusionar» o «reemplazar».")
        }
    }
}

/// Counts of what an import changed, plus the rows it refused.
public struct ImportResult: Codable, Sendable, Equatable {
    public var creados: Int
    public var actualizados: Int
    public var sinCambios: Int
    public var desactivados: Int
    public var errores: [RowError]

    public init(
        creados: Int = 0, actualizados: Int = 0, sinCambios: Int = 0, desactivados: Int = 0, errores: [RowError] = []
    ) {
        self.creados = creados
        self.actualizados = actualizados
        self.sinCambios = sinCambios
        self.desactivados = desactivados
        self.errores = errores
    }

    enum CodingKeys: String, CodingKey {
        case creados, actualizados
        case sinCambios = "sin_cambios"
        case desactivados, errores
    }
}
