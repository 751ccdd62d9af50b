import Foundation

/// A client's contact and delivery data: what a caller sends, and what an order embeds.
public struct ClientDetails: Codable, Sendable, Equatable {
    public var idNumber: String
    public var name: String
    public var phone: String?
    public var email: String?
    public var address: String?
    public var neighborhood: String?
    public var notes: String?

    public init(
        idNumber: String, name: String, phone: String? = nil, email: String? = nil, address: String? = nil,
        neighborhood: String? = nil, notes: String? = nil
    ) {
        self.idNumber = idNumber
        self.name = name
        self.phone = phone
        self.email = email
        self.address = address
        self.neighborhood = neighborhood
        self.notes = notes
    }

    public static let maxAddressLength = 200
    public static let maxNeighborhoodLength = 120
    public static let maxNotesLength = 500

    /// The normalized data to store (cédula and phone as digits, e-mail lower-cased, blanks as
    /// nil), or every invalid field. Orders require a phone; a plain client record does not.
    public func validated(requiringPhone: Bool = false) throws(ValidationErrors) -> ClientDetails {
        var check = ValidationCollector()
        let idNumber = check.check(try Validation.idNumber(idNumber))
        let name = check.check(try Validation.name(name))
        var phone: String?
        if let raw = self.phone.flatMap(Self.nonBlank) {
            phone = check.check(try Validation.phone(raw))
        } else if requiringPhone {
            check.add(field: "telefono", "El teléfono es obligatorio para registrar el pedido.")
        }
        var email: String?
        if let raw = self.email.flatMap(Self.nonBlank) {
            email = check.check(try Validation.email(raw))
        }
        let address = check.check(
            try Validation.optionalText(address, field: "direccion", maximum: Self.maxAddressLength))
        let neighborhood = check.check(
            try Validation.optionalText(neighborhood, field: "barrio", maximum: Self.maxNeighborhoodLength))
        let notes = check.check(
            try Validation.optionalText(notes, field: "indicaciones", maximum: Self.maxNotesLength))
        try check.finish()
        return ClientDetails(
            idNumber: idNumber!, name: name!, phone: phone, email: email, address: address ?? nil,
            neighborhood: neighborhood ?? nil, notes: notes ?? nil)
    }

    private static func nonBlank(_ text: String) -> String? {
        text.trimmingWhitespace().isEmpty ? nil : text
    }

    enum CodingKeys: String, CodingKey {
        case idNumber = "cedula"
        case name = "nombre"
        case phone = "telefono"
        case email = "correo"
        case address = "direccion"
        case neighborhood = "barrio"
        case notes = "indicaciones"
    }
}

/// A stored client: contact data plus purchase statistics kept by order placement.
public struct Client: Codable, Sendable, Equatable, Identifiable {
    public var idNumber: String
    public var name: String
    public var phone: String?
    public var email: String?
    public var address: String?
    public var neighborhood: String?
    public var notes: String?
    /// Orders placed and not cancelled.
    public var orderCount: Int
    /// Sum of the totals of those orders, in pesos.
    public var totalBought: Int
    public var lastPurchase: Date?
    /// False for a retired client: kept with its history, not offered at checkout.
    public var active: Bool
    public var created: Date
    public var updated: Date

    public var id: String { idNumber }

    public init(
        details: ClientDetails, orderCount: Int = 0, totalBought: Int = 0, lastPurchase: Date? = nil,
        active: Bool = true, created: Date, updated: Date
    ) {
        self.idNumber = details.idNumber
        self.name = details.name
        self.phone = details.phone
        self.email = details.email
        self.address = details.address
        self.neighborhood = details.neighborhood
        self.notes = details.notes
        self.orderCount = orderCount
        self.totalBought = totalBought
        self.lastPurchase = lastPurchase
        self.active = active
        self.created = created
        self.updated = updated
    }

    /// The contact part of the record.
    public var details: ClientDetails {
        ClientDetails(
            idNumber: idNumber, name: name, phone: phone, email: email, address: address, neighborhood: neighborhood,
            notes: notes)
    }

    enum CodingKeys: String, CodingKey {
        case idNumber = "cedula", name = "nombre", phone = "telefono", email = "correo", address = "direccion",
            neighborhood = "barrio", notes = "indicaciones"
        case orderCount = "pedidos_count"
        case totalBought = "total_comprado"
        case lastPurchase = "ultima_compra"
        case active = "activo"
        case created = "creado", updated = "actualizado"
    }
}
