import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the a-set (issue 22, thirteenth round), tested with new phrasings. Before: "mejor
/// 10 q somos 3" left 3; "necesito las 2 cosas" ordered 2 of what was shown; "se ha
/// descompensado dos veces por el calor" ordered 2 gloves; "uno de los recolectores se cortó"
/// was an order; "Necesito 2, uno para mí y otro para el trabajador" made 3; a product taken
/// back ("… no, perdón, no respiradores") stayed; "mejor solo 1… y un detector de humo" set
/// the detector to 1 and left the camera at 2; "réstele dos maletines y dos linternas" was
/// an order of two more; "Serían diez maletines…" started the checkout; "Sí, 3 tapetes"
/// right after the tapetes went in made 6; "soportes para ponerlas en el casco" were helmets.
@Suite(.serialized) struct AmountsInStoriesTests {
    /// The reader's context as the agent sets it (the catalog's names and codes, the other
    /// names the search lexicon knows), with something in the cart (changes of a line are
    /// read then).
    static let context: ReadingContext = {
        let data = TestPaths.repoRoot.appendingPathComponent("data")
        let names = CountsAndAsidesTests.names
        let otherNames =
            (try? SearchLexicon.load(directory: data.appendingPathComponent("busqueda").path).productNameWords.sorted())
            ?? []
        var context = ReadingContext(catalogWords: MessageTokens.catalogWords(names))
        context.otherNames = MessageTokens.catalogWords(otherNames)
        context.catalogCodes = MessageTokens.catalogCodes(names)
        context.catalogHeads = MessageTokens.catalogHeads(names)
        context.catalogKinds = MessageTokens.catalogKindsOnly(names)
        context.cartIsEmpty = false
        return context
    }()

    static func reading(_ text: String) throws -> Reading {
        try CountsAndAsidesTests.reader.get().readNow(text, context: context)
    }

    @Test func numbersOfPeopleTimesAndThingsAreNoCounts() throws {
        // "que somos 3": the reason after the amount.
        let reason = try Self.reading("no, espere, mejor 12 que somos 4 en la bodega")
        #expect(reason.items.map(\.quantity) == [12], "\(reason.items)")
        // How many things, how often, one of the people of the story.
        #expect(try Self.reading("y cascos? necesito las dos cosas pa la obra").items.allSatisfy { $0.quantity != 2 })
        #expect(
            try Self.reading("mi hermano se ha quemado tres veces con el aceite, necesito una manta ignífuga")
                .items.allSatisfy { $0.quantity != 3 })
        #expect(
            try Self.reading(
                "una de las muchachas se resbaló y dos de los jornaleros también, quiero 4 barras antideslizantes"
            )
            .items.map(\.quantity) == [4])
        // One for someone and another for someone else share the amount out.
        let shared = try Self.reading("Quiero 2, una para la casa y otra para el negocio")
        #expect(shared.items.map(\.quantity) == [2], "\(shared.items)")
        // "uno para cada…" alone is still one each when no other count stands beside it.
        #expect(try Self.reading("deme uno para la bodega").items.map(\.quantity) == [1])
    }

    @Test func anItemTakenBackIsDropped() throws {
        let items = try Self.reading("y también ocho cascos... no, perdón, no cascos, las gafas de seguridad, ocho")
            .items
        #expect(items.count == 1 && items[0].quantity == 8, "\(items)")
        #expect(items.allSatisfy { !$0.words.contains("cascos") }, "\(items)")
        // Without the taking back both stay.
        #expect(try Self.reading("y también ocho cascos y las gafas de seguridad, ocho").items.count == 2)
    }

    @Test func aBareAmountThenNewProductsAndLoweringSeveralLines() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("as5", "necesito 3 linternas recargables")
        let amount = try await h.say("as5", "ay no, mejor solo 2 que la plata no alcanza, y un botiquín portátil")
        #expect(amount.reply.contains("2 × Linterna recargable"), "\(amount.reply)")
        #expect(amount.reply.contains("1 × Botiquín portátil"), "\(amount.reply)")
        _ = try await h.say("as6", "necesito 10 cascos de seguridad y 6 conos de señalización")
        let lower = try await h.say("as6", "Viendo la plata, rebájeme tres cascos y dos conos, por favor")
        #expect(lower.reply.contains("7 × Casco de seguridad"), "\(lower.reply)")
        #expect(lower.reply.contains("4 × Cono señalización"), "\(lower.reply)")
        // A clause with an amount is no go-ahead, whatever it resembles.
        let amounts = try await h.say("as7", "Serían cuatro linternas, dos palas y seis maletines de evacuación.")
        #expect(!amounts.reply.contains("Para el despacho"), "\(amounts.reply)")
        #expect(amounts.reply.contains("4 × Linterna recargable"), "\(amounts.reply)")
        await h.tearDown()
    }

    @Test func aTenDigitCedulaSaidInWords() {
        #expect(
            SpokenCardinals.rewrite("cédula mil ciento cuarenta y cuatro millones doscientos mil trescientos uno")
                == "cédula 1144200301")
        #expect(SpokenCardinals.rewrite("cédula treinta y un millones cuatro mil dos") == "cédula 31004002")
    }

    @Test func aYesWithTheAmountRestatesTheLineJustAdded() async throws {
        let h = try await AgentHarness()
        let first = try await h.say("as1", "buenas, necesito una faja para cargar bultos")
        #expect(first.reply.contains("1 × Faja ergonómica"), "\(first.reply)")
        let again = try await h.say("as1", "sí, esa faja, 2. Y un botiquín portátil")
        #expect(again.reply.contains("2 × Faja ergonómica"), "\(again.reply)")
        #expect(!again.reply.contains("3 × Faja ergonómica"), "\(again.reply)")
        // "más" still adds.
        let more = try await h.say("as1", "sí, 2 fajas más")
        #expect(more.reply.contains("4 × Faja ergonómica"), "\(more.reply)")
        await h.tearDown()
    }

    @Test func theKindSaidFirstAndARequestBeforeAQuestion() async throws {
        let h = try await AgentHarness()
        let mounts = try await h.say("as2", "Me manda 3 linternas recargables y 3 soportes pa ponerlas en el casco")
        #expect(mounts.reply.contains("3 × Montura linterna"), "\(mounts.reply)")
        #expect(!mounts.reply.contains("Casco de seguridad"), "\(mounts.reply)")
        let beside = try await h.say(
            "as3", "necesito un botiquín portátil pa la oficina, tienen? hacen envíos a Pasto?")
        #expect(beside.reply.contains("Botiquín portátil"), "\(beside.reply)")
        await h.tearDown()
    }
}
