import SpanishText

/// A valid catalog row and the line of the file it came from.
public struct CatalogRow: Sendable, Equatable {
    public var row: Int
    public var product: Product

    public init(row: Int, product: Product) {
        self.row = row
        self.product = product
    }
}

/// A problem with one row of an imported file. `fila` is the file's line number (the header
/// is line 1); `campo` is nil when the problem is the row as a whole.
public struct RowError: Codable, Sendable, Equatable {
    public var row: Int
    public var field: String?
    public var message: String
    /// The row's product id when it could be read, so a replace import never deactivates a
    /// product whose row was merely mistyped.
    public var id: Int64?

    public init(row: Int, field: String?, message: String, id: Int64? = nil) {
        self.row = row
        self.field = field
        self.message = message
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case row = "fila"
        case field = "campo"
        case message = "mensaje"
        case id
    }
}

/// What `CatalogCSV.parse` read: the valid rows and an error for each problem found.
public struct CatalogParseResult: Sendable, Equatable {
    public var rows: [CatalogRow]
    public var errors: [RowError]

    public init(rows: [CatalogRow], errors: [RowError]) {
        self.rows = rows
        self.errors = errors
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
        default: throw ValidationError(field: "modo", message: "El modo debe ser «fusionar» o «reemplazar».")
        }
    }
}

/// Counts of what an import changed, plus the rows it refused.
public struct ImportResult: Codable, Sendable, Equatable {
    public var createdCount: Int
    public var updatedCount: Int
    public var unchanged: Int
    public var deactivatedCount: Int
    public var errors: [RowError]

    public init(
        createdCount: Int = 0, updatedCount: Int = 0, unchanged: Int = 0, deactivatedCount: Int = 0,
        errors: [RowError] = []
    ) {
        self.createdCount = createdCount
        self.updatedCount = updatedCount
        self.unchanged = unchanged
        self.deactivatedCount = deactivatedCount
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case createdCount = "creados", updatedCount = "actualizados"
        case unchanged = "sin_cambios"
        case deactivatedCount = "desactivados", errors = "errores"
    }
}
