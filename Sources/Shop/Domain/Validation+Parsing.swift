import SpanishText

/// Rules that read values typed by people (CSV cells, query parameters).
extension Validation {
    /// Parses a whole number of pesos or units: "45000", "45.000" and "$45.000" are all 45000.
    /// Decimals, negative numbers and anything else are rejected with a Spanish message.
    public static func wholeNumber(parsing raw: String, field: String) throws(ValidationError) -> Int {
        let label = FieldLabel.of(field)
        var text = raw.trimmingWhitespace()
        guard !text.isEmpty else {
            throw ValidationError(field: field, message: "\(label) es obligatorio.")
        }
        if text.hasPrefix("-") {
            throw ValidationError(field: field, message: "\(label) no puede ser negativo.")
        }
        if text.hasPrefix("$") { text = text.dropFirst().trimmingWhitespace() }
        if isDotGrouped(text) { text.removeAll { $0 == "." } }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else {
            throw ValidationError(
                field: field, message: "\(label) debe ser un número entero, sin decimales (por ejemplo 45000).")
        }
        guard let value = Int(text) else {
            throw ValidationError(field: field, message: "\(label) es demasiado grande.")
        }
        return value
    }

    /// Parses a yes/no cell: 1/0, true/false, si/sí/no (any case). Blank means yes.
    public static func flag(parsing raw: String, field: String) throws(ValidationError) -> Bool {
        switch TextFold.fold(raw.trimmingWhitespace()) {
        case "", "1", "true", "si", "s", "verdadero", "yes": return true
        case "0", "false", "no", "n", "falso": return false
        default:
            throw ValidationError(
                field: field, message: "\(FieldLabel.of(field)) debe ser 1/0, true/false o sí/no.")
        }
    }

    /// "1.234.567": digit groups of three separated by dots, as pesos are written in Colombia.
    private static func isDotGrouped(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

/// The Spanish noun phrase used in messages for a field name.
enum FieldLabel {
    static func of(_ field: String) -> String {
        switch field {
        case "nombre": "El nombre"
        case "descripcion": "La descripción"
        case "precio": "El precio"
        case "stock": "El stock"
        case "activo": "El valor de «activo»"
        case "categoria": "La categoría"
        case "cantidad": "La cantidad"
        case "direccion": "La dirección"
        case "barrio": "El barrio"
        case "indicaciones": "Las indicaciones"
        case "id", "producto_id": "El id"
        case "contenido": "El contenido"
        case "chat_id": "El chat_id"
        default: "El campo «\(field)»"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace or newlines (no Foundation needed).
    package func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}
