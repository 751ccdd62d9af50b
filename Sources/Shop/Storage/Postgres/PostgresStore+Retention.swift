import Foundation
import PostgresNIO

// Staff chat lookup and the retention sweep on PostgreSQL.
extension PostgresStore {
    public func storedChatIds(external chatId: String) async throws -> [String] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT chat_id FROM chat_control
                WHERE chat_id = \(chatId)
                    OR (left(chat_id, 2) = 'h:' AND strpos(substr(chat_id, 3), ':') > 0
                        AND substr(chat_id, strpos(substr(chat_id, 3), ':') + 3) = \(chatId))
                ORDER BY chat_id COLLATE "C"
                """, logger: logger
            ).map { try $0.value("chat_id", as: String.self) }
        }
    }

    /// Batches of the oldest rows (by their time column's index), each its own transaction,
    /// so a sweep never holds many row locks.
    public func pruneConversations(messagesBefore: Date?, dialogueBefore: Date?, batch: Int) async throws
        -> PrunedConversations
    {
        var pruned = PrunedConversations()
        let batch = max(1, batch)
        if let messagesBefore {
            pruned.messages = try await deleteInBatches(
                "DELETE FROM mensajes WHERE id IN (SELECT id FROM mensajes WHERE creado < $1 ORDER BY creado LIMIT $2) RETURNING 1",
                before: messagesBefore, batch: batch)
            pruned.controls = try await transaction { connection in
                try await connection.rows(
                    """
                    DELETE FROM chat_control WHERE actualizado < \(messagesBefore)
                        AND NOT EXISTS (SELECT 1 FROM mensajes m WHERE m.chat_id = chat_control.chat_id)
                    RETURNING 1
                    """, logger: logger
                ).count
            }
        }
        if let dialogueBefore {
            pruned.turns = try await deleteInBatches(
                """
                DELETE FROM chat_turnos WHERE job_id IN
                    (SELECT job_id FROM chat_turnos WHERE creado < $1 ORDER BY creado LIMIT $2) RETURNING 1
                """, before: dialogueBefore, batch: batch)
            pruned.states = try await transaction { connection in
                try await connection.rows(
                    "DELETE FROM chat_estado WHERE actualizado < \(dialogueBefore) RETURNING 1", logger: logger
                ).count
            }
        }
        return pruned
    }

    private func deleteInBatches(_ sql: String, before date: Date, batch: Int) async throws -> Int {
        var total = 0
        while true {
            var binds = PostgresBindings()
            try binds.append(date)
            try binds.append(batch)
            let query = PostgresQuery(unsafeSQL: sql, binds: binds)
            let deleted = try await transaction { try await $0.rows(query, logger: logger).count }
            total += deleted
            if deleted < batch { return total }
        }
    }
}
