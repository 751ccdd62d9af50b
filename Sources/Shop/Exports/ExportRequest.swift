import SpanishText
import Support

/// Turns what a caller sent for `POST /exportar/{recurso}` (JSON body members and query
/// parameters, merged) into a validated `ExportJob`, naming every wrong field in Spanish.
public enum ExportRequest {
    /// Option names besides the filters.
    static let options = ["formato", "separador", "bom"]

    /// `fields`: the body's members (query parameters arrive as strings). Null members are
    /// ignored; unknown ones, filters that don't apply to `resource` and bad values are errors.
    public static func job(_ resource: ExportResource, fields: [String: JSONValue]) throws(ValidationErrors)
        -> ExportJob
    {
        var check = ValidationCollector()
        var job = ExportJob(resource: resource)
        let known = Set(options + ExportFilters.Name.allCases.map(\.rawValue))
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where value != .null {
            guard known.contains(name) else {
                check.add(
                    field: name,
                    "El campo «\(name)» no se reconoce; se aceptan: \(ExportFilters.Name.allCases.map(\.rawValue).joined(separator: ", ")), formato, separador y bom."
                )
                continue
            }
            if let filter = ExportFilters.Name(rawValue: name), !resource.filters.contains(filter) {
                check.add(field: name, "El filtro «\(name)» no aplica a la exportación de \(resource.rawValue).")
                continue
            }
            check.check(try apply(name, value, to: &job))
        }
        if job.filters.since != nil || job.filters.until != nil {
            do {
                _ = try job.filters.dateRange()
            } catch {
                error.errors.forEach { check.add($0) }
            }
        }
        if resource == .sales, job.filters.state == .cancelled {
            check.add(
                field: "estado",
                "Las ventas no incluyen pedidos cancelados; para verlos exporte «pedidos» con estado cancelado.")
        }
        try check.finish()
        return job
    }

    private static func apply(_ name: String, _ value: JSONValue, to job: inout ExportJob) throws(ValidationError) {
        switch name {
        case "formato":
            let text = try string(value, field: name)
            guard let format = ExportFormat(rawValue: TextFold.fold(text.trimmingWhitespace())) else {
                throw ValidationError(field: name, message: "El formato debe ser csv o xlsx.")
            }
            job.format = format
        case "separador":
            let text = try string(value, field: name).trimmingWhitespace()
            switch TextFold.fold(text) {
            case ",", "coma": job.separator = ","
            case ";", "punto y coma", "punto_y_coma": job.separator = ";"
            default: throw ValidationError(field: name, message: "El separador debe ser «,» o «;».")
            }
        case "bom":
            job.bom = try flag(value, field: name)
        case "desde":
            job.filters.since = try string(value, field: name).trimmingWhitespace()
        case "hasta":
            job.filters.until = try string(value, field: name).trimmingWhitespace()
        case "cedula":
            let text: String
            if case .integer(let number) = value {
                text = String(number)
            } else {
                text = try string(value, field: name)
            }
            job.filters.idNumber = try Validation.idNumber(text)
        case "producto_id":
            job.filters.productId = try productId(value)
        case "estado":
            job.filters.state = try OrderState(parsing: try string(value, field: name))
        default:
            break
        }
    }

    private static func string(_ value: JSONValue, field: String) throws(ValidationError) -> String {
        guard case .string(let text) = value else {
            throw ValidationError(field: field, message: "\(FieldLabel.of(field)) debe ser un texto.")
        }
        return text
    }

    private static func flag(_ value: JSONValue, field: String) throws(ValidationError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .integer(0): return false
        case .integer(1): return true
        case .string(let text) where !text.trimmingWhitespace().isEmpty:
            return try Validation.flag(parsing: text, field: field)
        default:
            throw ValidationError(field: field, message: "\(FieldLabel.of(field)) debe ser true o false.")
        }
    }

    private static func productId(_ value: JSONValue) throws(ValidationError) -> Int64 {
        let message = "El producto_id debe ser un número entero positivo."
        switch value {
        case .integer(let number) where number > 0:
            return Int64(number)
        case .string(let text):
            guard let number = Int64(text.trimmingWhitespace()), number > 0 else {
                throw ValidationError(field: "producto_id", message: message)
            }
            return number
        default:
            throw ValidationError(field: "producto_id", message: message)
        }
    }
}
