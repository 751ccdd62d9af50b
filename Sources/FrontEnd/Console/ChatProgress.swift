import Foundation
import Support

/// What the console shows of a chat's dialogue state (stored as the assistant's JSON, which
/// the front end does not link against): the cart and how far checkout got. Read
/// leniently: a field it does not find is simply not shown.
struct ChatProgress: Sendable, Equatable {
    struct Line: Sendable, Equatable {
        var name: String
        var quantity: Int
        var price: Int
    }

    var lines: [Line] = []
    /// browsing | checkout | review
    var phase: String?
    /// Collected checkout fields by slot name (nombre, cedula, telefono…).
    var collected: [(slot: String, value: String)] = []

    static let slots = ["nombre", "cedula", "telefono", "correo", "direccion", "barrio", "indicaciones"]
    static let slotTitles = [
        "nombre": "Nombre", "cedula": "Cédula", "telefono": "Teléfono", "correo": "Correo", "direccion": "Dirección",
        "barrio": "Barrio", "indicaciones": "Indicaciones",
    ]

    var total: Int { lines.reduce(0) { $0 + $1.quantity * $1.price } }

    var phaseTitle: String {
        switch phase {
        case "checkout": "Tomando los datos del pedido"
        case "review": "Esperando la confirmación del cliente"
        default: lines.isEmpty ? "Sin carrito" : "Armando el carrito"
        }
    }

    init(json: String?) {
        guard let json, let state = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return }
        if case .string(let phase)? = state["phase"] { self.phase = phase }
        if case .array(let items)? = state["cart"]?["lines"] {
            lines = items.compactMap { item in
                guard case .string(let name)? = item["nombre"], case .integer(let quantity)? = item["cantidad"],
                    case .integer(let price)? = item["precio"]
                else { return nil }
                return Line(name: name, quantity: quantity, price: price)
            }
        }
        if case .object(let values)? = state["form"]?["values"] {
            collected = Self.slots.compactMap { slot in
                if case .string(let value)? = values[slot] { (slot, value) } else { nil }
            }
        }
    }

    static func == (lhs: ChatProgress, rhs: ChatProgress) -> Bool {
        lhs.lines == rhs.lines && lhs.phase == rhs.phase
            && lhs.collected.map { "\($0.slot)=\($0.value)" } == rhs.collected.map { "\($0.slot)=\($0.value)" }
    }
}
