import Foundation
import SpanishText
import Testing

@testable import Assistant
@testable import Shop

/// What a line change or a count refers to: the question the agent asked ("¿cuántas?")
/// before the line touched last; the product named before "para", not what it is for; a
/// feature's count ("con dos filtros") is no order; a unit typed in a hurry ("9 kiloss") is
/// a size. Each failed before with the order going to the wrong product.
@Suite(.serialized) struct CartLineTargetTests {
    static func cart(_ h: AgentHarness, _ chatId: String) throws -> [String: Int] {
        let lines = try h.database.dialogue(chatId: h.stored(chatId))?.cart.lines ?? []
        return Dictionary(lines.map { ($0.name, $0.quantity) }, uniquingKeysWith: +)
    }

    @Test func unitsTypedInAHurryAreStillUnits() {
        for word in ["kiloss", "klios", "kilos", "litors", "libraas"] {
            #expect(CommonWords.isMeasureUnit(word), "\(word)")
        }
        for word in ["cascos", "kits", "pares", "unidades"] {
            #expect(!CommonWords.isMeasureUnit(word), "\(word)")
        }
        let counts = QuantityFilter.counts(in: Words("diez extintores de polvo de 6 klios"))
        #expect(counts.map(\.value) == [10])
    }

    /// The paths this change added to the reader (counted phrases, features after "con",
    /// hurried units, segments after "y", line lists) on hostile text: a message at the cap
    /// made of them, huge numbers, a word of ten thousand letters.
    @Test func hostileTextThroughTheNewReadingPaths() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        var context = ReadingContext(
            cartIsEmpty: false,
            catalogWords: MessageTokens.catalogWords(["Respirador doble filtro", "Extintor PQS 9kg"]))
        context.otherNames = MessageTokens.catalogWords(["mascara", "portacarnet"])
        let unit =
            "- un par y me dice cuánto, x99999999999999999999 kiloss de máscaras con 999999999999 filtros y portacarnets: 7\n"
        let text = String(String(repeating: unit, count: 200).prefix(Understanding.maxMessageCharacters))
        let reading = reader.readNow(text, context: context)
        #expect(reading.items.count <= Understanding.maxItemsPerMessage)
        #expect(reading.items.allSatisfy { ($0.quantity ?? 1) <= QuantityFilter.maxQuantity && ($0.quantity ?? 1) > 0 })
        let long = String(repeating: "k", count: 10_000) + "ilos"
        #expect(!CommonWords.isMeasureUnit(long))
        #expect(MessageTokens("un par " + long).tokens.first == MessageTokens.number)
    }

    @Test func aFeaturesCountAfterAProductNameIsNoOrder() {
        let catalog = MessageTokens.catalogWords(["Respirador doble filtro", "Filtro HEPA"])
        let words = Words("manejan respiradores de media cara con dos filtros?")
        #expect(QuantityFilter.counts(in: words, isProduct: { catalog.contains($0) }).isEmpty)
        // "me colabora con 5 guantes": nothing named before "con", the 5 is the order.
        let order = Words("me colabora con 5 guantes")
        #expect(QuantityFilter.counts(in: order, isProduct: { catalog.contains($0) }).map(\.value) == [5])
    }

    @Test func aListOfCountsIsAnOrderAndAProductAfterYTakesTheCountAfterIt() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        let context = ReadingContext(
            catalogWords: MessageTokens.catalogWords(["Cascos auditivos", "Botiquín portátil", "Guantes latex"]))
        let list = reader.readNow(
            "necesito lo siguiente:\n- 1 orejera de copa\n- un botiquín con insumos básicos\n- 2 unidades de guantes de látex",
            context: context)
        #expect(list.items.map(\.action) == [.add, .add, .add], "\(list.items)")
        #expect(list.items.map(\.quantity) == [1, 1, 2], "\(list.items)")
        // A description after "y" becomes an item of its own when a count alone follows it.
        let text = Words("me regala 7 pares de botas dielectricas y mapas de evacuacion: 8")
        let items = ItemExtractor.items(in: text, counts: QuantityFilter.counts(in: text))
        #expect(items.map(\.quantity) == [7, 8], "\(items)")
        #expect(items.last?.words.first == "mapas", "\(items)")
        // "un par" answers "¿cuántas?"; "por favor" after it is no "favor" of "un favor".
        #expect(QuantityFilter.counts(in: Words("ok, un par por favor")).map(\.pairs) == [true])
        #expect(QuantityFilter.counts(in: Words("reciban un cordial saludo")).isEmpty)
    }

    @Test func theOpenQuestionAndTheNamedProductTakeTheCount() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("t1", "Solicito un extintor ABC de 6 kg, por favor.")
        let shown = try await h.say("t1", "busco fundas para tapabocas")
        #expect(shown.reply.contains("¿Cuántas unidades"), "\(shown.reply)")
        let answer = try await h.say("t1", "una, camine pues")
        #expect(try Self.cart(h, "t1") == ["Extintor PQS 6kg": 1, "Funda mascarilla": 1], "\(answer.reply)")

        _ = try await h.say("t2", "me regala 1 extintor de polvo de 9 kiloss")
        let more = try await h.say("t2", "súmele 17 válvulas para extintor")
        #expect(try Self.cart(h, "t2") == ["Extintor PQS 9kg": 1, "Válvula escape": 17], "\(more.reply)")
        await h.tearDown()
    }
}

/// "mejor que sea el de 9 kilos" after one extinguisher: the line is swapped for the
/// variant named, its quantity kept (dev dialogue c85, known failure before).
@Suite(.serialized) struct LineSwapTests {
    @Test func aPreferredVariantReplacesTheLineTouchedLast() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("s1", "quiero 3 guantes de vaqueta")
        let swapped = try await h.say("s1", "más bien los de nitrilo")
        #expect(try CartLineTargetTests.cart(h, "s1") == ["Guantes nitrilo": 3], "\(swapped.reply)")
        // A product of another kind is added, never swapped.
        _ = try await h.say("s2", "necesito un extintor de polvo químico de 6 kilos")
        _ = try await h.say("s2", "mejor que sea el de 9 kilos")
        _ = try await h.say("s2", "y una señal de extintor")
        #expect(try CartLineTargetTests.cart(h, "s2") == ["Extintor PQS 9kg": 1, "Señal Extintor": 1])
        await h.tearDown()
    }
}
