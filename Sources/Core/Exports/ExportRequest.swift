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
        var job = ExportJob(recurso: resource)
        let known = Set(options + ExportFilters.Name.allCases.map(\.rawValue))
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where value != .null {
            guard known.contains(name) else {
                check.add(
                    campo: name,
                    "El campo «\(name)» no se reconoce; se aceptan: \(ExportFilters.Name.allCases.map(\.rawValue).joined(separator: ", ")), formato, separador y bom."
                )
                continue
            }
            if let filter = ExportFilters.Name(rawValue: name), !resource.filters.contains(filter) {
                check.add(campo: name, "El filtro «\(name)» no aplica a la exportación de \(resource.rawValue).")
                continue
            }
            check.check(try apply(name, value, to: &job))
        }
        if job.filtros.desde != nil || job.filtros.hasta != nil {
            do {
                _ = try job.filtros.dateRange()
            } catch {
                error.errores.forEach { check.add($0) }
            }
        }
        if resource == .ventas, job.filtros.estado == .cancelado {
            check.add(
                campo: "estado",
                "Las ventas no incluyen pedidos cancelados; para verlos exporte «pedidos» con estado cancelado.")
        }
        try check.finish()
        return job
    }

    private static func apply(_ name: String, _ value: JSONValue, to job: inout ExportJob) throws(ValidationError) {
        switch name {
        case "formato":
            let text = try string(value, campo: name)
            guard let format = ExportFormat(rawValue: TextFold.fold(text.trimmingWhitespace())) else {
                throw ValidationError(campo: name, mensaje: "El formato debe ser csv o xlsx.")
            }
            job.formato = format
        case "separador":
            let text = try string(value, campo: name).trimmingWhitespace()
            switch TextFold.fold(text) {
            case ",", "coma": job.separador = ","
            case ";", "punto y coma", "punto_y_coma": job.separador = ";"
            default: throw ValidationError(campo: name, mensaje: "El separador debe ser «,» o «;».")
            }
        case "bom":
            job.bom = try flag(value, campo: name)
        case "desde":
            job.filtros.desde = try string(value, campo: name).trimmingWhitespace()
        case "hasta":
            job.filtros.hasta = try string(value, campo: name).trimmingWhitespace()
        case "cedula":
            let text: String
            if case .integer(let number) = value {
                text = String(number)
            } else {
                text = try string(value, campo: name)
            }
            job.filtros.cedula = try Validation.cedula(text)
        case "producto_id":
            job.filtros.productoId = try productId(value)
        case "estado":
            job.filtros.estado = try EstadoPedido(parsing: try string(value, campo: name))
        default:
            break
        }
    }

    private static func string(_ value: JSONValue, campo: String) throws(ValidationError) -> String {
        guard case .string(let text) = value else {
            throw ValidationError(campo: campo, mensaje: "\(FieldLabel.of(campo)) debe ser un texto.")
        }
        return text
    }

    private static func flag(_ value: JSONValue, campo: String) throws(ValidationError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .integer(0): return false
        case .integer(1): return true
        case .string(let text) where !text.trimmingWhitespace().isEmpty:
            return try Validation.flag(parsing: text, campo: campo)
        default:
            throw ValidationError(campo: campo, mensaje: "\(FieldLabel.of(campo)) debe ser true o false.")
        }
    }

    private static func productId(_ value: JSONValue) throws(ValidationError) -> Int64 {
        let message = "El producto_id debe ser un número entero positivo."
        switch value {
        case .integer(let number) where number > 0:
            return Int64(number)
        case .string(let text):
            guard let number = Int64(text.trimmingWhitespace()), number > 0 else {
                throw ValidationError(campo: "producto_id", mensaje: message)
            }
            return number
        default:
            throw ValidationError(campo: "producto_id", mensaje: message)
        }
    }
}
