/// Field rules shared by the HTTP API, the catalog import and the chat checkout.
/// Each rule trims and normalizes its input and returns the value to store, or throws a
/// `ValidationError` naming the field in Spanish.
public enum Validation {
    public static let maxNameLength = 120
    public static let maxPrice = 10_000_000_000
    public static let maxStock = 10_000_000
    public static let maxQuantity = 100_000

    /// Cédula: 6–10 digits once dots, spaces and dashes are removed. Returns the digits.
    public static func idNumber(_ raw: String, field: String = "cedula") throws(ValidationError) -> String {
        let digits = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        guard !digits.isEmpty else {
            throw ValidationError(field: field, message: "La cédula es obligatoria.")
        }
        guard digits.allSatisfy(\.isASCIIDigit) else {
            throw ValidationError(field: field, message: "La cédula solo puede tener números.")
        }
        guard (6...10).contains(digits.count) else {
            throw ValidationError(field: field, message: "La cédula debe tener entre 6 y 10 dígitos.")
        }
        return digits
    }

    /// Colombian phone. Strips spaces, dashes, dots, parentheses and a +57 / 57 prefix, then
    /// accepts a mobile (10 digits starting with 3) or a landline (7 digits, or 10 digits
    /// starting with 60). Returns the national digits, e.g. "3182842304" or "6023928926".
    public static func phone(_ raw: String, field: String = "telefono") throws(ValidationError) -> String {
        var digits = raw.filter { !$0.isWhitespace && !"-.()".contains($0) }
        guard !digits.isEmpty else {
            throw ValidationError(field: field, message: "El teléfono es obligatorio.")
        }
        if digits.hasPrefix("+") {
            guard digits.hasPrefix("+57") else {
                throw ValidationError(field: field, message: "Solo se aceptan teléfonos de Colombia (+57).")
            }
            digits.removeFirst(3)
        } else if digits.count == 12, digits.hasPrefix("57") {
            digits.removeFirst(2)
        }
        guard digits.allSatisfy(\.isASCIIDigit) else {
            throw ValidationError(field: field, message: "El teléfono solo puede tener números.")
        }
        let isMobile = digits.count == 10 && digits.hasPrefix("3")
        let isLandline = digits.count == 7 || (digits.count == 10 && digits.hasPrefix("60"))
        guard isMobile || isLandline else {
            throw ValidationError(
                field: field,
                message: "El teléfono debe ser un celular de 10 dígitos que empiece por 3, "
                    + "o un fijo de 7 dígitos (o de 10 que empiece por 60).")
        }
        return digits
    }

    /// E-mail address, trimmed and lower-cased.
    public static func email(_ raw: String, field: String = "correo") throws(ValidationError) -> String {
        let email = raw.trimmingWhitespace().lowercased()
        guard !email.isEmpty else {
            throw ValidationError(field: field, message: "El correo electrónico es obligatorio.")
        }
        guard EmailAddress.isValid(email) else {
            throw ValidationError(
                field: field, message: "El correo electrónico no es válido (ejemplo: nombre@empresa.com).")
        }
        return email
    }

    /// A person's or product's name: trimmed, inner runs of spaces collapsed, 1–120 characters.
    public static func name(_ raw: String, field: String = "nombre") throws(ValidationError) -> String {
        let name = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let label = FieldLabel.of(field)
        guard !name.isEmpty else {
            throw ValidationError(field: field, message: "\(label) no puede estar vacío.")
        }
        guard name.count <= maxNameLength else {
            throw ValidationError(
                field: field, message: "\(label) no puede tener más de \(maxNameLength) caracteres.")
        }
        return name
    }

    /// Optional free text (address, notes...): trimmed, blank becomes nil, at most `maximo` characters.
    public static func optionalText(_ raw: String?, field: String, maximum: Int) throws(ValidationError) -> String? {
        guard let text = raw?.trimmingWhitespace(), !text.isEmpty else { return nil }
        guard text.count <= maximum else {
            throw ValidationError(
                field: field, message: "\(FieldLabel.of(field)) no puede tener más de \(maximum) caracteres.")
        }
        return text
    }

    /// A whole number between 0 and `maximo` (prices in pesos, stock units).
    public static func nonNegative(_ value: Int, field: String, maximum: Int) throws(ValidationError) -> Int {
        guard value >= 0 else {
            throw ValidationError(field: field, message: "\(FieldLabel.of(field)) no puede ser negativo.")
        }
        guard value <= maximum else {
            throw ValidationError(
                field: field, message: "\(FieldLabel.of(field)) no puede ser mayor que \(Money.grouped(maximum)).")
        }
        return value
    }

    public static func price(_ value: Int, field: String = "precio") throws(ValidationError) -> Int {
        try nonNegative(value, field: field, maximum: maxPrice)
    }

    public static func stock(_ value: Int, field: String = "stock") throws(ValidationError) -> Int {
        try nonNegative(value, field: field, maximum: maxStock)
    }

    /// A quantity ordered: 1 to `maxQuantity` units.
    public static func quantity(_ value: Int, field: String = "cantidad") throws(ValidationError) -> Int {
        guard value > 0 else {
            throw ValidationError(field: field, message: "La cantidad debe ser al menos 1.")
        }
        guard value <= maxQuantity else {
            throw ValidationError(
                field: field, message: "La cantidad no puede ser mayor que \(Money.grouped(maxQuantity)).")
        }
        return value
    }
}
