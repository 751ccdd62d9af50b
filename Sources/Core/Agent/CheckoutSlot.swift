/// A piece of data the checkout collects (Rasa's "slots" of a form), in the order the
/// agent asks for them.
public enum CheckoutSlot: String, Codable, Sendable, CaseIterable, Comparable {
    case nombre
    case cedula
    case telefono
    case correo
    case direccion
    case barrio
    case indicaciones

    public static func < (a: CheckoutSlot, b: CheckoutSlot) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Slots the customer may decline ("no tengo correo", "ninguna").
    public var isOptional: Bool { self == .correo || self == .indicaciones }

    /// Phrases that introduce this slot's value in a message ("cc 1.107…", "mi celular es …").
    var labels: [String] {
        switch self {
        case .nombre: ["nombre completo", "mi nombre es", "nombre", "me llamo", "a nombre de", "soy"]
        case .cedula:
            [
                "numero de cedula", "cedula de ciudadania", "cedula", "cc", "c c", "ced", "documento", "identificacion",
                "nit",
            ]
        case .telefono:
            [
                "numero de celular", "numero de telefono", "telefono fijo", "telefono", "tel", "cel", "celular",
                "movil", "whatsapp", "wsp", "whats", "fijo",
            ]
        case .correo: ["correo electronico", "correo", "email", "e mail", "mail"]
        case .direccion: ["direccion de entrega", "direccion", "dir", "la direccion"]
        case .barrio: ["barrio", "brr", "urbanizacion", "sector"]
        case .indicaciones: ["indicaciones", "indicacion", "referencia", "observaciones", "observacion", "nota"]
        }
    }

    /// How the slot is named to the customer.
    public var label: String {
        switch self {
        case .nombre: "nombre completo"
        case .cedula: "número de cédula"
        case .telefono: "número de celular"
        case .correo: "correo electrónico"
        case .direccion: "dirección de entrega"
        case .barrio: "barrio"
        case .indicaciones: "indicaciones para la entrega"
        }
    }
}
