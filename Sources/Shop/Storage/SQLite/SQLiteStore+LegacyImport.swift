import Foundation
import GRDB
import Support

// `import-legacy` on SQLite: one IMMEDIATE transaction held across the import's awaits on a
// connection of its own (the shared pool never leaves a transaction open between calls).
extension SQLiteStore {
    public func withLegacyImport<T: Sendable>(_ body: (any LegacyImportTransaction) async throws -> T) async throws
        -> T
    {
        let path = database.pool.path
        let queue = try await BlockingPool.shared.run {
            var configuration = AppDatabase.makeConfiguration()
            configuration.allowsUnsafeTransactions = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
            return queue
        }
        do {
            let value = try await body(SQLiteLegacyImport(queue: queue))
            try await BlockingPool.shared.run { try queue.inDatabase { try $0.execute(sql: "COMMIT") } }
            try queue.close()
            return value
        } catch {
            try? queue.inDatabase { try $0.execute(sql: "ROLLBACK") }
            try? queue.close()
            throw error
        }
    }
}

/// The legacy import's statements on its SQLite connection (inside its open transaction; no
/// other writer can interleave, so each call runs at once).
struct SQLiteLegacyImport: LegacyImportTransaction {
    let queue: DatabaseQueue

    func alreadyImported(_ table: String, _ legacyId: String) async throws -> Bool {
        try queue.inDatabase { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM importacion_legado WHERE tabla = ? AND id_legado = ?)",
                arguments: [table, legacyId]) ?? false
        }
    }

    func recordImport(_ table: String, _ legacyId: String, as newId: String, at now: Date) async throws {
        try queue.inDatabase { db in
            try db.execute(
                sql: "INSERT INTO importacion_legado (tabla, id_legado, id_nuevo, importado) VALUES (?, ?, ?, ?)",
                arguments: [table, legacyId, newId, now])
        }
    }

    func product(id: Int64) async throws -> Product? {
        try queue.inDatabase { try AppDatabase.fetchProduct($0, id: id) }
    }

    func saveProduct(_ product: Product, now: Date) async throws {
        try queue.inDatabase { try AppDatabase.saveProduct($0, product, now: now) }
    }

    func client(idNumber: String) async throws -> Client? {
        try queue.inDatabase { try AppDatabase.fetchClient($0, idNumber: idNumber) }
    }

    func saveClient(_ details: ClientDetails, active: Bool, registered: Date, now: Date) async throws {
        try queue.inDatabase { db in
            try db.execute(
                sql: """
                    INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, activo,
                                          creado, actualizado)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(cedula) DO UPDATE SET
                        nombre = excluded.nombre, telefono = excluded.telefono, correo = excluded.correo,
                        direccion = excluded.direccion, barrio = excluded.barrio, indicaciones = excluded.indicaciones,
                        activo = excluded.activo, actualizado = excluded.actualizado
                    """,
                arguments: [
                    details.idNumber, details.name, details.phone, details.email, details.address,
                    details.neighborhood, details.notes, active, registered, now,
                ])
        }
    }

    func insertMessage(_ message: LegacyMessage) async throws -> Int64 {
        try queue.inDatabase { db in
            try db.execute(
                sql: """
                    INSERT INTO mensajes (chat_id, remitente, tipo, contenido, metadata, creado)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    message.chatId, message.sender.rawValue, MessageKind.text.rawValue, message.content,
                    message.metadata, message.created,
                ])
            return db.lastInsertedRowID
        }
    }

    func adoptChats(_ chatIds: [String], channel: Channel, owner: String?, now: Date) async throws {
        try queue.inDatabase { db in
            for chatId in chatIds {
                try db.execute(
                    sql: """
                        INSERT INTO chat_control (chat_id, ia_activa, canal, propietario, actualizado)
                        VALUES (?, 1, ?, ?, ?)
                        ON CONFLICT(chat_id) DO NOTHING
                        """,
                    arguments: [chatId, channel.rawValue, owner, now])
            }
        }
    }

    func activeCompanyContext() async throws -> CompanyContext? {
        try queue.inDatabase { try AppDatabase.fetchActiveContext($0) }
    }

    func insertCompanyContext(_ content: String) async throws -> CompanyContext {
        try queue.inDatabase { try AppDatabase.insertCompanyContext($0, content) }
    }

    func aiActive(chatId: String) async throws -> Bool? {
        try queue.inDatabase { db in
            try Bool.fetchOne(db, sql: "SELECT ia_activa FROM chat_control WHERE chat_id = ?", arguments: [chatId])
        }
    }

    func setAIActive(chatId: String, active: Bool, now: Date) async throws {
        try queue.inDatabase { db in
            try db.execute(
                sql: """
                    INSERT INTO chat_control (chat_id, ia_activa, actualizado) VALUES (?, ?, ?)
                    ON CONFLICT(chat_id) DO UPDATE SET ia_activa = excluded.ia_activa, actualizado = excluded.actualizado
                    """,
                arguments: [chatId, active, now])
        }
    }

    func insertOrder(_ order: LegacyOrder) async throws -> Int64 {
        try queue.inDatabase { db in
            let client = order.client
            try db.execute(
                sql: """
                    INSERT INTO pedidos (idempotency_key, chat_id, cedula, estado, total, cliente_nombre, telefono,
                                         correo, direccion, barrio, indicaciones, creado, actualizado)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    order.key, order.chatId, client.idNumber, order.state.rawValue, order.total, client.name,
                    client.phone, client.email, client.address, client.neighborhood, client.notes, order.created,
                    order.created,
                ])
            let orderId = db.lastInsertedRowID
            for (position, line) in order.lines.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO pedido_items (pedido_id, posicion, producto_id, nombre, cantidad, precio_unitario,
                                                  subtotal)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        orderId, position + 1, line.productId, line.name, line.quantity, line.unitPrice,
                        line.subtotal,
                    ])
            }
            return orderId
        }
    }

    func recomputeClientFigures(_ idNumbers: [String]) async throws {
        try queue.inDatabase { db in
            for idNumber in idNumbers {
                try db.execute(
                    sql: """
                        UPDATE clientes SET
                            pedidos_count = (SELECT COUNT(*) FROM pedidos WHERE cedula = ?1 AND estado != 'cancelado'),
                            total_comprado = (SELECT COALESCE(SUM(total), 0) FROM pedidos
                                              WHERE cedula = ?1 AND estado != 'cancelado'),
                            ultima_compra = (SELECT MAX(creado) FROM pedidos WHERE cedula = ?1 AND estado != 'cancelado')
                        WHERE cedula = ?1
                        """,
                    arguments: [idNumber])
            }
        }
    }
}
