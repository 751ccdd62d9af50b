import Foundation
import Shop
import SpanishText

/// The project's own purchase dialogues (`data/evaluacion/conversaciones.json`): what a
/// customer writes, and the exact order that must end up registered (or none).
struct ConversationSet: Decodable {
    struct Conversation: Decodable, Sendable {
        var id: String
        var messages: [String]
        var previousClients: [ClientDetails]?
        var expected: Expected?

        enum CodingKeys: String, CodingKey {
            case id
            case messages = "mensajes"
            case previousClients = "clientes_previos"
            case expected = "esperado"
        }
    }

    struct Expected: Decodable, Sendable {
        /// [producto_id, cantidad] pairs, in the order asked for.
        var items: [[Int64]]
        var client: ClientDetails

        enum CodingKeys: String, CodingKey {
            case items
            case client = "cliente"
        }
    }

    var conversations: [Conversation]

    static let defaultPath = "data/evaluacion/conversaciones.json"

    static func load(path: String = defaultPath) throws -> ConversationSet {
        try JSONDecoder().decode(ConversationSet.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Why the orders a conversation left differ from the expected one; nil when exact.
    static func mismatch(_ expected: Expected?, orders: [Order]) -> String? {
        guard let expected else {
            return orders.isEmpty ? nil : "se esperaba ningún pedido y hay \(orders.count)"
        }
        guard orders.count == 1, let order = orders.first else {
            return "se esperaba un pedido y hay \(orders.count)"
        }
        let items = order.items.map { [$0.productId, Int64($0.quantity)] }
        if items != expected.items { return "productos \(items), se esperaban \(expected.items)" }
        let got = order.client
        let want = expected.client
        let fields: [(String, String?, String?)] = [
            ("cedula", got.idNumber, want.idNumber), ("nombre", got.name, want.name),
            ("telefono", got.phone, want.phone), ("correo", got.email, want.email),
            ("direccion", got.address, want.address), ("barrio", got.neighborhood, want.neighborhood),
            ("indicaciones", got.notes, want.notes),
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

    enum CodingKeys: String, CodingKey {
        case conversations = "conversaciones"
    }
}
