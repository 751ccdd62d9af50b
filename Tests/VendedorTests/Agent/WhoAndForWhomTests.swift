import Foundation
import Testing

@testable import Assistant
@testable import SpanishText

/// Who the customer is, said in the sentence that asks ("soy Gloria de la droguería San Jorge
/// necesito…"), and for whom a product is ("pa los que arman…", with the "que" the item's
/// words lose) name no product and nothing not carried (tenth round, k-set). New phrasings,
/// none from an evaluation set.
@Suite(.serialized) struct WhoAndForWhomTests {
    @Test(arguments: [
        (
            "Buenas tardes, soy Gloria Patricia del restaurante El Fogón en Cerrito necesito tapabocas desechables x 40",
            "40 × Tapabocas 3 pliegues"
        ),
        (
            "buenas soy Wilmer del taller de motos La 14 en Yumbo necesito guantes de nitrilo x 20",
            "20 × Guantes nitrilo"
        ),
        ("Hola, somos la ferretería El Tornillo de Candelaria quisiéramos 12 cintas de peligro", "12 × Cinta"),
    ])
    func whoTheCustomerIsBeforeTheRequestIsNoPartOfIt(message: String, line: String) async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("w1", message)
        #expect(reply.reply.contains(line), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func forThoseWhoDoSomethingIsNoThingNotCarried() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("w2", "3 cascos de seguridad")
        let reply = try await h.say("w2", "y rodilleras pa los que enchapan pisos, me manda 4")
        #expect(reply.reply.contains("4 × Rodillera industrial"), "\(reply.reply)")
        await h.tearDown()
    }

    /// A question in the next sentence does not describe the item before it ("Mándeme 4
    /// de los dieléctricos. ¿Y tienen el estuche…?"); a "y" in the same sentence still does
    /// ("3 cintas amarillas y negras").
    @Test func aQuestionInTheNextSentenceDescribesNoItem() {
        let asked = Words("mándeme 4 de los dieléctricos. ¿Y tienen el estuche para guardarlos?")
        let items = ItemExtractor.items(in: asked, counts: QuantityFilter.counts(in: asked))
        #expect(items.count == 1 && !(items.first?.words.contains("estuche") ?? true), "\(items)")
        // Hostile ranges (empty, reversed, past the end) are no sentence end, without a trap.
        let characters = Array(asked.original)
        for (first, second) in [(0..<0, 0..<1), (3..<5, 1..<2), (0..<2, asked.count..<(asked.count + 3))] {
            #expect(!ItemExtractor.endsSentence(asked, characters, between: first, and: second))
        }
        #expect(ItemExtractor.endsSentence(asked, characters, between: 0..<5, and: 6..<8))
        let described = Words("3 cintas amarillas y negras")
        let same = ItemExtractor.items(in: described, counts: QuantityFilter.counts(in: described))
        #expect(same.first?.words.contains("negras") == true, "\(same)")
    }

    /// The cut before a verb of asking keeps a question's words ("tengo guantes, ¿cuánto
    /// valen?" is no description up to "cuánto") and is linear (a flood of asking verbs).
    @Test func theDescriptionEndsOnlyAtAVerbOfAsking() {
        #expect(SelfDescription.ranges(in: "tengo guantes cuanto valen").isEmpty)
        let text = "soy de Buga necesito guantes"
        let ranges = SelfDescription.ranges(in: text)
        #expect(ranges.map { String(Array(text)[$0]) } == ["soy de Buga"])
        let flood = "soy de Buga " + String(repeating: "necesito ", count: 20_000)
        #expect(SelfDescription.ranges(in: flood).count == 1)
    }
}
