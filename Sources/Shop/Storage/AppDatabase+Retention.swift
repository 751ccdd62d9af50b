import Foundation
import GRDB

// How long conversations are kept (issue 16: messages, dialogue turns and chat state were
// never pruned). Deletes go in batches of the oldest rows, so a sweep holds the write lock
// briefly and costs nothing when there is nothing to delete.
/// What a retention sweep deleted.
public struct PrunedConversations: Sendable, Equatable {
    public var messages = 0
    public var turns = 0
    public var states = 0
    public var controls = 0

    public init(messages: Int = 0, turns: Int = 0, states: Int = 0, controls: Int = 0) {
        self.messages = messages
        self.turns = turns
        self.states = states
        self.controls = controls
    }

    public var total: Int { messages + turns + states + controls }
}

extension AppDatabase {
    /// Deletes messages created before `messagesBefore`, the turn records and dialogue states
    /// (carts, checkout forms) older than `dialogueBefore`, and the control records of chats
    /// left without messages that were not touched since `messagesBefore`. Nil keeps that kind.
    public func pruneConversations(messagesBefore: Date?, dialogueBefore: Date?, batch: Int = 5_000) throws
        -> PrunedConversations
    {
        var pruned = PrunedConversations()
        if let messagesBefore {
            pruned.messages = try deleteOldest(
                table: "mensajes", column: "creado", before: messagesBefore, batch: batch)
            pruned.controls = try pool.write { db in
                try db.execute(
                    sql: """
                        DELETE FROM chat_control WHERE actualizado < ?
                            AND NOT EXISTS (SELECT 1 FROM mensajes m WHERE m.chat_id = chat_control.chat_id)
                        """,
                    arguments: [messagesBefore])
                return db.changesCount
            }
        }
        if let dialogueBefore {
            pruned.turns = try deleteOldest(
                table: "chat_turnos", column: "creado", before: dialogueBefore, batch: batch)
            pruned.states = try pool.write { db in
                try db.execute(sql: "DELETE FROM chat_estado WHERE actualizado < ?", arguments: [dialogueBefore])
                return db.changesCount
            }
        }
        return pruned
    }

    /// Deletes, batch by batch, the rows among the oldest (by rowid) whose `column` is before
    /// `date`; stops at the first batch with fewer old rows than its size.
    private func deleteOldest(table: String, column: String, before date: Date, batch: Int) throws -> Int {
        var total = 0
        while true {
            let deleted = try pool.write { db in
                try db.execute(
                    sql: """
                        DELETE FROM \(table) WHERE rowid IN (SELECT rowid FROM \(table) ORDER BY rowid LIMIT ?)
                            AND \(column) < ?
                        """,
                    arguments: [batch, date])
                return db.changesCount
            }
            total += deleted
            if deleted < batch { return total }
        }
    }
}
