import Foundation
import GRDB
import Testing

@testable import Shop
@testable import Workers

/// Found by reading (issue 16): messages, dialogue turns and chat state (carts, checkout
/// forms with personal data) were never pruned. The workers now sweep them past
/// `MESSAGES_RETENTION_DAYS` and `DIALOGUE_RETENTION_DAYS`.
@Suite("Security: conversations are kept only as long as configured")
struct RetentionTests {
    @Test func oldMessagesTurnsAndStatesAreSweptAndRecentOnesKept() throws {
        let directory = try TemporaryDirectory()
        let database = try directory.openDatabase()
        let old = Date().addingTimeInterval(-400 * 86_400)
        for chat in ["h:w:viejo", "h:w:nuevo"] {
            try database.recordChannel(chatId: chat, channel: .http, owner: "w")
            try database.appendMessage(NewMessage(chatId: chat, sender: .user, content: "hola \(chat)"))
            try database.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO chat_estado (chat_id, estado, actualizado) VALUES (?, '{}', ?)",
                    arguments: [chat, Date()])
                try db.execute(
                    sql: "INSERT INTO chat_turnos (job_id, chat_id, resultado, creado) VALUES (?, ?, '{}', ?)",
                    arguments: ["j-\(chat)", chat, Date()])
            }
        }
        try database.pool.write { db in
            try db.execute(sql: "UPDATE mensajes SET creado = ? WHERE chat_id = 'h:w:viejo'", arguments: [old])
            try db.execute(sql: "UPDATE chat_estado SET actualizado = ? WHERE chat_id = 'h:w:viejo'", arguments: [old])
            try db.execute(sql: "UPDATE chat_turnos SET creado = ? WHERE chat_id = 'h:w:viejo'", arguments: [old])
            try db.execute(sql: "UPDATE chat_control SET actualizado = ? WHERE chat_id = 'h:w:viejo'", arguments: [old])
        }
        let cutoff = Date().addingTimeInterval(-365 * 86_400)
        let pruned = try database.pruneConversations(messagesBefore: cutoff, dialogueBefore: cutoff, batch: 1)
        #expect(pruned == PrunedConversations(messages: 1, turns: 1, states: 1, controls: 1))
        #expect(try database.history(chatId: "h:w:viejo").isEmpty)
        #expect(try database.history(chatId: "h:w:nuevo").count == 1)
        #expect(try database.dialogueJSON(chatId: "h:w:viejo") == nil)
        #expect(try database.dialogueJSON(chatId: "h:w:nuevo") != nil)
        #expect(try database.chatControl(chatId: "h:w:nuevo").owner == "w")
        let again = try database.pruneConversations(messagesBefore: cutoff, dialogueBefore: cutoff)
        #expect(again.total == 0)
    }

    @Test func retentionIsConfiguredAndCanBeTurnedOff() throws {
        let config = try RetentionConfig(
            environment: .init(["MESSAGES_RETENTION_DAYS": "0", "DIALOGUE_RETENTION_DAYS": "7"]))
        #expect(config.messagesDays == 0 && config.dialogueDays == 7)
        #expect(throws: (any Error).self) { try RetentionConfig(environment: .init(["DIALOGUE_RETENTION_DAYS": "-1"])) }
        #expect(RetentionConfig().messagesDays == 365 && RetentionConfig().dialogueDays == 30)
    }
}
