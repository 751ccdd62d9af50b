import Foundation
import Testing

@testable import Shop

@Suite("Sales conversations through the reply worker (Redis, workers, SQLite)", .serialized)
struct SalesConversationTests {
    static let details =
        "Ana María Gómez, cc 1.107.654.321, cel 318 284 2304, ana@example.com, Calle 5 # 38-21, barrio San Fernando, entregar en portería"

    @Test func everyLineIsOrderedAtCatalogPricesAndTheTotalIsTheOrders() async throws {
        let h = try await AgentHarness()
        let first = try await h.say("c1", "quiero 10 pares de guantes de vaqueta y 5 chalecos reflectivos")
        #expect(first.reply.contains("10 × Guantes vaqueta"))
        #expect(first.reply.contains("5 × Chaleco reflectivo"))
        #expect(first.products.contains(35) && first.products.contains(48))
        let summary = try await h.say("c1", Self.details)
        #expect(summary.reply.contains("Total: $213.000"))
        #expect(summary.orderId == nil)
        let placed = try await h.say("c1", "sí, confirmo")
        let order = try #require(try h.orders(chatId: "c1").first)
        #expect(placed.orderId == order.id)
        #expect(placed.reply.contains("#\(order.id)") && placed.reply.contains("$213.000"))
        #expect(order.items.map(\.productId) == [35, 48])
        #expect(order.items.map(\.quantity) == [10, 5])
        #expect(order.items.map(\.unitPrice) == [15800, 11000])
        #expect(order.total == 213_000)
        #expect(order.client.idNumber == "1107654321" && order.client.notes == "entregar en portería")
        // A new purchase in the same chat starts with an empty cart.
        let after = try await h.say("c1", "qué llevo?")
        #expect(!after.reply.contains("Guantes vaqueta"))
        await h.tearDown()
    }

    @Test func theStockIsNeverExceeded() async throws {
        let h = try await AgentHarness()
        let asked = try await h.say("s1", "necesito 200 tapabocas N95")
        #expect(asked.reply.contains("solo tenemos 42"))
        #expect(asked.reply.contains("Tapabocas 3 pliegues"), "ofrece una alternativa con existencias")
        let cart = try await h.say("s1", "¿qué llevo?")
        #expect(!cart.reply.contains("Tapabocas N95 —"), "no agregó nada sin preguntar")
        #expect(try await h.say("s1", "sí").reply.contains("42 × Tapabocas N95"))
        let more = try await h.say("s1", "agregue 5 tapabocas N95 más")
        #expect(more.reply.contains("ya tiene en su pedido todas las unidades"))
        // Someone else buys 40 meanwhile: the confirmed order is refused, the cart shrinks
        // to what is left, and the next confirmation places exactly that.
        _ = try await h.say("s1", "eso es todo")
        _ = try await h.say("s1", Self.details)
        _ = try h.database.updateProduct(id: 30, ProductChanges(stock: 2))
        let refused = try await h.say("s1", "sí")
        #expect(refused.orderId == nil)
        #expect(refused.reply.contains("No pude registrar el pedido"))
        #expect(refused.reply.contains("2 × Tapabocas N95"))
        let placed = try await h.say("s1", "sí")
        let order = try #require(try h.orders(chatId: "s1").first)
        #expect(placed.orderId == order.id)
        #expect(order.items.map(\.quantity) == [2])
        #expect(try h.database.product(id: 30)?.stock == 0)
        await h.tearDown()
    }

    @Test func wordsMatchOnlyWhole() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("w1", "quiero 2 cascos dieléctricos")
        // "sistema" contains "si": it is a question about alarms, not a yes.
        let reply = try await h.say("w1", "¿tienen sistema de alarma?")
        #expect(!reply.reply.contains("Para el despacho"))
        #expect(reply.reply.contains("Alarma sonora"))
        #expect(reply.products.first == 57)
        await h.tearDown()
    }

    @Test func companyQuestionsAreAnsweredFromTheCompanyText() async throws {
        let h = try await AgentHarness()
        _ = try h.database.replaceCompanyContext(
            "# Ferretería La Prueba\n\n## Envíos\n- Despachamos a todo el Valle en 24 horas.\n\n## Contacto\n- Teléfono: 602 555 0000."
        )
        let shipping = try await h.say("e1", "¿hacen envíos a Palmira?")
        #expect(shipping.reply.contains("Despachamos a todo el Valle en 24 horas."))
        #expect(shipping.products.isEmpty)
        let hours = try await h.say("e1", "¿qué horario tienen?")
        #expect(hours.reply.contains("No tengo ese dato"))
        #expect(hours.reply.contains("602 555 0000"))
        #expect(try await h.say("e1", "hola").reply.contains("Ferretería La Prueba"))
        await h.tearDown()
    }

    @Test func checkoutSlotsInAnyOrderValidatedAndQuestionsDoNotCorruptThem() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("k1", "3 señales de salida")
        let start = try await h.say("k1", "eso es todo")
        #expect(start.reply.contains("Para el despacho necesito"))
        let invalid = try await h.say("k1", "cel 31045, cédula 12")
        #expect(invalid.reply.contains("La cédula debe tener entre 6 y 10 dígitos."))
        #expect(invalid.reply.contains("El teléfono debe ser un celular"))
        let question = try await h.say("k1", "¿cuánto vale el casco dieléctrico?")
        #expect(question.reply.contains("$39.000"))
        #expect(question.reply.contains("Sigamos con su pedido"))
        _ = try await h.say("k1", "soy Pedro Pérez, mi cédula es 94.456.123")
        let plain = try await h.say("k1", "3001234567")
        #expect(plain.reply.contains("correo"))
        _ = try await h.say("k1", "no tengo correo")
        _ = try await h.say("k1", "Av 6N # 23-45")
        _ = try await h.say("k1", "Granada")
        let summary = try await h.say("k1", "no")
        #expect(summary.reply.contains("Nombre: Pedro Pérez"))
        #expect(summary.reply.contains("Cédula: 94456123"))
        #expect(summary.reply.contains("Celular: 3001234567"))
        #expect(summary.reply.contains("Dirección: Av 6N # 23-45, barrio Granada"))
        #expect(!summary.reply.contains("Correo:"))
        await h.tearDown()
    }

    @Test func cancellingEmptiesTheCartAndPlacesNothing() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("x1", "2 extintores de 9 kilos")
        _ = try await h.say("x1", "eso es todo")
        let cancelled = try await h.say("x1", "cancela todo")
        #expect(cancelled.reply.contains("cancelé su pedido"))
        #expect(try await h.say("x1", "¿qué llevo?").reply.contains("Su pedido") == false)
        #expect(try h.orders(chatId: "x1").isEmpty)
        await h.tearDown()
    }
}
