/// A piece of data the checkout collects (Rasa's "slots" of a form), in the order the
/// agent asks for them.
public enum CheckoutSlot: String, Codable, Sendable, CaseIterable, Comparable {
    case name = "nombre"
    case idNumber = "cedula"
    case phone = "telefono"
    case email = "correo"
    case address = "direccion"
    case neighborhood = "barrio"
    case notes = "indicaciones"

    public static func < (a: CheckoutSlot, b: CheckoutSlot) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Slots the customer may decline ("no tengo correo", "ninguna").
    public var isOptional: Bool { self == .email || self == .notes }

    /// Phrases that introduce this slot's value in a message ("cc 1.107…", "mi celular es …").
    var labels: [String] {
        switch self {
        case .name:
            [
                "nombre completo", "mi nombre es", "el nombre mio es", "nombre", "me llamo", "a nombre de", "soy",
                "nombres",
                "nombre y apellido", "nombres y apellidos", "nombre y apellidos", "contacto", "persona de contacto",
                "atencion", "solicitante", "le habla", "les habla", "le escribe", "les escribe", "habla", "responsable",
                "encargado", "encargada",
            ]
        case .idNumber:
            [
                "numero de cedula", "cedula de ciudadania", "cedula", "cc", "c c", "ced", "documento", "identificacion",
                "nit", "numero de documento", "doc",
            ]
        case .phone:
            [
                "numero de celular", "numero de telefono", "telefono fijo", "telefono", "tel", "cel", "celular",
                "movil", "whatsapp", "wsp", "whats", "fijo", "mi numero", "numero de contacto", "telefono de contacto",
                "celular de contacto",
            ]
        case .email: ["correo electronico", "correo", "email", "e mail", "mail", "gmail"]
        case .address: ["direccion de entrega", "direccion", "dir", "la direccion"]
        case .neighborhood: ["barrio", "bario", "brr", "urbanizacion", "sector"]
        case .notes:
            [
                "indicaciones", "indicacion", "referencia", "observaciones", "observacion", "nota", "para la entrega",
                "indicaciones para la entrega", "instrucciones", "indicaciones de entrega", "instrucciones de entrega",
                "nota de entrega", "notas", "punto de referencia", "pa la entrega", "para entregar", "pa entregar",
                "obs",
                "horario de recibo",
                "horario de entrega", "horario de recepcion",
            ]
        }
    }

    /// The labels split into folded words, computed once.
    var labelWords: [[String]] { Self.labelWordsBySlot[self] ?? [] }

    private static let labelWordsBySlot: [CheckoutSlot: [[String]]] = Dictionary(
        uniqueKeysWithValues: allCases.map { slot in
            (slot, slot.labels.map { $0.split(separator: " ").map(String.init) })
        })

    /// How the slot is named to the customer.
    public var label: String {
        switch self {
        case .name: "nombre completo"
        case .idNumber: "número de cédula"
        case .phone: "número de celular"
        case .email: "correo electrónico"
        case .address: "dirección de entrega"
        case .neighborhood: "barrio"
        case .notes: "indicaciones para la entrega"
        }
    }
}
