import Foundation
import GRDB

// The console's inbox: one summary row per chat (`conversaciones`, kept by a trigger on
// `mensajes`), newest activity first, with per-user read marks.
extension AppDatabase {
    /// A page of conversations for the user `viewer` (its read marks decide `unread`).
    public func inbox(_ filter: InboxFilter, viewer: Int64, limit: Int? = nil, offset: Int? = nil) throws -> (
        conversations: [ConversationSummary], total: Int
    ) {
        let paging = Paging(limit: limit, offset: offset)
        var conditions: [SQL] = []
        if filter.needsPerson { conditions.append("c.necesita_persona = 1") }
        if filter.aiOff { conditions.append("COALESCE(cc.ia_activa, 1) = 0") }
        if filter.openCart {
            conditions.append(
                "EXISTS (SELECT 1 FROM chat_estado e WHERE e.chat_id = c.chat_id AND \(sql: Self.openCartSQL("e")))"
            )
        }
        if let channel = filter.channel {
            conditions.append("\(sql: Self.channelSQL) = \(channel.rawValue)")
        }
        if let text = filter.chatId?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            conditions.append("c.chat_id LIKE \(SearchFunctions.containsPattern(text)) ESCAPE '\\'")
        }
        let filterSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        return try pool.read { db in
            let total = try SQLRequest<Int>(
                literal: """
                    SELECT COUNT(*) FROM conversaciones c LEFT JOIN chat_control cc ON cc.chat_id = c.chat_id
                    \(filterSQL)
                    """
            ).fetchOne(db)
            let rows = try SQLRequest<Row>(
                literal: """
                    SELECT c.*, COALESCE(cc.ia_activa, 1) AS ia, \(sql: Self.channelSQL) AS canal_chat,
                        EXISTS (SELECT 1 FROM chat_estado e WHERE e.chat_id = c.chat_id
                                AND \(sql: Self.openCartSQL("e"))) AS carrito,
                        COALESCE((SELECT v.mensaje_id FROM consola_vistos v
                                  WHERE v.usuario_id = \(viewer) AND v.chat_id = c.chat_id), 0) AS visto
                    FROM conversaciones c LEFT JOIN chat_control cc ON cc.chat_id = c.chat_id
                    \(filterSQL)
                    ORDER BY c.ultimo_id DESC LIMIT \(paging.limit) OFFSET \(paging.offset)
                    """
            ).fetchAll(db)
            return (try rows.map(Self.summary), total ?? 0)
        }
    }

    /// One conversation's summary for `viewer`, or nil for a chat that never wrote.
    public func conversation(chatId: String, viewer: Int64) throws -> ConversationSummary? {
        try pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT c.*, COALESCE(cc.ia_activa, 1) AS ia, \(sql: Self.channelSQL) AS canal_chat,
                        EXISTS (SELECT 1 FROM chat_estado e WHERE e.chat_id = c.chat_id
                                AND \(sql: Self.openCartSQL("e"))) AS carrito,
                        COALESCE((SELECT v.mensaje_id FROM consola_vistos v
                                  WHERE v.usuario_id = \(viewer) AND v.chat_id = c.chat_id), 0) AS visto
                    FROM conversaciones c LEFT JOIN chat_control cc ON cc.chat_id = c.chat_id
                    WHERE c.chat_id = \(chatId)
                    """
            ).fetchOne(db).map(Self.summary)
        }
    }

    /// The newest message (id and time) of all chats, or of one chat; nil when there is none.
    /// The inbox changed when the id grows.
    public func latestMessage(chatId: String? = nil) throws -> (id: Int64, created: Date)? {
        try pool.read { db in
            let row =
                if let chatId {
                    try Row.fetchOne(
                        db, sql: "SELECT id, creado FROM mensajes WHERE chat_id = ? ORDER BY id DESC LIMIT 1",
                        arguments: [chatId])
                } else {
                    try Row.fetchOne(db, sql: "SELECT id, creado FROM mensajes ORDER BY id DESC LIMIT 1")
                }
            return row.map { ($0["id"], $0["creado"]) }
        }
    }

    /// Conversations that need a person and changed after message `after` (for notifications).
    public func conversationsNeedingPerson(after: Int64, limit: Int = 20) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT chat_id FROM conversaciones WHERE ultimo_id > ? AND necesita_persona = 1
                    ORDER BY ultimo_id DESC LIMIT ?
                    """, arguments: [after, limit])
        }
    }

    /// Records that `viewer` has seen the chat up to `messageId`.
    public func markSeen(chatId: String, viewer: Int64, messageId: Int64) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO consola_vistos (usuario_id, chat_id, mensaje_id) VALUES (?, ?, ?)
                    ON CONFLICT(usuario_id, chat_id) DO UPDATE SET mensaje_id = MAX(mensaje_id, excluded.mensaje_id)
                    """, arguments: [viewer, chatId, messageId])
        }
    }

    /// An operator takes the chat (AI off) or hands it back (AI on: it no longer needs a
    /// person), in one transaction.
    @discardableResult
    public func handOver(chatId: String, aiActive: Bool) throws -> ChatControl {
        try pool.write { db in
            try Self.setAIActive(db, chatId: chatId, active: aiActive, channel: nil)
            if aiActive {
                try db.execute(
                    sql: "UPDATE conversaciones SET necesita_persona = 0 WHERE chat_id = ?", arguments: [chatId])
            }
            return try Self.fetchChatControl(db, chatId: chatId)
        }
    }

    /// The chat's messages after `after` (oldest first, at most `limit`).
    public func messages(chatId: String, after: Int64, limit: Int = 200) throws -> [StoredMessage] {
        try pool.read { db in
            try StoredMessage.fetchAll(
                db, sql: "SELECT * FROM mensajes WHERE chat_id = ? AND id > ? ORDER BY id LIMIT ?",
                arguments: [chatId, after, limit])
        }
    }

    /// The chat's channel as stored, else guessed from its id (Telegram chats are `tg:…`).
    static let channelSQL =
        "COALESCE(cc.canal, CASE WHEN c.chat_id LIKE 'tg:%' THEN 'telegram' ELSE 'http' END)"

    /// The dialogue state (`chat_estado` row `alias`) has lines in its cart.
    static func openCartSQL(_ alias: String) -> String {
        "COALESCE(json_array_length(\(alias).estado, '$.cart.lines'), 0) > 0"
    }

    static func summary(_ row: Row) throws -> ConversationSummary {
        let lastId: Int64 = row["ultimo_id"]
        let clientId: Int64 = row["ultimo_cliente_id"]
        let seen: Int64 = row["visto"]
        return ConversationSummary(
            chatId: row["chat_id"], lastMessageId: lastId, lastMessageAt: row["ultimo_en"],
            lastSender: try StoredValue.decode(Sender.self, row["ultimo_remitente"]), lastText: row["ultimo_texto"],
            messages: row["mensajes"], needsPerson: row["necesita_persona"], aiActive: row["ia"],
            channel: (row["canal_chat"] as String?).flatMap(Channel.init(rawValue:)), openCart: row["carrito"],
            unread: clientId > seen)
    }
}
