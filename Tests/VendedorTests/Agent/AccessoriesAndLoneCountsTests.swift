import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the dev sets (issue 22, nineteenth round), tested with new phrasings. Before: "3
/// caretas con su soporte" ordered the caretas only (the soporte was a feature of them); "…,
/// con el soporte también, una" heard the closing "una" as "de una" and went to checkout;
/// "ocho de esas monturas pa' poner la linterna" set the linterna line in the cart to 8.
@Suite(.serialized) struct AccessoriesAndLoneCountsTests {
    static let lexicon = CatalogReading.lexicon
    static let names = [
        "Careta facial", "Montura careta", "Linterna recargable", "Montura linterna", "Extintor PQS 6kg",
        "Gabinete para extintor", "Guantes vaqueta", "Casco de seguridad", "Módulo evacuación",
    ]

    static func read(_ text: String, accessories: Bool = true, cartIsEmpty: Bool = true) -> Reading {
        CatalogReading.read(text, names: names, cartIsEmpty: cartIsEmpty, accessories: accessories)
    }

    @Test func theSynonymsSayWhatAnAccessoryGoesOn() {
        #expect(Self.lexicon.accessories["soporte"] == ["careta", "linterna"], "\(Self.lexicon.accessories)")
        #expect(Self.lexicon.accessories["caja"]?.contains("extintor") == true)
        // A name that opens with its rule's own kind is that product described ("botas de
        // agua", "guantes de carnaza"), no accessory.
        #expect(
            Self.lexicon.accessories["bota"] == nil && Self.lexicon.accessories["guante"] == nil,
            "\(Self.lexicon.accessories)")
    }

    @Test func anAccessoryAfterConIsOnePerProduct() {
        let masks = Self.read("me manda 4 caretas de las transparentes con su soporte").items
        #expect(masks.count == 2, "\(masks)")
        #expect(masks.last?.quantity == 4 && masks.last?.words.contains("soporte") == true, "\(masks)")
        #expect(masks.last?.words.contains("careta") == true, "the soporte of a careta: \(masks)")
        let lamp = Self.read("una linterna, la grande, con el soporte pal casco").items
        #expect(lamp.count == 2 && lamp.last?.quantity == 1, "\(lamp)")
        #expect(lamp.last?.words.contains("linterna") == true, "\(lamp)")
        // "plano de evacuación" names the módulo itself: "evacuación" is no kind of product.
        #expect(Self.read("un módulo de evacuación con el plano").items.count == 1)
        let box = Self.read("2 extintores con la caja").items
        #expect(box.count == 2 && box.last?.quantity == 2 && box.last?.words.contains("caja") == true, "\(box)")
        // Without the map the soporte stays a word of the caretas.
        #expect(Self.read("me manda 4 caretas con su soporte", accessories: false).items.count == 1)
        // An accessory of another product, or a feature, describes the product before.
        #expect(Self.read("3 guantes con su forro").items.count == 1)
        #expect(Self.read("3 guantes con refuerzo").items.count == 1)
    }

    @Test func aLoneArticleAfterAProductIsItsCountNotAYes() {
        let reading = Self.read("ah y una careta, la blanquita, con la correa también, una", cartIsEmpty: false)
        #expect(!reading.acts.contains(.confirm) && !reading.acts.contains(.proceed), "\(reading.acts)")
        #expect(reading.items.contains { $0.words.contains("careta") }, "\(reading.items)")
        // "de una" still says yes.
        #expect(Self.read("de una", cartIsEmpty: false).acts.contains(.confirm))
    }

    /// "Mándeme uno de esos" to "¿cuántas?": the count points at the product shown; a
    /// sentence before it that holds a catalog word ("la vida" of "Línea de vida") is an aside.
    @Test func aCountThatPointsAtTheShownProductTakesNoAside() {
        var context = ReadingContext(
            cartIsEmpty: false, catalogWords: MessageTokens.catalogWords(Self.names + ["Línea de vida"]))
        context.pending = .quantity(productId: 29)
        let reading = CatalogReading.reader.readNow(
            "ay, qué caro, pero la vida no tiene precio. Póngame dos de esas.", context: context)
        #expect(reading.items.count == 1 && reading.items.first?.quantity == 2, "\(reading.items)")
        #expect(reading.items.first?.words.contains("vida") == false, "\(reading.items)")
        // In the same sentence, "de esas" points at the product just said.
        let said = CatalogReading.reader.readNow(
            "y el casco ese blanco de los de obra, cuatro de esos", context: context)
        #expect(said.items.first?.words.contains("casco") == true && said.items.first?.quantity == 4, "\(said.items)")
    }

    /// Hostile sizes (a message is cut at 2,000 characters): the product an accessory goes on
    /// is looked for at most `maxDescribingGap` words before "con".
    @Test func hostileTextAroundAccessories() {
        let filler = Array(repeating: "rojo", count: 300).joined(separator: " ")
        let far = Self.read("2 caretas \(filler) con su soporte").items
        #expect(!far.contains { $0.words.contains("careta") && $0.words.contains("soporte") && $0.words.count <= 3 })
        let many = String(
            String(repeating: "3 caretas con su soporte, ", count: 200).prefix(Understanding.maxMessageCharacters))
        let items = Self.read(many).items
        #expect(items.count <= Understanding.maxItemsPerMessage && !items.isEmpty)
    }

    @Test func aLineIsNamedByTheKindSaidFirstNotByWhatItIsFor() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("a1", "buenas, necesito 10 linternas recargables")
        let reply = try await h.say("a1", "y ocho de esas monturas pa poner la linterna en el casco")
        #expect(
            try CartLineTargetTests.cart(h, "a1") == ["Linterna recargable": 10, "Montura linterna": 8],
            "\(reply.reply)")
        // Another name of the line's product still names the line ("filtros" for cartuchos).
        _ = try await h.say("a3", "me manda 10 cartuchos ABEK")
        let fixed = try await h.say("a3", "no, de los filtros abek pa gases y vapores son 4")
        #expect(try CartLineTargetTests.cart(h, "a3") == ["Cartucho ABEK": 4], "\(fixed.reply)")
        _ = try await h.say("a2", "quiero 2 caretas faciales con su soporte")
        #expect(try CartLineTargetTests.cart(h, "a2") == ["Careta facial": 2, "Montura careta": 2])
        await h.tearDown()
    }
}
