import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// "¿Cuántas unidades necesita?" answered with the go-ahead, a count said after the product's
/// name, and the words that lead into an address (issue 22, fourth round). Before, "ya nada
/// más" after the question asked it again for ever and the data that followed were noted but
/// no order could be placed; "el botiquín, uno" was read as a removal. New phrasings.
@Suite(.serialized) struct UnansweredCountTests {
    @Test func theGoAheadAfterHowManyTakesOneAndGoesOn() async throws {
        let h = try await AgentHarness()
        let asked = try await h.say("q1", "¿tienen linternas recargables?")
        #expect(asked.reply.contains("¿Cuántas"), "\(asked.reply)")
        let onward = try await h.say("q1", "bueno, con eso estamos")
        #expect(onward.reply.contains("le anoté 1 unidad"), "\(onward.reply)")
        #expect(onward.reply.contains("nombre completo"), "\(onward.reply)")
        _ = try await h.say(
            "q1", "Nubia Castaño, cc 41.222.876, cel 3014448899, no tengo correo, Calle 12 # 4-40, barrio Obrero")
        _ = try await h.say("q1", "ninguna")
        _ = try await h.say("q1", "sí")
        let order = try #require(try h.orders(chatId: "q1").first)
        #expect(order.items.map(\.quantity) == [1])
        await h.tearDown()
    }

    @Test func aNoAfterHowManyAddsNothing() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("q2", "¿cuánto vale la linterna recargable?")
        let no = try await h.say("q2", "no, gracias, eso es todo")
        #expect(!no.reply.contains("le anoté"), "\(no.reply)")
        await h.tearDown()
    }

    @Test func aCountAfterTheProductsNameIsTheCount() async throws {
        let h = try await AgentHarness()
        let one = try await h.say("q3", "el botiquín, uno")
        #expect(one.reply.contains("1 × Botiquín"), "\(one.reply)")
        let other = try await h.say("q4", "la linterna recargable, una")
        #expect(other.reply.contains("1 × Linterna"), "\(other.reply)")
        await h.tearDown()
    }

    @Test func aDeliveryVerbBeforeTheAddressIsNoNote() {
        let data = CheckoutFieldExtractor.extract(
            "Mándenlo a la Carrera 9 # 14-22, barrio Guayaquil. Recibe don Efraín", requested: .address)
        #expect(data.values[.address] == "Carrera 9 # 14-22")
        #expect(data.values[.notes] == "Recibe don Efraín")
        // A name right before the address is still the name.
        let named = CheckoutFieldExtractor.extract("Efraín Mosquera Calle 3 # 2-10", requested: .name)
        #expect(named.values[.name] == "Efraín Mosquera")
        let condo = CheckoutFieldExtractor.extract(
            "Km 5 vía Jamundí, Condominio Los Samanes casa 9", requested: .address)
        #expect(condo.values[.address] == "Km 5 vía Jamundí, Condominio Los Samanes casa 9")
    }
}
