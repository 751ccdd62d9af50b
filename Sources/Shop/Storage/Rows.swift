import Foundation
import GRDB
import Support

// Decoding of domain values from database rows. Columns are named as the contract's JSON
// keys, so queries can select straight into these types.

extension Product: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], name: row["nombre"], description: row["descripcion"], price: row["precio"],
            stock: row["stock"], active: row["activo"], category: row["categoria"])
    }
}

extension Client: FetchableRecord {
    public init(row: Row) throws {
        let details = ClientDetails(
            idNumber: row["cedula"], name: row["nombre"], phone: row["telefono"], email: row["correo"],
            address: row["direccion"], neighborhood: row["barrio"], notes: row["indicaciones"])
        self.init(
            details: details, orderCount: row["pedidos_count"], totalBought: row["total_comprado"],
            lastPurchase: row["ultima_compra"], created: row["creado"], updated: row["actualizado"])
    }
}

extension OrderLine: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            productId: row["producto_id"], name: row["nombre"], quantity: row["cantidad"],
            unitPrice: row["precio_unitario"])
    }
}

extension StoredMessage: FetchableRecord {
    public init(row: Row) throws {
        let metadata: JSONValue? = try (row["metadata"] as String?).map { text in
            try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        }
        self.init(
            id: row["id"], chatId: row["chat_id"],
            sender: try StoredValue.decode(Sender.self, row["remitente"]),
            kind: try StoredValue.decode(MessageKind.self, row["tipo"]), content: row["contenido"],
            metadata: metadata, created: row["creado"])
    }
}

extension CompanyContext: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], version: row["version"], content: row["contenido"], active: row["activo"],
            created: row["creado"])
    }
}

extension ChatControl: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            chatId: row["chat_id"], aiActive: row["ia_activa"], channel: (row["canal"] as String?).flatMap(Channel.init(rawValue:)), owner: row["propietario"],
            updated: row["actualizado"])
    }
}

enum StoredValue {
    /// A stored enum value; the schema's CHECK constraints make a failure here a corrupt file.
    static func decode<E: RawRepresentable>(_ type: E.Type, _ raw: String) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: raw) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown \(E.self) value \(raw)")
        }
        return value
    }
}
