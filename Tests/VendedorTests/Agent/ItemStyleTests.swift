import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Ways of asking for products that the previous held-out set showed (promoted to
/// development on 2026-12-05) and that failed: "N de cada uno", a correction inside the
/// message, "de esos dos", sizes in words, "el de …" after the product, and customers who
/// first say who they are. Every phrasing here is new.
@Suite(.serialized) struct ItemStyleTests {
    @Test func oneAmountForEachProductShown() async throws {
        let h = try await AgentHarness()
        let shown = try await h.say("e1", "¿qué precio tienen el casco dieléctrico y los guantes dieléctricos?")
        #expect(
            shown.reply.contains("Casco dieléctrico") && shown.reply.contains("Guantes dieléctricos"), "\(shown.reply)")
        _ = try await h.say("e1", "bueno, mándeme 2 de cada uno")
        let cart = try await h.say("e1", "¿qué llevo?")
        #expect(
            cart.reply.contains("2 × Casco dieléctrico") && cart.reply.contains("2 × Guantes dieléctricos"),
            "\(cart.reply)")
        _ = try await h.say("e2", "5 chalecos reflectivos y 5 conos")
        let changed = try await h.say("e2", "mejor 8 de cada uno")
        #expect(
            changed.reply.contains("8 × Chaleco reflectivo") && changed.reply.contains("8 × Cono"), "\(changed.reply)")
        let again = try await h.say("e2", "que sean 4 entonces, de cada uno")
        #expect(again.reply.contains("4 × Chaleco reflectivo") && again.reply.contains("4 × Cono"), "\(again.reply)")
        _ = try await h.say("e3", "6 tapabocas N95 y 6 pares de guantes de nitrilo")
        let kept = try await h.say("e3", "de los guantes quíteme uno, que ya tenemos uno en la bodega")
        #expect(kept.reply.contains("5 × Guantes nitrilo"), "\(kept.reply)")
        #expect(SalesAgent.saysEach(Words("3 c/u")) && !SalesAgent.saysEach(Words("cada semana compro 3")))
        await h.tearDown()
    }

    @Test func aRemovalWithTheProductFirst() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("r1", "6 chalecos reflectivos y 4 conos")
        let reply = try await h.say("r1", "y de los chalecos réstele dos")
        #expect(reply.reply.contains("4 × Chaleco reflectivo"), "\(reply.reply)")
        let one = try await h.say("r1", "de los conos de señalización quíteme uno")
        #expect(one.reply.contains("3 × Cono"), "\(one.reply)")
        #expect(MessageTokens("de las gafas de seguridad quíteme una", catalog: []).tokens.last == MessageTokens.number)
        await h.tearDown()
    }

    @Test func aCorrectionInsideTheMessageReplacesTheCount() {
        let items = { (text: String) in ItemExtractor.items(in: Words(text)).map { ($0.quantity, $0.words) } }
        let corrected = items("necesito ocho cascos digo diez cascos blancos")
        #expect(corrected.count == 1 && corrected.first?.0 == 10, "\(corrected)")
        let bare = items("cuatro linternas perdón seis")
        #expect(bare.count == 1 && bare.first?.0 == 6 && bare.first?.1 == ["linternas"], "\(bare)")
        // "o sea" restating another product keeps both.
        #expect(items("dos arneses o sea dos eslingas").count == 2)
    }

    @Test func aNumberAfterEsosCountsNothingBesideACount() {
        let counts = { (text: String) in QuantityFilter.counts(in: Words(text)).map(\.value) }
        #expect(counts("páseme 4 del más liviano de estos dos") == [4])
        #expect(counts("quiero esos dos") == [2])
        #expect(counts("de esos 3 cascos me da 1") == [3, 1])
    }

    @Test func peopleCountedAfterParaAndTheImpersonalUno() {
        let items = { (text: String) in
            ItemExtractor.items(in: Words(text), counts: QuantityFilter.counts(in: Words(text))).map {
                ($0.quantity, $0.words)
            }
        }
        let people = items("overoles antifluido para 6 operarios")
        #expect(people.count == 1 && people[0].0 == 6 && people[0].1 == ["overoles", "antifluido"], "\(people)")
        #expect(QuantityFilter.counts(in: Words("algo para cuando uno suda mucho")).isEmpty)
        #expect(QuantityFilter.counts(in: Words("deme uno de esos")).map(\.value) == [1])
    }

    @Test func sizesInWordsAndDescriptionsAfterTheProduct() {
        #expect(ItemExtractor.sizesInDigits(["extintor", "de", "nueve", "kilos"]) == ["extintor", "de", "9", "kilos"])
        #expect(ItemExtractor.sizesInDigits(["dos", "cascos"]) == ["dos", "cascos"])
        let items = ItemExtractor.items(in: Words("quiero una linterna, la de 3 pilas que alumbra harto"))
        #expect(items.count == 1 && items[0].words.contains("pilas"), "\(items)")
    }

    @Test func whoTheCustomerIsIsNotSearched() async throws {
        let ranges = { (text: String) in SelfDescription.ranges(in: text).map { Array(text)[$0].count } }
        #expect(!ranges("somos una cocina industrial").isEmpty)
        #expect(ranges("tenemos una bodega y necesitamos 4 extintores").count == 1)
        #expect(ranges("estoy buscnado cascos").isEmpty)
        #expect(ranges("soy electricista, me regala unos guantes").isEmpty)
        let h = try await AgentHarness()
        let reply = try await h.say(
            "w1", "Buenas tardes. Somos un taller de soldadura con dos pisos. Necesitamos 3 caretas para esmerilar")
        #expect(!reply.reply.contains("piso mojado"), "\(reply.reply)")
        #expect(reply.reply.contains("3 × Careta"), "\(reply.reply)")
        await h.tearDown()
    }
}
