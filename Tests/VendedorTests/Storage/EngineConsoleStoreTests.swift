import Foundation
import Testing

@testable import Shop

/// The staff console's storage (users, audit log, inbox with read marks), the same on every
/// engine: SQLite keeps the inbox with a trigger, PostgreSQL with its own (`pg5-consola`).
@Suite("Storage on every engine: the staff console")
struct EngineConsoleStoreTests {
    static func hash(_ password: String) -> String { PasswordHash.make(password, cost: 4) }

    @Test(arguments: TestEngine.allCases)
    func staffUsersAreCreatedFoundWithoutCaseCheckedAndDisabled(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            let ana = try await store.createStaffUser(
                name: " Ana.Ruiz ", role: .operator, passwordHash: Self.hash("clave-segura-1"))
            #expect(ana.name == "Ana.Ruiz")
            #expect(ana.role == .operator)
            #expect(ana.active)
            await #expect(throws: StoreError.self) {
                try await store.createStaffUser(name: "ANA.RUIZ", role: .admin, passwordHash: Self.hash("otra-clave-9"))
            }
            await #expect(throws: ValidationError.self) {
                try await store.createStaffUser(name: "a b", role: .admin, passwordHash: Self.hash("otra-clave-9"))
            }
            await #expect(throws: ValidationError.self) {
                try await store.createStaffUser(name: "canal1", role: .channel, passwordHash: Self.hash("otra-clave-9"))
            }
            let beto = try await store.createStaffUser(
                name: "beto", role: .admin, passwordHash: Self.hash("clave-de-beto"))
            #expect(beto.id != ana.id)

            // The login's lookup: any case, then the bcrypt check.
            let found = try #require(try await store.staffUser(name: "ana.RUIZ"))
            #expect(found == ana)
            #expect(PasswordHash.verify("clave-segura-1", hash: found.passwordHash))
            #expect(!PasswordHash.verify("clave-segura-2", hash: found.passwordHash))
            #expect(try await store.staffUser(name: "nadie") == nil)
            #expect(try await store.staffUser(name: "ana%") == nil)
            #expect(try await store.staffUser(id: beto.id) == beto)
            #expect(try await store.staffUsers().map(\.name) == ["Ana.Ruiz", "beto"])

            let disabled = try await store.setStaffUserActive(name: "ANA.ruiz", active: false)
            #expect(!disabled.active)
            #expect(try await store.staffUser(name: "Ana.Ruiz")?.active == false)
            #expect(try await store.staffUser(id: beto.id)?.active == true)
            #expect(try await store.setStaffUserActive(name: "ana.ruiz", active: true).active)
            await #expect(throws: StoreError.self) { try await store.setStaffUserActive(name: "nadie", active: false) }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func theAuditLogIsNewestFirstPagedAndFilteredByUser(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            let lines = [
                ("ana", "login"), ("beto", "pedido.estado"), ("ANA", "chat.tomar"), ("cli", "usuario.crear"),
                ("ana", "logout"),
            ]
            for (user, action) in lines {
                try await store.appendAudit(
                    NewAuditEntry(user: user, action: action, detail: "#1", address: "10.0.0.1"))
            }
            try await store.appendAudit(
                NewAuditEntry(user: "ana", action: "exportar", detail: String(repeating: "x", count: 5_000)))

            let all = try await store.auditPage(user: nil, limit: nil, offset: nil)
            #expect(all.total == 6)
            #expect(all.entries.map(\.action) == ["exportar"] + lines.reversed().map(\.1))
            #expect(all.entries[0].detail.count == 500)
            #expect(all.entries[0].address == nil)
            #expect(all.entries[1].address == "10.0.0.1")
            #expect(zip(all.entries, all.entries.dropFirst()).allSatisfy { $0.id > $1.id })

            let page = try await store.auditPage(user: nil, limit: 2, offset: 1)
            #expect(page.total == 6)
            #expect(page.entries.map(\.id) == all.entries[1...2].map(\.id))
            let past = try await store.auditPage(user: nil, limit: 10, offset: 100)
            #expect(past.entries.isEmpty && past.total == 6)

            // A user's lines, whatever the case they were written in.
            let ana = try await store.auditPage(user: "Ana", limit: nil, offset: nil)
            #expect(ana.total == 4)
            #expect(ana.entries.map(\.action) == ["exportar", "logout", "chat.tomar", "login"])
            // The filter is a name, never a pattern.
            #expect(try await store.auditPage(user: "%", limit: nil, offset: nil).total == 0)
            #expect(try await store.auditPage(user: "an_", limit: nil, offset: nil).total == 0)
            #expect(try await store.auditPage(user: String(repeating: "z", count: 40), limit: 5, offset: 0).total == 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func theInboxSummarisesEveryChatAndUnreadFollowsEachUsersReadMarks(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            let ana = try await store.createStaffUser(
                name: "ana", role: .operator, passwordHash: Self.hash("clave-1234"))
            let beto = try await store.createStaffUser(
                name: "beto", role: .admin, passwordHash: Self.hash("clave-1234"))
            #expect(try await store.inbox(InboxFilter(), viewer: ana.id, limit: nil, offset: nil).total == 0)
            #expect(try await store.latestMessage() == nil)

            try await store.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "hola, ¿tienen guantes?"))
            let answer = try await store.appendMessage(
                NewMessage(chatId: "tg:1", sender: .agent, content: "Sí: guantes vaqueta a $15.800."))
            let web = try await store.appendMessage(
                NewMessage(chatId: "h:tienda:77", sender: .user, content: String(repeating: "ñ", count: 300)))

            var inbox = try await store.inbox(InboxFilter(), viewer: ana.id, limit: nil, offset: nil)
            #expect(inbox.total == 2)
            #expect(inbox.conversations.map(\.chatId) == ["h:tienda:77", "tg:1"])
            #expect(inbox.conversations.map(\.unread) == [true, true])
            let telegram = inbox.conversations[1]
            #expect(telegram.messages == 2)
            #expect(telegram.lastMessageId == answer.id)
            #expect(telegram.lastSender == .agent)
            #expect(telegram.lastText == "Sí: guantes vaqueta a $15.800.")
            #expect(telegram.channel == .telegram)
            #expect(telegram.aiActive)
            #expect(!telegram.needsPerson && !telegram.openCart)
            #expect(inbox.conversations[0].lastText == String(repeating: "ñ", count: 200))
            #expect(inbox.conversations[0].channel == .http)
            #expect(try await store.latestMessage()?.id == web.id)
            #expect(try await store.latestMessage(chatId: "tg:1")?.id == answer.id)

            // Ana reads the Telegram chat: unread for her only.
            try await store.markSeen(chatId: "tg:1", viewer: ana.id, messageId: answer.id)
            inbox = try await store.inbox(InboxFilter(), viewer: ana.id, limit: nil, offset: nil)
            #expect(inbox.conversations.map(\.unread) == [true, false])
            #expect(try await store.conversation(chatId: "tg:1", viewer: beto.id)?.unread == true)
            // A mark never moves back.
            try await store.markSeen(chatId: "tg:1", viewer: ana.id, messageId: 1)
            #expect(try await store.conversation(chatId: "tg:1", viewer: ana.id)?.unread == false)

            // The agent writing again is not unread; the customer writing again is, and moves
            // the chat to the top.
            try await store.appendMessage(NewMessage(chatId: "tg:1", sender: .agent, content: "¿Algo más?"))
            #expect(try await store.conversation(chatId: "tg:1", viewer: ana.id)?.unread == false)
            let again = try await store.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "sí, 3 pares"))
            inbox = try await store.inbox(InboxFilter(), viewer: ana.id, limit: 1, offset: nil)
            #expect(inbox.total == 2)
            let top = try #require(inbox.conversations.first)
            #expect(top.chatId == "tg:1" && top.unread && top.messages == 4 && top.lastMessageId == again.id)
            let second = try await store.inbox(InboxFilter(), viewer: ana.id, limit: 1, offset: 1)
            #expect(second.conversations.map(\.chatId) == ["h:tienda:77"])
            #expect(try await store.conversation(chatId: "tg:nunca", viewer: ana.id) == nil)
        }
    }

    /// Writers storing messages of the same chats at once (workers on several hosts): every
    /// message is counted once and the summary ends on the newest one.
    @Test(arguments: TestEngine.allCases)
    func concurrentWritersKeepEveryCountAndTheNewestMessage(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await store.appendMessage(
                            NewMessage(
                                chatId: "tg:\(index % 2)", sender: index % 3 == 0 ? .agent : .user,
                                content: "mensaje \(index)"))
                    }
                }
                try await group.waitForAll()
            }
            let inbox = try await store.inbox(InboxFilter(), viewer: 0, limit: nil, offset: nil)
            #expect(inbox.total == 2)
            for summary in inbox.conversations {
                let history = try await store.history(chatId: summary.chatId, limit: 100)
                #expect(history.count == 20)
                #expect(summary.messages == 20)
                let newest = try #require(history.last)
                #expect(summary.lastMessageId == newest.id)
                #expect(summary.lastText == newest.content)
                #expect(summary.lastSender == newest.sender)
                #expect(summary.unread)
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func chatsThatNeedAPersonAndTheInboxFilters(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            let viewer = try await store.createStaffUser(
                name: "ana", role: .operator, passwordHash: Self.hash("clave-1234")
            ).id
            func chats(_ filter: InboxFilter) async throws -> [String] {
                try await store.inbox(filter, viewer: viewer, limit: nil, offset: nil).conversations.map(\.chatId)
                    .sorted()
            }
            try await store.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "hola"))
            let asks = try await store.appendMessage(
                NewMessage(chatId: "tg:2", sender: .user, content: "Quiero hablar con un ASESOR"))
            try await store.appendMessage(NewMessage(chatId: "h:web:9", sender: .user, content: "buenas"))
            try await store.appendMessage(
                NewMessage(
                    chatId: "h:web:9", sender: .agent, content: "No pude responder.",
                    metadata: .object(["fuente": .string("aviso")])))

            #expect(try await chats(InboxFilter(needsPerson: true)) == ["h:web:9", "tg:2"])
            #expect(Set(try await store.conversationsNeedingPerson(after: 0, limit: 20)) == ["h:web:9", "tg:2"])
            #expect(try await store.conversationsNeedingPerson(after: asks.id, limit: 20) == ["h:web:9"])
            #expect(try await chats(InboxFilter(channel: .telegram)) == ["tg:1", "tg:2"])
            #expect(try await chats(InboxFilter(channel: .http)) == ["h:web:9"])
            #expect(try await chats(InboxFilter(chatId: "web")) == ["h:web:9"])
            // Part of an id, never a pattern.
            #expect(try await chats(InboxFilter(chatId: "g_1")) == [])
            #expect(try await chats(InboxFilter(chatId: "%")) == [])
            #expect(try await chats(InboxFilter(chatId: "  ")) == ["h:web:9", "tg:1", "tg:2"])

            // An operator answers: the chat no longer waits for a person.
            try await store.appendMessage(NewMessage(chatId: "tg:2", sender: .operator, content: "Hola, soy Ana."))
            #expect(try await chats(InboxFilter(needsPerson: true)) == ["h:web:9"])

            // Taken over: the AI is off, and the customer writing then needs a person.
            let control = try await store.handOver(chatId: "tg:1", aiActive: false)
            #expect(!control.aiActive)
            #expect(try await chats(InboxFilter(aiOff: true)) == ["tg:1"])
            try await store.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "¿sigue ahí?"))
            #expect(try await chats(InboxFilter(needsPerson: true, aiOff: true)) == ["tg:1"])
            // Handed back: AI on, no longer waiting, in one step.
            #expect(try await store.handOver(chatId: "tg:1", aiActive: true).aiActive)
            #expect(try await chats(InboxFilter(aiOff: true)) == [])
            #expect(try await store.conversation(chatId: "tg:1", viewer: viewer)?.needsPerson == false)
            #expect(try await store.chatControl(chatId: "tg:1").aiActive)

            // A chat whose dialogue has lines in its cart.
            try await store.recordChatTurn(
                ChatTurnRecord(
                    jobId: "turno-1", chatId: "h:web:9", channel: .http, owner: "web",
                    incoming: NewMessage(chatId: "h:web:9", sender: .user, content: "2 extintores"),
                    reply: NewMessage(chatId: "h:web:9", sender: .agent, content: "Listo, 2 extintores."),
                    stateJSON: #"{"cart":{"lines":[{"productId":1,"quantity":2}]}}"#, result: "{}"))
            try await store.recordChatTurn(
                ChatTurnRecord(
                    jobId: "turno-2", chatId: "tg:2", channel: .telegram, owner: nil,
                    incoming: NewMessage(chatId: "tg:2", sender: .user, content: "nada"),
                    reply: nil, stateJSON: #"{"cart":{"lines":[]},"otro":1}"#, result: "{}"))
            #expect(try await chats(InboxFilter(openCart: true)) == ["h:web:9"])
            #expect(try await chats(InboxFilter(openCart: true, channel: .telegram)) == [])
        }
    }
}
