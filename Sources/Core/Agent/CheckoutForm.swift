/// The checkout as a form (Rasa's slot-filling form): the customer's data, slot by slot,
/// each validated with the shop's rules (`Validation`); an invalid value is not kept and
/// the slot is asked again with the reason. Optional slots (e-mail, delivery notes) may be
/// declined.
public struct CheckoutForm: Codable, Sendable, Equatable {
    /// Validated values by slot name.
    public private(set) var values: [String: String] = [:]
    public private(set) var declined: Set<CheckoutSlot> = []
    /// The slot the agent asked for last (answers without a label go there).
    public var requested: CheckoutSlot?
    /// The cédula whose stored data was offered to the customer, if any.
    public var offeredCedula: String?

    public init() {}

    public subscript(_ slot: CheckoutSlot) -> String? {
        values[slot.rawValue]
    }

    public var isEmpty: Bool { values.isEmpty && declined.isEmpty }

    /// Slots still needed, in asking order.
    public var missing: [CheckoutSlot] {
        CheckoutSlot.allCases.filter { values[$0.rawValue] == nil && !declined.contains($0) }
    }

    public var isComplete: Bool { missing.isEmpty }

    /// Validates `raw` for `slot` and keeps it; throws the reason when it is not valid.
    @discardableResult
    public mutating func fill(_ slot: CheckoutSlot, _ raw: String) throws(ValidationError) -> String {
        let value = try Self.validate(slot, raw)
        values[slot.rawValue] = value
        declined.remove(slot)
        return value
    }

    /// Keeps a value known to be valid (the stored data of a returning client).
    public mutating func keep(_ slot: CheckoutSlot, _ value: String?) {
        if let value, !value.isEmpty {
            values[slot.rawValue] = value
            declined.remove(slot)
        } else if slot.isOptional {
            declined.insert(slot)
        }
    }

    public mutating func decline(_ slot: CheckoutSlot) {
        guard slot.isOptional else { return }
        values[slot.rawValue] = nil
        declined.insert(slot)
    }

    /// The client data for the order, once every required slot is filled.
    public var cliente: ClienteDatos? {
        guard let nombre = self[.nombre], let cedula = self[.cedula], let telefono = self[.telefono] else {
            return nil
        }
        return ClienteDatos(
            cedula: cedula, nombre: nombre, telefono: telefono, correo: self[.correo], direccion: self[.direccion],
            barrio: self[.barrio], indicaciones: self[.indicaciones])
    }

    /// The shop's rule for each slot; returns the value to store.
    public static func validate(_ slot: CheckoutSlot, _ raw: String) throws(ValidationError) -> String {
        let text = raw.trimmingWhitespace()
        switch slot {
        case .nombre:
            let name = try Validation.name(text)
            guard name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "-" }) else {
                throw ValidationError(campo: "nombre", mensaje: "El nombre solo puede tener letras.")
            }
            guard name.split(separator: " ").count >= 2 else {
                throw ValidationError(campo: "nombre", mensaje: "Necesito su nombre completo, con apellido.")
            }
            return capitalized(name)
        case .cedula: return try Validation.cedula(text)
        case .telefono: return try Validation.phone(text)
        case .correo: return try Validation.email(text)
        case .direccion:
            let address = try Validation.optionalText(text, campo: "direccion", maximo: ClienteDatos.maxAddressLength)
            guard let address, address.contains(where: \.isNumber), address.split(separator: " ").count >= 2 else {
                throw ValidationError(
                    campo: "direccion",
                    mensaje: "La dirección debe tener la calle o carrera y el número (por ejemplo: Calle 5 # 38-21).")
            }
            return address
        case .barrio:
            let barrio = try Validation.optionalText(
                text, campo: "barrio", maximo: ClienteDatos.maxNeighborhoodLength)
            guard let barrio, barrio.contains(where: \.isLetter), !barrio.contains("@"),
                barrio.split(separator: " ").count <= 6
            else {
                throw ValidationError(
                    campo: "barrio", mensaje: "El barrio debe ser un nombre (por ejemplo: San Fernando).")
            }
            return barrio
        case .indicaciones:
            let notes = try Validation.optionalText(text, campo: "indicaciones", maximo: ClienteDatos.maxNotesLength)
            guard let notes else {
                throw ValidationError(campo: "indicaciones", mensaje: "Las indicaciones están vacías.")
            }
            return notes
        }
    }

    /// "julian esteban mora" → "Julian Esteban Mora"; names typed with capitals are kept.
    static func capitalized(_ name: String) -> String {
        let hasUpper = name.contains { $0.isUppercase }
        let hasLower = name.contains { $0.isLowercase }
        guard !(hasUpper && hasLower) else { return name }
        return name.lowercased().split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}
