import Foundation
import GRDB
import Support

// Conversation history and per-chat control (human takeover).
extension AppDatabase {
    /// Stores one message of a conversation and returns it with its id and time.
    @discardableResult
    public func appendMessage(_ new: NewMessage) throws -> StoredMessage {
        let message = try new.validated()
        return try pool.write { db in try Self.insertMessage(db, message) }
    }

    /// Writes a delivered reply, after the customer's message it answers, in the chat's
    /// history, once per delivery: both carry `entrega_id`, and a re-run of the same delivery
    /// finds them and writes nothing. Returns whether it wrote.
    @discardableResult
    public func recordDelivery(incoming: NewMessage?, reply: NewMessage, deliveryId: String) throws -> Bool {
        let tagged = try DeliveryTag.tagged([incoming, reply].compactMap { $0 }, deliveryId: deliveryId)
        return try pool.write { db in
            let seen =
                try Bool.fetchOne(
                    db,
                    sql:
                        "SELECT 1 FROM mensajes WHERE chat_id = ? AND json_extract(metadata, '$.entrega_id') = ? LIMIT 1",
                    arguments: [reply.chatId, deliveryId]) ?? false
            guard !seen else { return false }
            for message in tagged { _ = try Self.insertMessage(db, message) }
            return true
        }
    }

    /// Inserts a validated message inside the caller's transaction.
    static func insertMessage(_ db: Database, _ message: NewMessage) throws -> StoredMessage {
        let metadata = try message.metadata.map(DeliveryTag.encode)
        try db.cachedStatement(
            sql: """
                INSERT INTO mensajes (chat_id, remitente, tipo, contenido, metadata, creado)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            message.chatId, message.sender.rawValue, message.kind.rawValue, message.content, metadata, Date(),
        ])
        return try StoredMessage.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM mensajes WHERE id = ?"), arguments: [db.lastInsertedRowID])!
    }

    /// The last `limit` messages of a chat, oldest first.
    public func history(chatId: String, limit: Int = 100) throws -> [StoredMessage] {
        try pool.read { db in
            try StoredMessage.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM (SELECT * FROM mensajes WHERE chat_id = ? ORDER BY id DESC LIMIT ?)
                        ORDER BY id
                        """),
                arguments: [chatId, max(limit, 0)])
        }
    }

    /// Whether the AI answers this chat; true unless an operator turned it off.
    public func isAIActive(chatId: String) throws -> Bool {
        try chatControl(chatId: chatId).aiActive
    }

    /// The chat's control record, or the defaults (AI on, channel unknown) when there is none.
    public func chatControl(chatId: String) throws -> ChatControl {
        try pool.read { db in
            try ChatControl.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM chat_control WHERE chat_id = ?"), arguments: [chatId])
        } ?? ChatControl(chatId: chatId)
    }

    /// Turns the AI on or off for a chat (human takeover). A nil `canal` keeps the stored one.
    @discardableResult
    public func setAIActive(chatId: String, active: Bool, channel: Channel? = nil) throws -> ChatControl {
        try pool.write { db in
            try Self.setAIActive(db, chatId: chatId, active: active, channel: channel)
            return try Self.fetchChatControl(db, chatId: chatId)
        }
    }

    static func setAIActive(_ db: Database, chatId: String, active: Bool, channel: Channel?) throws {
        try db.execute(
            sql: """
                INSERT INTO chat_control (chat_id, ia_activa, canal, actualizado) VALUES (?, ?, ?, ?)
                ON CONFLICT(chat_id) DO UPDATE SET
                    ia_activa = excluded.ia_activa, canal = COALESCE(excluded.canal, chat_control.canal),
                    actualizado = excluded.actualizado
                """,
            arguments: [chatId, active, channel?.rawValue, Date()])
    }

    static func fetchChatControl(_ db: Database, chatId: String) throws -> ChatControl {
        try ChatControl.fetchOne(db, sql: "SELECT * FROM chat_control WHERE chat_id = ?", arguments: [chatId])
            ?? ChatControl(chatId: chatId)
    }

    /// Records which channel a chat lives on, and for an HTTP chat the token subject it came
    /// through (`propietario`), keeping its AI setting. Both are set once and never move: a
    /// later writer cannot take a chat over (issue 16, finding 3).
    public func recordChannel(chatId: String, channel: Channel, owner: String? = nil) throws {
        try pool.write { db in try Self.recordChannel(db, chatId: chatId, channel: channel, owner: owner) }
    }

    static func recordChannel(_ db: Database, chatId: String, channel: Channel, owner: String?) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO chat_control (chat_id, ia_activa, canal, propietario, actualizado) VALUES (?, 1, ?, ?, ?)
                ON CONFLICT(chat_id) DO UPDATE SET canal = COALESCE(chat_control.canal, excluded.canal),
                    propietario = COALESCE(chat_control.propietario, excluded.propietario),
                    actualizado = excluded.actualizado
                WHERE chat_control.canal IS NULL
                    OR (chat_control.propietario IS NULL AND excluded.propietario IS NOT NULL)
                """
        ).execute(arguments: [chatId, channel.rawValue, owner, Date()])
    }
}

extension AppDatabase {
    /// The stored ids of the chats a person names by the id its channel uses (`ChatScope`):
    /// the HTTP chats of every channel with that id, and the id itself when a chat is stored
    /// under it (a Telegram chat). Staff routes use it to accept a channel's own chat id.
    public func storedChatIds(external chatId: String) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT chat_id FROM chat_control
                    WHERE chat_id = ?1
                        OR (substr(chat_id, 1, 2) = 'h:' AND instr(substr(chat_id, 3), ':') > 0
                            AND substr(chat_id, instr(substr(chat_id, 3), ':') + 3) = ?1)
                    ORDER BY chat_id
                    """,
                arguments: [chatId])
        }
    }

    /// A page of a chat's conversation, oldest first (`offset` counts from the first message).
    public func historyPage(chatId: String, limit: Int? = nil, offset: Int? = nil) throws -> Page<StoredMessage> {
        let paging = Paging(limit: limit, offset: offset)
        return try pool.read { db in
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM mensajes WHERE chat_id = ?", arguments: [chatId])
            let page = try StoredMessage.fetchAll(
                db, sql: "SELECT * FROM mensajes WHERE chat_id = ? ORDER BY id LIMIT ? OFFSET ?",
                arguments: [chatId, paging.limit, paging.offset])
            return Page(results: page, total: total ?? 0, limit: paging.limit, offset: paging.offset)
        }
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

extension ChatControl: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            chatId: row["chat_id"], aiActive: row["ia_activa"],
            channel: (row["canal"] as String?).flatMap(Channel.init(rawValue:)), owner: row["propietario"],
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
