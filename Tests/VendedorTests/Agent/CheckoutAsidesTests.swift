import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Checkout answers with something beside them (seventh round): a note with a question after
/// it, a yes to the stored data with the one field that changed, the cart read back with the
/// go-ahead. New phrasings, none from an evaluation set.
@Suite(.serialized) struct CheckoutAsidesTests {
    static let client = ClientDetails(
        idNumber: "71846293", name: "Wilson Arboleda Cuesta", phone: "3145550192", email: "warboleda@example.com",
        address: "Carrera 44 # 18-07", neighborhood: "Colón", notes: nil)

    static func toNotes(_ h: AgentHarness, _ chat: String) async throws {
        _ = try await h.say(chat, "2 linternas recargables")
        _ = try await h.say(chat, "eso es todo")
        _ = try await h.say(
            chat, "Nubia Esther Palacios, CC 43.921.775, cel 3187774411, sin correo, Calle 12 # 4-30, barrio Obrero")
    }

    @Test func aNoteBeforeAQuestionIsTaken() async throws {
        let h = try await AgentHarness()
        try await Self.toNotes(h, "ca1")
        let reply = try await h.say("ca1", "Dejar con el celador de la entrada. ¿Ustedes entregan los sábados?")
        #expect(reply.reply.contains("Indicaciones: Dejar con el celador de la entrada"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aYesWithTheFieldThatChangedKeepsTheRest() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.client)
        _ = try await h.say("ca2", "3 chalecos reflectivos")
        _ = try await h.say("ca2", "listo, ya")
        let offer = try await h.say("ca2", "71.846.293")
        #expect(offer.reply.contains("terminado en 0192"), "\(offer.reply)")
        let summary = try await h.say("ca2", "sí pero cambié de número, el nuevo es 3009871234")
        #expect(summary.reply.contains("resumen"), "\(summary.reply)")
        _ = try await h.say("ca2", "confirmo")
        let order = try #require(try h.orders(chatId: "ca2").first)
        #expect(order.client.phone == "3009871234")
        #expect(order.client.address == "Carrera 44 # 18-07")
        await h.tearDown()
    }

    @Test func theCartReadBackWithTheGoAheadOrdersNothingMore() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ca3", "8 tapaoídos desechables y 4 gafas antiempañantes")
        let closing = try await h.say("ca3", "ok, 8 tapaoídos y las 4 gafas, con eso es todo")
        #expect(!closing.reply.contains("16 ×") && !closing.reply.contains("ahora lleva"), "\(closing.reply)")
        let cart = try await h.say("ca3", "¿qué llevo?")
        #expect(cart.reply.contains("8 × Tapaoídos"), "\(cart.reply)")
        await h.tearDown()
    }

    @Test func theStatementBeforeAQuestionIsBounded() {
        #expect(SalesAgent.statementBeforeQuestion("Timbrar duro. ¿Llegan hoy?") == "Timbrar duro")
        #expect(SalesAgent.statementBeforeQuestion("¿Llegan hoy?") == nil)
        #expect(SalesAgent.statementBeforeQuestion("llegan hoy?") == nil)
        let long = String(repeating: "a ", count: 5_000) + "?"
        #expect(SalesAgent.statementBeforeQuestion(long) == nil)
    }
}

extension CheckoutAsidesTests {
    @Test func aLineReadBackInTheAnswerToAStockOfferStays() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ca4", "necesito 5 trajes químicos y 8 pares de guantes de nitrilo")
        let answer = try await h.say("ca4", "bueno, los trajes que haya; los guantes sí, los 8")
        #expect(!answer.reply.contains("16 ×"), "\(answer.reply)")
        let cart = try await h.say("ca4", "¿qué llevo?")
        #expect(cart.reply.contains("8 × Guantes nitrilo"), "\(cart.reply)")
        await h.tearDown()
    }

    @Test func theAmountReplacedCountsNothingAndASwapBesideAQuestionSwaps() async throws {
        #expect(QuantityFilter.counts(in: Words("póngame 7 conos en vez de 5")).map(\.value) == [7])
        #expect(QuantityFilter.counts(in: Words("mejor 2 en lugar de 4")).map(\.value) == [2])
        let h = try await AgentHarness()
        _ = try await h.say("ca5", "4 cascos de seguridad")
        let swap = try await h.say("ca5", "¿el dieléctrico en cuánto está? Cámbielos por los dieléctricos, los 4")
        #expect(swap.reply.contains("4 × Casco dieléctrico"), "\(swap.reply)")
        await h.tearDown()
    }
}
