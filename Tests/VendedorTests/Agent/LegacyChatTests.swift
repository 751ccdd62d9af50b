import Foundation
import Testing

@testable import Pipeline
@testable import Shop

/// A chat carried over from the old system (`import-legacy`) goes on with this agent: the
/// customer's next message is answered, and the history holds the old messages first.
@Suite("A chat imported from the old system continues with the agent", .serialized)
struct LegacyChatTests {
    @Test func theNextMessageOfAnImportedChatIsAnsweredAfterItsHistory() async throws {
        let h = try await AgentHarness()
        defer { Task { await h.tearDown() } }
        let report = try await LegacyImporter(chatOwner: "pruebas").run(
            from: LegacyImportTests.fixture, into: SQLiteStore(h.database))
        #expect(report.tally("mensajes")?.created == 787)
        // Continued by the channel `pruebas`: its own id, stored in its namespace.
        let chatId = ChatScope.scoped("cliente_empresa_1", channel: "pruebas")
        let before = try h.database.history(chatId: chatId, limit: 1_000)
        #expect(before.count == 23)

        let reply = try await h.say(chatId, "buenas, ¿tienen guantes de nitrilo?")
        #expect(reply.reply.contains("$"), "\(reply.reply)")
        #expect(reply.products.contains(34))
        let after = try h.database.history(chatId: chatId, limit: 1_000)
        #expect(after.count == before.count + 2)
        #expect(Array(after.prefix(before.count)) == before)
        #expect(after.last?.sender == .agent)
        #expect(try h.database.chatControl(chatId: chatId).owner == "pruebas")
    }
}
