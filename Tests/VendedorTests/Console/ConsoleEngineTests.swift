import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Shop

/// The console served on each storage engine (`DATABASE_URL` SQLite or PostgreSQL): login
/// and disabled users, the inbox with its filters and read marks, taking a chat over, the
/// audit log, the order, client, catalog and panel pages; hostile query strings are 4xx on
/// both.
@Suite("Console: on every storage engine")
struct ConsoleEngineTests {
    /// The front end on a test's own Redis and a fresh store of `engine` (five fixture products).
    static func run(
        _ engine: TestEngine, _ body: @escaping @Sendable (TestStore, any TestClientProtocol) async throws -> Void
    ) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        try await TestStore.withProducts(engine) { test in
            let waiters = JobWaiters(client: fixture.jobs)
            waiters.start()
            defer { waiters.stop() }
            var deps = FrontEndDependencies(
                jobs: fixture.jobs, waiters: waiters, signer: TokenSigner(secret: CommerceHarness.secret),
                store: test.store, uploadsDirectory: directory.url.appendingPathComponent("uploads").path)
            deps.blobsDirectory = directory.url.appendingPathComponent("blobs").path
            deps.exportsDirectory = directory.url.appendingPathComponent("exports").path
            let app = Application(router: buildRouter(deps))
            try await app.test(.router) { client in try await body(test, client) }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func staffWorkTheInboxAndTheAuditLogOnEveryEngine(engine: TestEngine) async throws {
        try await Self.run(engine) { test, client in
            let store = test.store
            let jefa = try await ConsoleClient.createUser(store, "jefa", .admin)
            try await ConsoleClient.createUser(store, "luis", .operator)
            try await store.setStaffUserActive(name: "luis", active: false)
            var luis = ConsoleClient(client)
            #expect(try await luis.login("luis").status == .unauthorized)
            #expect(luis.cookie == nil)

            try await store.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "hola"))
            try await store.appendMessage(NewMessage(chatId: "tg:2", sender: .user, content: "quiero un asesor"))

            var console = ConsoleClient(client)
            #expect(try await console.login("JEFA").status == .seeOther)
            let inbox = try await console.page("/consola/conversaciones")
            #expect(inbox.status == .ok)
            #expect(inbox.html.contains("tg:1") && inbox.html.contains("tg:2"))
            let waiting = try await console.page("/consola/conversaciones?persona=1&parcial=1")
            #expect(waiting.status == .ok)
            #expect(waiting.html.contains("tg:2") && !waiting.html.contains("\"tg:1\""))

            // Opening a chat marks it read for this user.
            #expect(try await store.conversation(chatId: "tg:2", viewer: jefa.id)?.unread == true)
            #expect(try await console.page("/consola/conversaciones/tg:2").status == .ok)
            #expect(try await store.conversation(chatId: "tg:2", viewer: jefa.id)?.unread == false)
            #expect(try await store.conversation(chatId: "tg:1", viewer: jefa.id)?.unread == true)

            // Taking it over and handing it back.
            let takeOver = try await console.post("/consola/conversaciones/tg:2/control", [("ia_activa", "0")])
            #expect(takeOver.status == .seeOther)
            #expect(try await store.chatControl(chatId: "tg:2").aiActive == false)
            _ = try await console.post("/consola/conversaciones/tg:2/control", [("ia_activa", "1")])
            #expect(try await store.chatControl(chatId: "tg:2").aiActive)
            #expect(try await store.conversation(chatId: "tg:2", viewer: jefa.id)?.needsPerson == false)

            for route in ["/consola/pedidos", "/consola/clientes", "/consola/catalogo?q=guantes", "/consola/panel"] {
                #expect(try await console.page(route).status == .ok, "\(route)")
            }
            let audit = try await console.page("/consola/auditoria?usuario=JEFA")
            #expect(audit.status == .ok)
            #expect(audit.html.contains("chat.tomar") && audit.html.contains("chat.devolver"))
            let log = try await store.auditPage(user: nil, limit: nil, offset: nil).entries.map {
                "\($0.user) \($0.action)"
            }
            #expect(log.contains("luis login.fallido"))
            #expect(log.contains("jefa login"))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func hostileFiltersAndPagingAre4xxOnEveryEngine(engine: TestEngine) async throws {
        try await Self.run(engine) { test, client in
            try await ConsoleClient.createUser(test.store, "jefa", .admin)
            try await test.store.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "hola"))
            var console = ConsoleClient(client)
            try await console.login("jefa")
            for route in ["/consola/conversaciones", "/consola/auditoria"] {
                for query in PagingBoundsTests.hostile {
                    let status = try await console.page(route + "?" + query).status
                    #expect(status == .badRequest, "\(route)?\(query): \(status)")
                }
            }
            for uri in [
                "/consola/conversaciones?canal=fax",
                "/consola/conversaciones?canal=" + String(repeating: "t", count: 5000),
                "/consola/conversaciones?chat=" + String(repeating: "x", count: 129),
                "/consola/auditoria?usuario=" + String(repeating: "u", count: 81),
                "/consola/eventos?desde=-1", "/consola/eventos?desde=99999999999999999999",
                "/consola/conversaciones/" + String(repeating: "x", count: 5000),
            ] {
                let status = try await console.page(uri).status
                #expect((400..<500).contains(status.code), "\(uri.prefix(60)): \(status)")
            }
            // Pattern characters are searched as themselves; the process is still answering.
            for uri in [
                "/consola/conversaciones?chat=%25", "/consola/conversaciones?chat=_", "/consola/auditoria?usuario=%25",
                "/consola/auditoria?usuario=" + String(repeating: "u", count: 80),
                "/consola/conversaciones?persona=1&ia=1&carrito=1&canal=telegram&chat=tg",
            ] {
                let page = try await console.page(uri)
                #expect(page.status == .ok, "\(uri.prefix(60)): \(page.status)")
            }
            let none = try await console.page("/consola/conversaciones?chat=%25&parcial=1")
            #expect(!none.html.contains("tg:1"))
        }
    }
}
