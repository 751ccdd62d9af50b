import Foundation
import PostgresNIO

// Conversation history, chat control and the agent's memory on PostgreSQL.
extension PostgresStore {
    static let messageColumns = "id, chat_id, remitente, tipo, contenido, metadata::text AS metadata, creado"
    static let controlColumns = "chat_id, ia_activa, canal, propietario, actualizado"

    @discardableResult
    public func appendMessage(_ new: NewMessage) async throws -> StoredMessage {
        let message = try new.validated()
        return try await transaction { try await Self.insertMessage($0, message, logger: logger) }
    }

    /// Once per delivery: a transaction-scoped advisory lock on (chat, delivery) makes a
    /// concurrent re-run wait, then find the rows the first wrote.
    @discardableResult
    public func recordDelivery(incoming: NewMessage?, reply: NewMessage, deliveryId: String) async throws -> Bool {
        let tagged = try DeliveryTag.tagged([incoming, reply].compactMap { $0 }, deliveryId: deliveryId)
        return try await transaction { connection in
            try await connection.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(\(reply.chatId + "\u{1F}" + deliveryId), 0))",
                logger: logger)
            let seen = try await connection.row(
                """
                SELECT 1 AS seen FROM mensajes
                WHERE chat_id = \(reply.chatId) AND metadata->>'entrega_id' = \(deliveryId) LIMIT 1
                """, logger: logger)
            guard seen == nil else { return false }
            for message in tagged { _ = try await Self.insertMessage(connection, message, logger: logger) }
            return true
        }
    }

    public func history(chatId: String, limit: Int) async throws -> [StoredMessage] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT * FROM (SELECT \(unescaped: Self.messageColumns) FROM mensajes WHERE chat_id = \(chatId)
                               ORDER BY id DESC LIMIT \(max(limit, 0))) AS ultimos
                ORDER BY id
                """, logger: logger
            ).map(StoredMessage.init(postgres:))
        }
    }

    public func historyPage(chatId: String, limit: Int?, offset: Int?) async throws -> Page<StoredMessage> {
        let paging = Paging(limit: limit, offset: offset)
        return try await read { connection in
            let total = try await connection.row(
                "SELECT COUNT(*) AS n FROM mensajes WHERE chat_id = \(chatId)", logger: logger)
            let page = try await connection.rows(
                """
                SELECT \(unescaped: Self.messageColumns) FROM mensajes WHERE chat_id = \(chatId)
                ORDER BY id LIMIT \(paging.limit) OFFSET \(paging.offset)
                """, logger: logger
            ).map(StoredMessage.init(postgres:))
            return Page(
                results: page, total: try total?.value("n", as: Int.self) ?? 0, limit: paging.limit,
                offset: paging.offset)
        }
    }

    public func chatControl(chatId: String) async throws -> ChatControl {
        try await read { connection in
            try await connection.row(
                "SELECT \(unescaped: Self.controlColumns) FROM chat_control WHERE chat_id = \(chatId)", logger: logger
            ).map(ChatControl.init(postgres:))
        } ?? ChatControl(chatId: chatId)
    }

    @discardableResult
    public func setAIActive(chatId: String, active: Bool, channel: Channel?) async throws -> ChatControl {
        try await transaction {
            try await Self.setAIActive($0, chatId: chatId, active: active, channel: channel, logger: logger)
        }
    }

    public func recordChannel(chatId: String, channel: Channel, owner: String?) async throws {
        try await transaction {
            try await Self.recordChannel($0, chatId: chatId, channel: channel, owner: owner, logger: logger)
        }
    }

    public func dialogueJSON(chatId: String) async throws -> String? {
        try await read { connection in
            try await connection.row(
                "SELECT estado::text AS estado FROM chat_estado WHERE chat_id = \(chatId)", logger: logger
            )?.value("estado", as: String.self)
        }
    }

    public func chatTurnResult(jobId: String) async throws -> String? {
        try await read { connection in
            try await connection.row(
                "SELECT resultado::text AS resultado FROM chat_turnos WHERE job_id = \(jobId)", logger: logger
            )?.value("resultado", as: String.self)
        }
    }

    /// The turn's row goes in first: a concurrent run of the same job waits on its primary
    /// key, then writes nothing and answers the first result.
    @discardableResult
    public func recordChatTurn(_ record: ChatTurnRecord) async throws -> String {
        let incoming = try record.incoming.validated()
        let reply = try record.reply?.validated()
        return try await transaction { connection in
            let now = Date()
            let claimed = try await connection.row(
                """
                INSERT INTO chat_turnos (job_id, chat_id, resultado, creado)
                VALUES (\(record.jobId), \(record.chatId), CAST(\(record.result) AS jsonb), \(now))
                ON CONFLICT (job_id) DO NOTHING
                RETURNING job_id
                """, logger: logger)
            guard claimed != nil else {
                let existing = try await connection.row(
                    "SELECT resultado::text AS resultado FROM chat_turnos WHERE job_id = \(record.jobId)",
                    logger: logger)
                return try existing?.value("resultado", as: String.self) ?? record.result
            }
            _ = try await Self.insertMessage(connection, incoming, logger: logger)
            if let reply { _ = try await Self.insertMessage(connection, reply, logger: logger) }
            if let state = record.stateJSON {
                try await connection.execute(
                    """
                    INSERT INTO chat_estado (chat_id, estado, actualizado)
                    VALUES (\(record.chatId), CAST(\(state) AS jsonb), \(now))
                    ON CONFLICT (chat_id) DO UPDATE SET estado = excluded.estado, actualizado = excluded.actualizado
                    """, logger: logger)
            }
            try await Self.recordChannel(
                connection, chatId: record.chatId, channel: record.channel, owner: record.owner, logger: logger)
            return record.result
        }
    }

    // MARK: Inside a transaction

    static func insertMessage(_ connection: PostgresConnection, _ message: NewMessage, logger: Logger)
        async throws -> StoredMessage
    {
        let metadata = try message.metadata.map(DeliveryTag.encode)
        guard
            let row = try await connection.row(
                """
                INSERT INTO mensajes (chat_id, remitente, tipo, contenido, metadata, creado)
                VALUES (\(message.chatId), \(message.sender.rawValue), \(message.kind.rawValue), \(message.content),
                        CAST(\(metadata) AS jsonb), \(Date()))
                RETURNING \(unescaped: messageColumns)
                """, logger: logger)
        else { throw CorruptValue(description: "INSERT INTO mensajes returned no row") }
        return try StoredMessage(postgres: row)
    }

    /// Turns the AI on or off for a chat; a nil `channel` keeps the stored one.
    static func setAIActive(
        _ connection: PostgresConnection, chatId: String, active: Bool, channel: Channel?, logger: Logger
    ) async throws -> ChatControl {
        guard
            let row = try await connection.row(
                """
                INSERT INTO chat_control (chat_id, ia_activa, canal, actualizado)
                VALUES (\(chatId), \(active), \(channel?.rawValue), \(Date()))
                ON CONFLICT (chat_id) DO UPDATE SET
                    ia_activa = excluded.ia_activa, canal = COALESCE(excluded.canal, chat_control.canal),
                    actualizado = excluded.actualizado
                RETURNING \(unescaped: controlColumns)
                """, logger: logger)
        else { throw CorruptValue(description: "upsert into chat_control returned no row") }
        return try ChatControl(postgres: row)
    }

    static func recordChannel(
        _ connection: PostgresConnection, chatId: String, channel: Channel, owner: String?, logger: Logger
    ) async throws {
        try await connection.execute(
            """
            INSERT INTO chat_control (chat_id, ia_activa, canal, propietario, actualizado)
            VALUES (\(chatId), TRUE, \(channel.rawValue), \(owner), \(Date()))
            ON CONFLICT (chat_id) DO UPDATE SET canal = excluded.canal,
                propietario = COALESCE(excluded.propietario, chat_control.propietario),
                actualizado = excluded.actualizado
            WHERE chat_control.canal IS DISTINCT FROM excluded.canal
                OR (excluded.propietario IS NOT NULL AND chat_control.propietario IS DISTINCT FROM excluded.propietario)
            """, logger: logger)
    }
}
