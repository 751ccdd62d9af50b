import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Shop

/// The console's accounts and sessions without a browser: login, cookie attributes, wrong
/// passwords and lockout, expired sessions, CSRF, roles, logout everywhere, the audit log.
@Suite("Console: login, sessions, CSRF, roles")
struct ConsoleAuthTests {
    @Test func aWrongPasswordIsRefusedAndARightOneStartsASessionWithASafeCookie() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            var console = ConsoleClient(h, client)
            let wrong = try await console.login("ana", "otra-clave-mala")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            #expect(String(buffer: wrong.body).contains("Usuario o clave incorrectos"))
            let unknown = try await console.login("nadie", "clave-segura-1")
            #expect(unknown.status == .unauthorized)

            let right = try await console.login("ANA")  // names compare without case
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/consola/conversaciones")
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/consola"))
            #expect(!cookie.contains("Secure"))
            #expect(console.csrf?.count == 43)
            let inbox = try await console.page("/consola/conversaciones")
            #expect(inbox.status == .ok)
            #expect(inbox.html.contains("<h1>Conversaciones</h1>"))

            var overTLS = ConsoleClient(h, client)
            let secure = try await overTLS.login("ana", headers: [.init("X-Forwarded-Proto")!: "https"])
            #expect(secure.headers[.setCookie]?.contains("; Secure") == true)

            let log = try h.database.auditPage().entries.map { "\($0.user) \($0.action)" }
            #expect(log.contains("ana login.fallido"))
            #expect(log.contains("nadie login.fallido"))
            #expect(log.contains("ana login"))
        }
    }

    @Test func repeatedFailuresLockTheNameEvenWithTheRightPassword() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "luis", .admin)
            var console = ConsoleClient(h, client)
            for _ in 0..<5 {
                #expect(try await console.login("luis", "no-es-la-clave").status == .unauthorized)
            }
            let locked = try await console.login("luis")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] != nil)
            #expect(console.cookie == nil)
            // Another name from the same address still gets in.
            try ConsoleClient.createUser(h, "marta", .operator)
            #expect(try await console.login("marta").status == .seeOther)
        }
    }

    @Test func anExpiredSessionIsRefused() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            var console = ConsoleClient(h, client)
            try await console.login("ana")
            #expect(try await console.page("/consola/pedidos").status == .ok)
            // Redis dropping the idle session is what expiry is.
            let key = ConsoleSessionStore.sessionKey(ConsoleSessionStore.hash(try #require(console.cookie)))
            _ = try await h.fixture.redis.send(RedisCommand("DEL", key))
            let page = try await console.page("/consola/pedidos")
            #expect(page.status == .seeOther)
            #expect(page.location == "/consola/login?siguiente=%2Fconsola%2Fpedidos")
            let poll = try await console.page("/consola/trabajos/x", headers: [.accept: "application/json"])
            #expect(poll.status == .unauthorized)
            let post = try await console.post("/consola/pedidos/1/estado", [("estado", "procesando")])
            #expect(post.status == .unauthorized)

            // A session past its maximum life is refused even while in use.
            try await console.login("ana")
            let again = ConsoleSessionStore.sessionKey(ConsoleSessionStore.hash(try #require(console.cookie)))
            let dayAgo = WallClock.nowMs() - 25 * 3600 * 1000
            _ = try await h.fixture.redis.send(RedisCommand("HSET", again, "t", String(dayAgo)))
            #expect(try await console.page("/consola/pedidos").status == .seeOther)
        }
    }

    @Test func aStateChangeWithoutTheCSRFTokenIsRefused() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            let order = try h.database.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "csrf-1").order
            var console = ConsoleClient(h, client)
            try await console.login("ana")
            let missing = try await console.post(
                "/consola/pedidos/\(order.id)/estado", [("estado", "procesando")], csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.html.contains("CSRF"))
            let wrong = try await console.post(
                "/consola/pedidos/\(order.id)/estado",
                [("estado", "procesando"), ("_csrf", String(repeating: "a", count: 43))],
                csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try h.database.order(id: order.id)?.state == .pending)

            let done = try await console.post("/consola/pedidos/\(order.id)/estado", [("estado", "procesando")])
            #expect(done.status == .seeOther)
            #expect(try h.database.order(id: order.id)?.state == .processing)
            // A move the state machine does not allow is refused the same way as in the API.
            let invalid = try await console.post("/consola/pedidos/\(order.id)/estado", [("estado", "entregado")])
            #expect(invalid.status == .conflict)
            #expect(try h.database.auditPage().entries.first?.action == "pedido.estado")
        }
    }

    @Test func rolesDecideWhatAPersonMayOpen() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            try ConsoleClient.createUser(h, "jefe", .admin)
            var operador = ConsoleClient(h, client)
            try await operador.login("ana")
            #expect(try await operador.page("/consola/panel").status == .forbidden)
            #expect(try await operador.page("/consola/auditoria").status == .forbidden)
            #expect(try await operador.post("/consola/catalogo/productos/2", [("precio", "1")]).status == .forbidden)
            let catalog = try await operador.page("/consola/catalogo")
            #expect(catalog.status == .ok)
            #expect(!catalog.html.contains("/consola/catalogo/importar"))
            #expect(!catalog.html.contains("href=\"/consola/panel\""))

            var admin = ConsoleClient(h, client)
            try await admin.login("jefe")
            #expect(try await admin.page("/consola/panel").status == .ok)
            let saved = try await admin.post(
                "/consola/catalogo/productos/2",
                [("precio", "16.900"), ("stock", "20"), ("activo", "1"), ("estado", "disponible")])
            #expect(saved.status == .seeOther)
            let product = try #require(try h.database.product(id: 2))
            #expect(product.price == 16_900)
            #expect(product.stock == 20)
            let audit = try await admin.page("/consola/auditoria")
            #expect(audit.html.contains("producto.editar"))
        }
    }

    @Test func loggingOutEverywhereEndsEverySessionOfTheUser() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            var phone = ConsoleClient(h, client)
            var laptop = ConsoleClient(h, client)
            try await phone.login("ana")
            try await laptop.login("ana")
            let out = try await phone.post("/consola/salir-todo", [])
            #expect(out.status == .seeOther)
            #expect(try await laptop.page("/consola/pedidos").status == .seeOther)
            #expect(try await phone.page("/consola/pedidos").status == .seeOther)
        }
    }
}
