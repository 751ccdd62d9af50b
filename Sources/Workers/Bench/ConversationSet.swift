import Core
import Foundation

/// The project's own purchase dialogues (`data/evaluacion/conversaciones.json`): what a
/// customer writes, and the exact order that must end up registered (or none).
struct ConversationSet: Decodable {
    struct Conversation: Decodable, Sendable {
        var id: String
        var mensajes: [String]
        var clientes_previos: [ClienteDatos]?
        var esperado: Expected?
    }

    struct Expected: Decodable, Sendable {
        /// [producto_id, cantidad] pairs, in the order asked for.
        var items: [[Int64]]
        var cliente: ClienteDatos
    }

    var conversaciones: [Conversation]

    static let defaultPath = "data/evaluacion/conversaciones.json"

    static func load(path: String = defaultPath) throws -> ConversationSet {
        try JSONDecoder().decode(ConversationSet.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Why the orders a conversation left differ from the expected one; nil when exact.
    static func mismatch(_ expected: Expected?, orders: [Pedido]) -> String? {
        guard let expected else {
            return orders.isEmpty ? nil : "se esperaba ningún pedido y hay \(orders.count)"
        }
        guard orders.count == 1, let pedido = orders.first else {
            return "se esperaba un pedido y hay \(orders.count)"
        }
        let items = pedido.items.map { [$0.productoId, Int64($0.cantidad)] }
        if items != expected.items { return "productos \(items), se esperaban \(expected.items)" }
        let got = pedido.cliente
        let want = expected.cliente
        let fields: [(String, String?, String?)] = [
            ("cedula", got.cedula, want.cedula), ("nombre", got.nombre, want.nombre),
            ("telefono", got.telefono, want.telefono), ("correo", got.correo, want.correo),
            ("direccion", got.direccion, want.direccion), ("barrio", got.barrio, want.barrio),
            ("indicaciones", got.indicaciones, want.indicaciones),
        ]
        for (name, value, wanted) in fields where normalized(value) != normalized(wanted) {
            return "\(name) «\(value ?? "nulo")», se esperaba «\(wanted ?? "nulo")»"
        }
        return nil
    }

    /// Case, accents, repeated spaces and a final period do not make two values different.
    static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        var folded = TextFold.fold(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while folded.hasSuffix(".") { folded.removeLast() }
        return folded.isEmpty ? nil : folded
    }
}
