import Foundation

/// A client's contact and delivery data: what a caller sends, and what an order embeds.
public struct ClienteDatos: Codable, Sendable, Equatable {
    public var cedula: String
    public var nombre: String
    public var telefono: String?
    public var correo: String?
    public var direccion: String?
    public var barrio: String?
    public var indicaciones: String?

    public init(
        cedula: String, nombre: String, telefono: String? = nil, correo: String? = nil, direccion: String? = nil,
        barrio: String? = nil, indicaciones: String? = nil
    ) {
        self.cedula = cedula
        self.nombre = nombre
        self.telefono = telefono
        self.correo = correo
        self.direccion = direccion
        self.barrio = barrio
        self.indicaciones = indicaciones
    }

    public static let maxAddressLength = 200
    public static let maxNeighborhoodLength = 120
    public static let maxNotesLength = 500

    /// The normalized data to store (cédula and phone as digits, e-mail lower-cased, blanks as
    /// nil), or every invalid field. Orders require a phone; a plain client record does not.
    public func validated(requiringPhone: Bool = false) throws(ValidationErrors) -> ClienteDatos {
        var check = ValidationCollector()
        let cedula = check.check(try Validation.cedula(cedula))
        let nombre = check.check(try Validation.name(nombre))
        var telefono: String?
        if let raw = self.telefono.flatMap(Self.nonBlank) {
            telefono = check.check(try Validation.phone(raw))
        } else if requiringPhone {
            check.add(campo: "telefono", "El teléfono es obligatorio para registrar el pedido.")
        }
        var correo: String?
        if let raw = self.correo.flatMap(Self.nonBlank) {
            correo = check.check(try Validation.email(raw))
        }
        let direccion = check.check(
            try Validation.optionalText(direccion, campo: "direccion", maximo: Self.maxAddressLength))
        let barrio = check.check(
            try Validation.optionalText(barrio, campo: "barrio", maximo: Self.maxNeighborhoodLength))
        let indicaciones = check.check(
            try Validation.optionalText(indicaciones, campo: "indicaciones", maximo: Self.maxNotesLength))
        try check.finish()
        return ClienteDatos(
            cedula: cedula!, nombre: nombre!, telefono: telefono, correo: correo, direccion: direccion ?? nil,
            barrio: barrio ?? nil, indicaciones: indicaciones ?? nil)
    }

    private static func nonBlank(_ text: String) -> String? {
        text.trimmingWhitespace().isEmpty ? nil : text
    }
}

/// A stored client: contact data plus purchase statistics kept by order placement.
public struct Cliente: Codable, Sendable, Equatable, Identifiable {
    public var cedula: String
    public var nombre: String
    public var telefono: String?
    public var correo: String?
    public var direccion: String?
    public var barrio: String?
    public var indicaciones: String?
    /// Orders placed and not cancelled.
    public var pedidosCount: Int
    /// Sum of the totals of those orders, in pesos.
    public var totalComprado: Int
    public var ultimaCompra: Date?
    public var creado: Date
    public var actualizado: Date

    public var id: String { cedula }

    public init(
        datos: ClienteDatos, pedidosCount: Int = 0, totalComprado: Int = 0, ultimaCompra: Date? = nil,
        creado: Date, actualizado: Date
    ) {
        self.cedula = datos.cedula
        self.nombre = datos.nombre
        self.telefono = datos.telefono
        self.correo = datos.correo
        self.direccion = datos.direccion
        self.barrio = datos.barrio
        self.indicaciones = datos.indicaciones
        self.pedidosCount = pedidosCount
        self.totalComprado = totalComprado
        self.ultimaCompra = ultimaCompra
        self.creado = creado
        self.actualizado = actualizado
    }

    /// The contact part of the record.
    public var datos: ClienteDatos {
        ClienteDatos(
            cedula: cedula, nombre: nombre, telefono: telefono, correo: correo, direccion: direccion, barrio: barrio,
            indicaciones: indicaciones)
    }

    enum CodingKeys: String, CodingKey {
        case cedula, nombre, telefono, correo, direccion, barrio, indicaciones
        case pedidosCount = "pedidos_count"
        case totalComprado = "total_comprado"
        case ultimaCompra = "ultima_compra"
        case creado, actualizado
    }
}
