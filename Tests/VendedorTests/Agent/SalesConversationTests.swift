import Core
import Foundation
import Testing

@Suite("Sales conversations through the reply worker (Redis, workers, SQLite)", .serialized)
struct SalesConversationTests {
    static let datos =
        "Ana María Gómez, cc 1.107.654.321, cel 318 284 2304, ana@example.com, Calle 5 # 38-21, barrio San Fernando, entregar en portería"

    @Test func everyLineIsOrderedAtCatalogPricesAndTheTotalIsTheOrders() async throws {
        let h = try await AgentHarness()
        let first = try await h.say("c1", "quiero 10 pares de guantes de vaqueta y 5 chalecos reflectivos")
        #expect(first.respuesta.contains("10 × Guantes vaqueta"))
        #expect(first.respuesta.contains("5 × Chaleco reflectivo"))
        #expect(first.productos.contains(35) && first.productos.contains(48))
        let summary = try await h.say("c1", Self.datos)
        #expect(summary.respuesta.contains("Total: $213.000"))
        #expect(summary.pedido_id == nil)
        let placed = try await h.say("c1", "sí, confirmo")
        let pedido = try #require(try h.orders(chatId: "c1").first)
        #expect(placed.pedido_id == pedido.id)
        #expect(placed.respuesta.contains("#\(pedido.id)") && placed.respuesta.contains("$213.000"))
        #expect(pedido.items.map(\.productoId) == [35, 48])
        #expect(pedido.items.map(\.cantidad) == [10, 5])
        #expect(pedido.items.map(\.precioUnitario) == [15800, 11000])
        #expect(pedido.total == 213_000)
        #expect(pedido.cliente.cedula == "1107654321" && pedido.cliente.indicaciones == "entregar en portería")
        // A new purchase in the same chat starts with an empty cart.
        let after = try await h.say("c1", "qué llevo?")
        #expect(!after.respuesta.contains("Guantes vaqueta"))
        await h.tearDown()
    }

    @Test func theStockIsNeverExceeded() async throws {
        let h = try await AgentHarness()
        let asked = try await h.say("s1", "necesito 200 tapabocas N95")
        #expect(asked.respuesta.contains("solo tenemos 42"))
        #expect(asked.respuesta.contains("Tapabocas 3 pliegues"), "ofrece una alternativa con existencias")
        let cart = try await h.say("s1", "¿qué llevo?")
        #expect(!cart.respuesta.contains("Tapabocas N95 —"), "no agregó nada sin preguntar")
        #expect(try await h.say("s1", "sí").respuesta.contains("42 × Tapabocas N95"))
        let more = try await h.say("s1", "agregue 5 tapabocas N95 más")
        #expect(more.respuesta.contains("ya tiene en su pedido todas las unidades"))
        // Someone else buys 40 meanwhile: the confirmed order is refused, the cart shrinks
        // to what is left, and the next confirmation places exactly that.
        _ = try await h.say("s1", "eso es todo")
        _ = try await h.say("s1", Self.datos)
        _ = try h.database.updateProduct(id: 30, ProductoCambios(stock: 2))
        let refused = try await h.say("s1", "sí")
        #expect(refused.pedido_id == nil)
        #expect(refused.respuesta.contains("No pude registrar el pedido"))
        #expect(refused.respuesta.contains("2 × Tapabocas N95"))
        let placed = try await h.say("s1", "sí")
        let pedido = try #require(try h.orders(chatId: "s1").first)
        #expect(placed.pedido_id == pedido.id)
        #expect(pedido.items.map(\.cantidad) == [2])
        #expect(try h.database.product(id: 30)?.stock == 0)
        await h.tearDown()
    }

    @Test func wordsMatchOnlyWhole() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("w1", "quiero 2 cascos dieléctricos")
        // "sistema" contains "si": it is a question about alarms, not a yes.
        let reply = try await h.say("w1", "¿tienen sistema de alarma?")
        #expect(!reply.respuesta.contains("Para el despacho"))
        #expect(reply.respuesta.contains("Alarma sonora"))
        #expect(reply.productos.first == 57)
        await h.tearDown()
    }

    @Test func companyQuestionsAreAnsweredFromTheCompanyText() async throws {
        let h = try await AgentHarness()
        _ = try h.database.replaceCompanyContext(
            "# Ferretería La Prueba\n\n## Envíos\n- Despachamos a todo el Valle en 24 horas.\n\n## Contacto\n- Teléfono: 602 555 0000."
        )
        let envios = try await h.say("e1", "¿hacen envíos a Palmira?")
        #expect(envios.respuesta.contains("Despachamos a todo el Valle en 24 horas."))
        #expect(envios.productos.isEmpty)
        let horario = try await h.say("e1", "¿qué horario tienen?")
        #expect(horario.respuesta.contains("No tengo ese dato"))
        #expect(horario.respuesta.contains("602 555 0000"))
        #expect(try await h.say("e1", "hola").respuesta.contains("Ferretería La Prueba"))
        await h.tearDown()
    }

    @Test func checkoutSlotsInAnyOrderValidatedAndQuestionsDoNotCorruptThem() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("k1", "3 señales de salida")
        let start = try await h.say("k1", "eso es todo")
        #expect(start.respuesta.contains("Para el despacho necesito"))
        let invalid = try await h.say("k1", "cel 31045, cédula 12")
        #expect(invalid.respuesta.contains("La cédula debe tener entre 6 y 10 dígitos."))
        #expect(invalid.respuesta.contains("El teléfono debe ser un celular"))
        let question = try await h.say("k1", "¿cuánto vale el casco dieléctrico?")
        #expect(question.respuesta.contains("$39.000"))
        #expect(question.respuesta.contains("Sigamos con su pedido"))
        _ = try await h.say("k1", "soy Pedro Pérez, mi cédula es 94.456.123")
        let plain = try await h.say("k1", "3001234567")
        #expect(plain.respuesta.contains("correo"))
        _ = try await h.say("k1", "no tengo correo")
        _ = try await h.say("k1", "Av 6N # 23-45")
        _ = try await h.say("k1", "Granada")
        let summary = try await h.say("k1", "no")
        #expect(summary.respuesta.contains("Nombre: Pedro Pérez"))
        #expect(summary.respuesta.contains("Cédula: 94456123"))
        #expect(summary.respuesta.contains("Celular: 3001234567"))
        #expect(summary.respuesta.contains("Dirección: Av 6N # 23-45, barrio Granada"))
        #expect(!summary.respuesta.contains("Correo:"))
        await h.tearDown()
    }

    @Test func aReturningClientIsOfferedTheStoredData() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(
            ClienteDatos(
                cedula: "29876543", nombre: "Gloria Inés Patiño", telefono: "3005551234", correo: "gloria@example.com",
                direccion: "Calle 9 # 45-12", barrio: "El Refugio"))
        _ = try await h.say("r1", "2 arneses de seguridad")
        _ = try await h.say("r1", "listo")
        let offer = try await h.say("r1", "CC 29.876.543")
        #expect(offer.respuesta.contains("Gloria Inés Patiño") && offer.respuesta.contains("¿Los usamos"))
        let summary = try await h.say("r1", "sí, pero el barrio ahora es El Limonar")
        #expect(summary.respuesta.contains("Dirección: Calle 9 # 45-12, barrio El Limonar"))
        _ = try await h.say("r1", "sí")
        #expect(try h.orders(chatId: "r1").first?.cliente.barrio == "El Limonar")
        await h.tearDown()
    }

    @Test func cancellingEmptiesTheCartAndPlacesNothing() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("x1", "2 extintores de 9 kilos")
        _ = try await h.say("x1", "eso es todo")
        let cancelled = try await h.say("x1", "cancela todo")
        #expect(cancelled.respuesta.contains("cancelé su pedido"))
        #expect(try await h.say("x1", "¿qué llevo?").respuesta.contains("Su pedido") == false)
        #expect(try h.orders(chatId: "x1").isEmpty)
        await h.tearDown()
    }
}
