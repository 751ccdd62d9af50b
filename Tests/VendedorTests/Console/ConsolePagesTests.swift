import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Shop
@testable import Support

/// The console's pages as HTML: the inbox (newest first, filters, unread marks, needs a
/// person), hostile text escaped everywhere, photos from the blob store, page weight, assets.
@Suite("Console: pages")
struct ConsolePagesTests {
    @Test func theInboxListsChatsNewestFirstWithTheirMarksAndFilters() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            let db = h.database
            try db.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "Hola, ¿tienen guantes?"))
            try db.appendMessage(
                NewMessage(chatId: "tg:1", sender: .agent, content: "Sí, guantes de vaqueta a $15.800."))
            try db.appendMessage(NewMessage(chatId: "web-2", sender: .user, content: "Quiero hablar con un asesor"))
            _ = try db.setAIActive(chatId: "tg:3", active: false, channel: .telegram)
            try db.appendMessage(NewMessage(chatId: "tg:3", sender: .user, content: "¿Me atienden?"))

            var console = ConsoleClient(h, client)
            try await console.login("ana")
            let inbox = try await console.page("/consola/conversaciones").html
            let order = ["tg:3", "web-2", "tg:1"].map { inbox.range(of: "data-chat=\"\($0)\"")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order[0]! < order[1]! && order[1]! < order[2]!)
            #expect(inbox.components(separatedBy: "class=\"fila no-leido\"").count == 4)

            let person = try await console.page("/consola/conversaciones?persona=1").html
            #expect(person.contains("data-chat=\"tg:3\""))
            #expect(person.contains("data-chat=\"web-2\""))
            #expect(!person.contains("data-chat=\"tg:1\""))
            let aiOff = try await console.page("/consola/conversaciones?ia=1").html
            #expect(aiOff.contains("data-chat=\"tg:3\"") && !aiOff.contains("data-chat=\"web-2\""))
            let web = try await console.page("/consola/conversaciones?canal=http&parcial=1").html
            #expect(web.contains("data-chat=\"web-2\"") && !web.contains("data-chat=\"tg:1\""))
            #expect(!web.contains("<html"))
            #expect(try await console.page("/consola/conversaciones?canal=fax").status == .badRequest)

            // Opening a chat marks it read for this user only.
            #expect(try await console.page("/consola/conversaciones/tg:1").status == .ok)
            let after = try await console.page("/consola/conversaciones").html
            #expect(after.components(separatedBy: "class=\"fila no-leido\"").count == 3)
            // An operator's answer clears "needs a person".
            try db.appendMessage(NewMessage(chatId: "web-2", sender: .operator, content: "Con gusto"))
            let cleared = try await console.page("/consola/conversaciones?persona=1").html
            #expect(!cleared.contains("data-chat=\"web-2\""))
        }
    }

    @Test func hostileTextIsEscapedOnEveryPage() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "jefe", .admin)
            let attack = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"
            try h.database.appendMessage(NewMessage(chatId: "web-x", sender: .user, content: attack))
            _ = try h.database.createProduct(ProductInput(name: "Casco <b>rojo</b>", price: 1000, stock: 1))
            var console = ConsoleClient(h, client)
            try await console.login("jefe")
            for uri in [
                "/consola/conversaciones", "/consola/conversaciones/web-x", "/consola/catalogo?q=casco",
                "/consola/conversaciones?chat=%3Cscript%3E", "/consola/auditoria?usuario=%22%3E%3Cscript%3E",
            ] {
                let page = try await console.page(uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(!page.html.contains("<script>"), "\(uri)")
                #expect(!page.html.contains("<img src=x"), "\(uri)")
                #expect(!page.html.contains("<b>rojo"), "\(uri)")
            }
            let chat = try await console.page("/consola/conversaciones/web-x").html
            #expect(chat.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"))
            // A hostile return path after login is dropped.
            var other = ConsoleClient(h, client)
            let response = try await client.execute(
                uri: "/consola/login", method: .post, headers: ConsoleClient.formHeaders,
                body: ConsoleClient.form([
                    ("nombre", "jefe"), ("clave", "clave-segura-1"), ("siguiente", "//evil.example/"),
                ]))
            #expect(response.headers[.location] == "/consola/conversaciones")
            _ = try await other.login("jefe")
        }
    }

    @Test func aPhotoIsShownFromTheBlobStoreBesideWhatWasReadFromIt() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "ana", .operator)
            let png = Data(
                base64Encoded:
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!
            let blobs = LocalBlobStore(directory: h.blobs.path)
            let key = try blobs.put(png)
            try h.database.appendMessage(
                NewMessage(
                    chatId: "tg:9", sender: .user, kind: .image, content: "[Foto, texto leído]\nEXTINTOR PQS",
                    metadata: .object(["blob": .string(key)])))
            var console = ConsoleClient(h, client)
            try await console.login("ana")
            let page = try await console.page("/consola/conversaciones/tg:9").html
            #expect(page.contains("<img src=\"/consola/blobs/\(key)\""))
            #expect(page.contains("lo que se leyó: [Foto, texto leído]\nEXTINTOR PQS"))
            let image = try await client.execute(
                uri: "/consola/blobs/\(key)", method: .get, headers: console.sessionHeaders)
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/png")
            #expect(try await console.page("/consola/blobs/../../etc/passwd").status == .notFound)
            #expect(try await console.page("/consola/blobs/\(String(repeating: "0", count: 64))").status == .gone)
        }
    }

    @Test func everyPageWeighsUnder150KBAndAssetsAreCachedByVersion() async throws {
        try await CommerceHarness.run { h, client in
            try ConsoleClient.createUser(h, "jefe", .admin)
            for index in 0..<60 {
                try h.database.appendMessage(
                    NewMessage(
                        chatId: "tg:\(index)", sender: .user, content: String(repeating: "texto largo ", count: 30)))
            }
            _ = try h.database.createProduct(ProductInput(name: "Careta de soldar", price: 95000, stock: 2))
            var console = ConsoleClient(h, client)
            try await console.login("jefe")
            let panel = try await console.page("/consola/panel")
            #expect(panel.html.contains("Careta de soldar"))  // low stock, listed as markup
            #expect(panel.html.contains("<li>Careta de soldar"))
            let assets = ConsoleAssets.style.body.utf8.count + ConsoleAssets.script.body.utf8.count
            for uri in [
                "/consola/conversaciones", "/consola/conversaciones/tg:1", "/consola/pedidos", "/consola/catalogo",
                "/consola/clientes", "/consola/exportes", "/consola/panel", "/consola/auditoria",
            ] {
                let page = try await console.page(uri)
                #expect(page.status == .ok, "\(uri)")
                // A list of fragments interpolated as a Swift value would show its description.
                #expect(!page.html.contains("HTML(text:"), "\(uri) shows a Swift value instead of markup")
                #expect(page.html.utf8.count + assets < 150 * 1024, "\(uri): \(page.html.utf8.count + assets) bytes")
            }
            let css = try await client.execute(uri: ConsoleAssets.styleURL, method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let etag = try #require(css.headers[.eTag])
            let again = try await client.execute(
                uri: ConsoleAssets.styleURL, method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
        }
    }
}
