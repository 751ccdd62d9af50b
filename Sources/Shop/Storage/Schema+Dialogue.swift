import GRDB

extension Schema {
    /// The sales agent's memory: one dialogue state per chat (cart, checkout form, pending
    /// question, as JSON) and one row per handled chat message, keyed by its job id, holding
    /// the result given for it (a retried job finds its turn already done). `chat_control`
    /// learns the token subject of the HTTP channel a chat came through (`propietario`), so
    /// operators' replies go back the same way.
    static func createDialogue(_ db: Database) throws {
        try db.create(table: "chat_estado") { t in
            t.primaryKey("chat_id", .text).notNull()
            t.column("estado", .text).notNull().check(sql: "json_valid(estado)")
            t.column("actualizado", .datetime).notNull()
        }
        try db.create(table: "chat_turnos") { t in
            t.primaryKey("job_id", .text).notNull()
            t.column("chat_id", .text).notNull().indexed()
            t.column("resultado", .text).notNull().check(sql: "json_valid(resultado)")
            t.column("creado", .datetime).notNull()
        }
        try db.alter(table: "chat_control") { t in
            t.add(column: "propietario", .text)
        }
    }
}
