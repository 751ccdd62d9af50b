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

    @Test func aLineIsReplacedByAnotherProduct() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("q5", "necesito 12 guantes de nitrilo y 2 batas de laboratorio")
        let swapped = try await h.say("q5", "me equivoqué, cámbieme los de nitrilo por 30 de látex")
        #expect(swapped.reply.contains("30 × Guantes latex"), "\(swapped.reply)")
        let cart = try await h.say("q5", "¿qué llevo?")
        #expect(!cart.reply.contains("nitrilo") && cart.reply.contains("2 × Bata"), "\(cart.reply)")
        // Without a count, the line's count goes to the new product.
        _ = try await h.say("q6", "5 conos de señalización")
        let kept = try await h.say("q6", "cambie los conos por vallas plásticas")
        #expect(kept.reply.contains("5 × Valla"), "\(kept.reply)")
        // Hostile: a long run of "por" after the verb is bounded and changes nothing.
        let long = try await h.say("q6", "cambie " + String(repeating: "por ", count: 400) + "guantes")
        #expect(!long.reply.isEmpty)
        let after = try await h.say("q6", "¿qué llevo?")
        #expect(after.reply.contains("5 × Valla"), "\(after.reply)")
        // Hostile: "por" far after the verb (past `maxReplaceWords`) replaces nothing.
        let far = try await h.say(
            "q6", "cambie las vallas que le dije ayer en la mañana cuando hablamos por teléfono por cinta barricada")
        #expect(!far.reply.contains("Quité"), "\(far.reply)")
        await h.tearDown()
    }

    @Test func dataInCheckoutChangeNoLine() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("q7", "3 batas de laboratorio")
        _ = try await h.say("q7", "eso es todo")
        let block = try await h.say(
            "q7",
            "Lina Ocampo\n52.331.908\n3176549012\nlina.ocampo@example.com\n"
                + "Carrera 4 # 18-30, bloque 2, laboratorio 105\nSan Pedro")
        #expect(!block.reply.contains("105 ×") && !block.reply.contains("ahora lleva"), "\(block.reply)")
        let note = try await h.say("q7", "subir al segundo piso, al laboratorio de suelos")
        #expect(!note.reply.contains("ahora lleva"), "\(note.reply)")
        #expect(note.reply.contains("3 × Bata"), "\(note.reply)")
        await h.tearDown()
    }

    /// Before, "la careta" alone (near the example "quite la {linterna}") took the line out.
    @Test func aProductNamedAloneRemovesNothing() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("q8", "2 linternas recargables y 3 conos de señalización")
        let named = try await h.say("q8", "la linterna")
        #expect(!named.reply.contains("Quité"), "\(named.reply)")
        let removed = try await h.say("q8", "quite la linterna")
        #expect(removed.reply.contains("Quité"), "\(removed.reply)")
        await h.tearDown()
    }

    /// Fifth round: an open "¿cuál prefiere para las 5?" followed by another product lost the
    /// five units; now the option ranked first is taken and said, as at the go-ahead.
    @Test func anotherProductSettlesTheOpenChoice() async throws {
        let h = try await AgentHarness()
        let asked = try await h.say("q9", "necesito 5 fajas")
        try #require(asked.reply.contains("¿Cuál prefiere"), "\(asked.reply)")
        let next = try await h.say("q9", "y 2 botiquines portátiles")
        #expect(next.reply.contains("2 × Botiquín"), "\(next.reply)")
        let lines = try h.database.dialogue(chatId: h.stored("q9"))?.cart.lines ?? []
        #expect(lines.contains { $0.name.hasPrefix("Faja") && $0.quantity == 5 }, "\(lines)")
        await h.tearDown()
    }
}
