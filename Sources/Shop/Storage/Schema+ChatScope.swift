import GRDB

extension Schema {
    /// Chats of HTTP channels become scoped by their channel (`ChatScope`, issue 16 finding 3):
    /// every stored chat id that is not Telegram's becomes `h:<owner>:<id>`, with the owner
    /// `chat_control.propietario` recorded for it (empty when none was), in every table that
    /// names a chat. Before, all channels shared one namespace and the last writer became the
    /// owner.
    static func scopeHTTPChats(_ db: Database) throws {
        var owners: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT chat_id, propietario FROM chat_control") {
            owners[row["chat_id"]] = row["propietario"] as String?
        }
        let tables = ["mensajes", "chat_estado", "chat_turnos", "chat_control", "pedidos"]
        var ids = Set<String>()
        for table in tables {
            ids.formUnion(
                try String.fetchAll(
                    db,
                    sql: "SELECT DISTINCT chat_id FROM \(table) WHERE chat_id IS NOT NULL AND chat_id NOT LIKE 'tg:%'"))
        }
        for id in ids {
            let stored = ChatScope.scoped(id, channel: owners[id] ?? "")
            guard stored.utf8.count <= ChatScope.maxStoredLength else { continue }
            for table in tables {
                try db.execute(sql: "UPDATE \(table) SET chat_id = ? WHERE chat_id = ?", arguments: [stored, id])
            }
        }
    }
}
