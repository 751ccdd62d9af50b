import Foundation
import Testing

@testable import Assistant
@testable import SpanishText

/// Counts read in their context (seventh round): a price then a count across a comma, a
/// count inside a reason, a bare count after one product named with an article, a removal
/// with its reason after it, and a stock offer refused by "no me sirve" or "quítelo". New
/// phrasings, none from an evaluation set.
@Suite(.serialized) struct CountsInContextTests {
    @Test func aCommaEndsANumberAfterMil() {
        let priced = QuantityParser.mentions(in: Words("la de 45 mil, 3 por favor"))
        #expect(priced.map(\.value) == [45000, 3], "\(priced)")
        // Said in words without a mark, it is one number.
        #expect(SpanishNumber.read(Words("veintitrés mil quinientos"), at: 0)?.value == 23500)
        #expect(SpanishNumber.read(Words("23 mil 500"), at: 0)?.value == 23000)
    }

    @Test func aCountInsideAReasonOrdersNothing() {
        let counts = QuantityFilter.counts(in: Words("necesito 4 de esos porque tenemos cuatro bodegas"))
        #expect(counts.map(\.value) == [4], "\(counts)")
        // A joining word ends the reason: what follows is another request.
        let more = QuantityFilter.counts(in: Words("deme 2 cascos porque somos dos y también 3 guantes"))
        #expect(more.map(\.value) == [2, 3], "\(more)")
        // Bounded and linear: a flood of reasons.
        let flood = Words("2 cascos " + String(repeating: "porque 3 ", count: 5_000))
        #expect(QuantityFilter.counts(in: flood).count == 1)
    }

    /// Tenth round: beside a count, one shared out for each thing ("uno pa cada piso") counts
    /// nothing, nor does the article of a place in the story ("le hablo de una finca").
    @Test func aCountSharedOutOrAPlaceOfTheStoryOrdersNothing() {
        let shared = QuantityFilter.counts(in: Words("mejor que sean 4 botiquines, uno por cada bodega"))
        #expect(shared.map(\.value) == [4], "\(shared)")
        let place = QuantityFilter.counts(in: Words("le escribo de una finca en Rozo, necesito 6 botas"))
        #expect(place.map(\.value) == [6], "\(place)")
        // Alone, "uno por cada…" still counts one.
        #expect(QuantityFilter.counts(in: Words("uno por cada bodega")).map(\.value) == [1])
    }

    /// Tenth round: a count after "con" and its article is what the thing has ("la que tiene
    /// los dos filtros"), not an order.
    @Test func aCountAfterConAndItsArticleIsAFeature() {
        let counts = QuantityFilter.counts(
            in: Words("no ese no, el arnés con las tres argollas en la espalda, mándeme 3"))
        #expect(counts.map(\.value) == [3], "\(counts)")
        // "me colabora con los 5 guantes" names nothing before "con": an order.
        #expect(QuantityFilter.counts(in: Words("me colabora con los 5 guantes")).map(\.value) == [5])
    }

    /// Ninth round (j10): people counted in a story and "un poquito" order nothing.
    @Test func peopleCountedInAStoryOrderNothing() {
        let counts = QuantityFilter.counts(
            in: Words(
                "en la bodega ya se resbalaron tres vecinos y dos niños, vendo de todo un poquito, quiero 4 cintas"))
        #expect(counts.map(\.value) == [4], "\(counts)")
        // For whom it is still counts one for each.
        let each = QuantityFilter.counts(in: Words("unas gafas para cada uno de los 6 estudiantes"))
        #expect(!each.isEmpty, "\(each)")
    }

    @Test func aBareCountAfterAProductNamedWithAnArticleIsItsAmount() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ci1", "3 cascos de seguridad")
        let blanket = try await h.say("ci1", "y una careta de esas para esmerilar, pero necesito 5")
        #expect(blanket.reply.contains("5 × Careta facial"), "\(blanket.reply)")
        #expect(!blanket.reply.contains("8 × Casco"), "\(blanket.reply)")
        await h.tearDown()
    }

    @Test func aRemovalWithItsReasonIsHeardInCheckout() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ci2", "6 conos y 2 vallas plásticas")
        _ = try await h.say("ci2", "eso es todo")
        let removed = try await h.say("ci2", "ay no, quite las vallas que el contratista ya trajo unas")
        #expect(!removed.reply.contains("nombre solo puede"), "\(removed.reply)")
        let cart = try await h.say("ci2", "¿qué llevo?")
        #expect(!cart.reply.contains("Valla"), "\(cart.reply)")
        #expect(cart.reply.contains("6 × Cono"), "\(cart.reply)")
        await h.tearDown()
    }

    /// A removal that resembles a change of quantity ("quíteme uno") takes the line out when
    /// it says no count (tenth round): with its pronoun after the product, or a reason after.
    @Test func aRemovalWithoutACountTakesTheLineOutHoweverItIsSaid() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ci4", "8 conos, 3 vallas plásticas, 4 cintas de peligro y 2 balizas")
        _ = try await h.say("ci4", "las balizas retírelas, mi socio ya compró")
        _ = try await h.say("ci4", "Quíteme las vallas por favor, el ingeniero ya consiguió unas")
        // With a count it is still one less, and so is "one of them".
        _ = try await h.say("ci4", "quíteme dos conos")
        _ = try await h.say("ci4", "sáqueme una de las cintas")
        let cart = try await h.say("ci4", "¿qué llevo?")
        #expect(!cart.reply.contains("Baliza"), "\(cart.reply)")
        #expect(!cart.reply.contains("Valla"), "\(cart.reply)")
        #expect(cart.reply.contains("6 × Cono"), "\(cart.reply)")
        #expect(cart.reply.contains("3 × Cinta"), "\(cart.reply)")
        await h.tearDown()
    }

    @Test func aStockOfferIsRefusedByNoUseOrTakingItOut() async throws {
        #expect(SalesAgent.refusesOutright(Words("si apenas hay 4 no me sirve, quítelo")))
        #expect(SalesAgent.refusesOutright(Words("Olvídelo entonces")))
        #expect(SalesAgent.refusesOutright(Words("sáquelas")))
        // A verb of taking out with its own object names what it takes out: no refusal here.
        #expect(!SalesAgent.refusesOutright(Words("quite los conos")))
        #expect(!SalesAgent.refusesOutright(Words("sí, me sirven las 4")))
        // Hostile: thousands of pieces are looked at up to the bound, without a trap.
        #expect(!SalesAgent.refusesOutright(Words(String(repeating: "bueno, ", count: 5_000) + "no me sirve")))
        let h = try await AgentHarness()
        _ = try await h.say("ci3", "4 cascos de seguridad")
        let offer = try await h.say("ci3", "y 9 detectores de gas")
        #expect(offer.reply.contains("¿Le agrego"), "\(offer.reply)")
        _ = try await h.say("ci3", "Con 3 no hago nada, no me sirve. Quítelo, gracias.")
        let cart = try await h.say("ci3", "¿qué llevo?")
        #expect(!cart.reply.contains("Detector"), "\(cart.reply)")
        await h.tearDown()
    }

    @Test func peopleInTheStoryAndRightAwayCountNothing() {
        let story = QuantityFilter.counts(in: Words("ya se han resbalado tres operarios cargando cajas"))
        #expect(story.isEmpty, "\(story)")
        // For whom it is counts one for each.
        let each = QuantityFilter.counts(in: Words("cascos pa los 5 trabajadores"))
        #expect(each.map(\.value) == [5], "\(each)")
        let soon = QuantityFilter.counts(in: Words("listo, 3 de esas. Y de una 2 señales de salida"))
        #expect(soon.map(\.value) == [3, 2], "\(soon)")
        // "de una" before a product is still one of it.
        #expect(QuantityFilter.counts(in: Words("necesito de una caja")).map(\.value) == [1])
    }
}
