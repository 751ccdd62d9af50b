import Foundation
import GRDB

// Conversation history and per-chat control (human takeover).
extension AppDatabase {
    /// Stores one message of a conversation and returns it with its id and time.
    @discardableResult
    public func appendMessage(_ nuevo: NuevoMensaje) throws -> Mensaje {
        let mensaje = try nuevo.validated()
        let metadata = try mensaje.metadata.map { value in
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        return try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO mensajes (chat_id, remitente, tipo, contenido, metadata, creado)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    mensaje.chatId, mensaje.remitente.rawValue, mensaje.tipo.rawValue, mensaje.contenido, metadata,
                    Date(),
                ])
            return try Mensaje.fetchOne(
                db, sql: "SELECT * FROM mensajes WHERE id = ?", arguments: [db.lastInsertedRowID])!
        }
    }

    /// The last `limit` messages of a chat, oldest first.
    public func history(chatId: String, limit: Int = 100) throws -> [Mensaje] {
        try pool.read { db in
            try Mensaje.fetchAll(
                db,
                sql: """
                    SELECT * FROM (SELECT * FROM mensajes WHERE chat_id = ? ORDER BY id DESC LIMIT ?)
                    ORDER BY id
                    """,
                arguments: [chatId, max(limit, 0)])
        }
    }

    /// Whether the AI answers this chat; true unless an operator turned it off.
    public func isAIActive(chatId: String) throws -> Bool {
        try chatControl(chatId: chatId).iaActiva
    }

    /// The chat's control record, or the defaults (AI on, channel unknown) when there is none.
    public func chatControl(chatId: String) throws -> ChatControl {
        try pool.read { db in
            try ChatControl.fetchOne(db, sql: "SELECT * FROM chat_control WHERE chat_id = ?", arguments: [chatId])
        } ?? ChatControl(chatId: chatId)
    }

    /// Turns the AI on or off for a chat (human takeover). A nil `canal` keeps the stored one.
    @discardableResult
    public func setAIActive(chatId: String, active: Bool, canal: String? = nil) throws -> ChatControl {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO chat_control (chat_id, ia_activa, canal, actualizado) VALUES (?, ?, ?, ?)
                    ON CONFLICT(chat_id) DO UPDATE SET
                        ia_activa = excluded.ia_activa, canal = COALESCE(excluded.canal, chat_control.canal),
                        actualizado = excluded.actualizado
                    """,
                arguments: [chatId, active, canal, Date()])
            return try ChatControl.fetchOne(
                db, sql: "SELECT * FROM chat_control WHERE chat_id = ?", arguments: [chatId])!
        }
    }

    /// Records which channel ("telegram", "http"...) a chat lives on, keeping its AI setting.
    public func recordChannel(chatId: String, canal: String) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO chat_control (chat_id, ia_activa, canal, actualizado) VALUES (?, 1, ?, ?)
                    ON CONFLICT(chat_id) DO UPDATE SET canal = excluded.canal, actualizado = excluded.actualizado
                    WHERE chat_control.canal IS NOT excluded.canal
                    """,
                arguments: [chatId, canal, Date()])
        }
    }
}
