import Foundation
import PostgresNIO
import Support

/// A `ProductTextQuery` as `tsquery` text: alternatives OR-ed, terms AND-ed, each lexeme
/// quoted, `:*` for a prefix (`('guante':* & 'nitrilo':*) | 'n95'`). Cast, never parsed
/// by a text-search configuration, so the lexemes are exactly the indexed tokens.
enum TSQueryText {
    static func make(_ query: ProductTextQuery) -> String {
        query.alternatives.map { terms in
            let parts = terms.map { quote($0.text) + ($0.prefix ? ":*" : "") }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " & ") + ")"
        }.joined(separator: " | ")
    }

    /// A lexeme quoted for `tsvector` / `tsquery` text (quote and backslash escaped).
    static func quote(_ lexeme: String) -> String {
        "'" + lexeme.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension Product {
    /// A row with `PostgresStore.productColumns`.
    init(postgres row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), name: try row.value("nombre"), description: try row.value("descripcion"),
            price: try row.value("precio"), stock: try row.value("stock"), active: try row.value("activo"),
            category: try row.value("categoria"), discontinued: try row.value("descontinuado"))
    }
}

extension Client {
    init(postgres row: PostgresRandomAccessRow) throws {
        let details = ClientDetails(
            idNumber: try row.value("cedula"), name: try row.value("nombre"), phone: try row.value("telefono"),
            email: try row.value("correo"), address: try row.value("direccion"),
            neighborhood: try row.value("barrio"), notes: try row.value("indicaciones"))
        self.init(
            details: details, orderCount: try row.value("pedidos_count"), totalBought: try row.value("total_comprado"),
            lastPurchase: try row.value("ultima_compra"), active: try row.value("activo"),
            created: try row.value("creado"), updated: try row.value("actualizado"))
    }
}

extension StoredMessage {
    /// A `mensajes` row with `metadata` read as text.
    init(postgres row: PostgresRandomAccessRow) throws {
        let metadata: JSONValue? = try (try row.value("metadata", as: String?.self)).map { text in
            try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        }
        self.init(
            id: try row.value("id"), chatId: try row.value("chat_id"),
            sender: try PostgresValue.decode(Sender.self, try row.value("remitente")),
            kind: try PostgresValue.decode(MessageKind.self, try row.value("tipo")),
            content: try row.value("contenido"), metadata: metadata, created: try row.value("creado"))
    }
}

extension ChatControl {
    init(postgres row: PostgresRandomAccessRow) throws {
        self.init(
            chatId: try row.value("chat_id"), aiActive: try row.value("ia_activa"),
            channel: (try row.value("canal", as: String?.self)).flatMap(Channel.init(rawValue:)),
            owner: try row.value("propietario"), updated: try row.value("actualizado"))
    }
}

/// A stored value the schema's CHECK constraints should have kept valid.
struct CorruptValue: Error, CustomStringConvertible {
    var description: String
}

enum PostgresValue {
    static func decode<E: RawRepresentable>(_ type: E.Type, _ raw: String) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: raw) else { throw CorruptValue(description: "unknown \(E.self) value \(raw)") }
        return value
    }
}
