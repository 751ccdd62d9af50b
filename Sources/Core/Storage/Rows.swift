import Foundation
import GRDB

// Decoding of domain values from database rows. Columns are named as the contract's JSON
// keys, so queries can select straight into these types.

extension Producto: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], nombre: row["nombre"], descripcion: row["descripcion"], precio: row["precio"],
            stock: row["stock"], activo: row["activo"], categoria: row["categoria"])
    }
}

extension Cliente: FetchableRecord {
    public init(row: Row) throws {
        let datos = ClienteDatos(
            cedula: row["cedula"], nombre: row["nombre"], telefono: row["telefono"], correo: row["correo"],
            direccion: row["direccion"], barrio: row["barrio"], indicaciones: row["indicaciones"])
        self.init(
            datos: datos, pedidosCount: row["pedidos_count"], totalComprado: row["total_comprado"],
            ultimaCompra: row["ultima_compra"], creado: row["creado"], actualizado: row["actualizado"])
    }
}

extension PedidoItem: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            productoId: row["producto_id"], nombre: row["nombre"], cantidad: row["cantidad"],
            precioUnitario: row["precio_unitario"])
    }
}

extension Mensaje: FetchableRecord {
    public init(row: Row) throws {
        let metadata: JSONValue? = try (row["metadata"] as String?).map { text in
            try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        }
        self.init(
            id: row["id"], chatId: row["chat_id"],
            remitente: try StoredValue.decode(Remitente.self, row["remitente"]),
            tipo: try StoredValue.decode(TipoMensaje.self, row["tipo"]), contenido: row["contenido"],
            metadata: metadata, creado: row["creado"])
    }
}

extension ContextoEmpresa: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], version: row["version"], contenido: row["contenido"], activo: row["activo"],
            creado: row["creado"])
    }
}

extension ChatControl: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            chatId: row["chat_id"], iaActiva: row["ia_activa"], canal: row["canal"], propietario: row["propietario"],
            actualizado: row["actualizado"])
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
