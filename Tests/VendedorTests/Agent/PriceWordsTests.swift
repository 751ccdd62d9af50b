import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// A price said to tell which product ("las sencillas que salen a 500"), words after a comma
/// that keep describing it, and the go-ahead said with a question about the shop (issue 22,
/// fifth round). Before, "500" was ordered as 500 units of something else, and "eso es todo.
/// ¿Hacen envíos…?" answered the question but never started the checkout, so the name that
/// followed was searched as a product. New phrasings.
@Suite(.serialized) struct PriceWordsTests {
    @Test func aNumberAfterAPriceVerbIsAPrice() {
        let said = QuantityParser.mentions(in: Words("las sencillas que salen a 500, unas 30"))
        #expect(said.filter { $0.kind == .count }.map(\.value) == [30])
        #expect(said.filter { $0.kind == .price }.map(\.value) == [500])
        #expect(QuantityParser.counts(in: Words("los que cuestan 1.900")).isEmpty)
        // A product after the number: it is counted ("¿cuánto valen 10 guantes?").
        #expect(QuantityParser.counts(in: Words("cuánto valen 10 guantes")).map(\.value) == [10])
        // Small numbers are no prices ("cuestan 3").
        #expect(QuantityParser.counts(in: Words("si cuestan 3")).map(\.value) == [3])
        // A line of a list is no count either ("retiren la línea 4"); lines of life are.
        #expect(QuantityParser.counts(in: Words("retiren la línea 4 (gafas)")).isEmpty)
        #expect(QuantityParser.counts(in: Words("2 líneas de vida")).map(\.value) == [2])
    }

    @Test func thePriceSaidPicksAmongTheProductsNamed() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("pw1", "necesito tapabocas, de los sencillos, los que salen a 500, unos 30")
        #expect(reply.reply.contains("30 × Tapabocas 3 pliegues"), "\(reply.reply)")
        #expect(!reply.reply.contains("500 unidades") && !reply.reply.contains("pidió 500"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func wordsAfterACommaKeepDescribingTheProduct() async throws {
        let h = try await AgentHarness()
        // A new sentence after the product is no description of it.
        let story = try await h.say(
            "pw2", "Mi sobrino necesita unas botas dieléctricas talla 40. Antes eso no se pedía. ¿Son de buena calidad?"
        )
        #expect(story.reply.contains("Botas dieléctricas"), "\(story.reply)")
        // Hostile: thousands of comma pieces after a product, each naming no kind.
        let words = Words("necesito tapabocas" + String(repeating: ", de los sencillos", count: 3_000) + ", unos 30")
        let items = ItemExtractor.items(
            in: words, counts: QuantityParser.counts(in: words), isHead: { $0 == "tapabocas" })
        #expect(items.count == 1 && items.first?.quantity == 30, "\(items.map(\.quantity))")
        // The words that keep describing lie at most `maxDescribingGap` words after the
        // product: eight words of commas apart, they describe nothing.
        let far = Words("tapabocas, a, b, c, d, e, f, g, h, los blancos")
        let chars = Array(far.original)
        #expect(ItemExtractor.onlyComma(far, chars, between: 0..<1, and: 5..<7))
        #expect(!ItemExtractor.onlyComma(far, chars, between: 0..<1, and: 9..<11))
        // Not across a sentence.
        let split = Words("tapabocas. los blancos")
        #expect(!ItemExtractor.onlyComma(split, Array(split.original), between: 0..<1, and: 1..<3))
        await h.tearDown()
    }

    @Test func theGoAheadWithAQuestionAboutTheShopStartsTheCheckout() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("pw3", "necesito 3 conos de señalización")
        let reply = try await h.say("pw3", "listo, con eso es suficiente. ¿Ustedes mandan a Palmira?")
        #expect(reply.reply.contains("nombre completo"), "\(reply.reply)")
        let name = try await h.say("pw3", "Rubiela Ocampo Giraldo")
        #expect(!name.reply.contains("no lo manejamos"), "\(name.reply)")
        #expect(name.reply.contains("cédula"), "\(name.reply)")
        await h.tearDown()
    }
}
