import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// A long message is read by the clauses that hold its request: who writes, the story and the
/// questions about price, delivery and payment are left out, with their unknown words, and
/// what precedes a verb of asking or a reported "que" before the product is story too. Words
/// alone, the repository's lexicon; none of these phrasings is in an evaluation file.
@Suite("Retrieval: the request inside a long message")
struct LongMessageRequestTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test(arguments: [
        (
            "Buenas tardes, le escribe Rubiela desde Cartago, mi cuñado trabaja pintando edificios y me dijo que le consiguiera un arnés de cuerpo completo, ¿cuánto vale y lo mandan?",
            [43] as [Int64]
        ),
        (
            "Buen día. Somos una ferretería de Sevilla y el ingeniero nos dijo que requerimos un botiquín, ¿lo tienen?",
            [58, 54]
        ),
        (
            "Buenas noches, escribo de la droguería Santa Rita, necesitamos guantes de látex, cuatro cajas, ¿hacen domicilio?",
            [89]
        ),
        (
            "Hola, soy pensionada y vivo sola en una vereda, quisiera una lámpara de emergencia, ¿la mandan por Coordinadora?",
            [53]
        ),
        // A story with other things in it, then "¿qué me recomienda…?" (seventh round): what
        // follows the verb of asking for advice is the request.
        (
            "En el depósito ya se cayó un señor subiendo con una caja de herramientas. ¿Qué me aconseja para que nadie más se resbale?",
            [60, 105]
        ),
    ])
    func findsTheProductAskedForInsideAStory(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.first.map(expected.contains) == true, "\(query) → \(result.matches.map(\.product.name))")
    }

    /// What is not carried stays so when a story surrounds it.
    @Test(arguments: [
        "buenas mi hermano tiene un taller en Zarzal, ustedes venden casco de moto? cuanto vale",
        "Hola, le escribe Aurora, mi nieto cumple años y quiere una guitarra, ¿la venden?",
    ])
    func somethingNotCarriedInsideAStoryStaysNotCarried(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 5)
        #expect(result.matches.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test func theStoryIsLeftOutOfWhatIsSearchedAndEmbedded() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let message =
            "Buenas, le escribe Rubiela desde Cartago, mi cuñado me dijo que le consiguiera un arnés, ¿cuánto vale?"
        let understood = try await Self.search(db).understand(message)
        #expect(understood.query.original == message)
        let folded = understood.query.foldedText
        #expect(folded.contains("arnes"), "\(folded)")
        for story in ["rubiela", "cartago", "cunado", "dijo", "vale"] {
            #expect(!folded.contains(story), "\(folded)")
        }
        #expect(!understood.query.namesSomethingNotCarried)
    }

    /// A "que" after a noun the shop knows, after "para" or before "no" describes; it does
    /// not report what someone said.
    @Test func aQueThatDescribesIsNoReportedSpeech() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let vocabulary = try await search.understand("").vocabulary
        let understanding = search.understanding
        let reported = QueryUnderstanding.readTokens("el jefe dijo que tengo que usar casco")
        #expect(understanding.requestPart(of: reported, product: 7, vocabulary) == ["usar", "casco"])
        for described in ["la rampa que va al patio lleva casco", "pa que no se moje casco"] {
            let tokens = QueryUnderstanding.readTokens(described)
            let product = try #require(tokens.firstIndex(of: "casco"))
            #expect(understanding.requestPart(of: tokens, product: product, vocabulary) == tokens, "\(described)")
        }
    }

    /// Capitalised words inside a sentence are names of people and places; not the first word
    /// of a sentence, and none when most words are capitalised.
    @Test func namesOfPeopleAndPlacesAreTheCapitalisedWordsInsideASentence() {
        let names = QueryUnderstanding.properNouns(in: "Buenas, le escribe Ofelia desde Guacarí. Necesito guantes")
        #expect(names == ["ofelia", "guacari"], "\(names)")
        #expect(QueryUnderstanding.properNouns(in: "NECESITO UN CASCO DE MOTO").isEmpty)
        #expect(QueryUnderstanding.properNouns(in: "Casco De Moto Integral").isEmpty)
    }

    /// A place named after "para" is where it goes, not another kind of product; a context
    /// after the name already said is a feature of it.
    @Test(arguments: [
        ("cinco conos de señalización para Guacarí", [61] as [Int64]),
        ("un chaleco con huecos de ventilación", [48, 49, 107]),
    ])
    func aPlaceOrAFeatureAfterTheNameIsNoOtherThing(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.contains(where: expected.contains), "\(query) → \(result.matches.map(\.product.name))")
    }

    /// With nothing known asked for, the clause asking for something unknown is the request.
    @Test func askingForSomethingUnknownAmongAStoryIsTheRequest() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let message = "hola buenas, en la finca de mi suegro se inunda todo, ustedes venden motobomba? y cuanto vale"
        let search = try Self.search(db)
        let understood = try await search.understand(message).query
        #expect(
            understood.concepts.contains { $0.text == "motobomba" && $0.namesSomethingNotCarried },
            "\(understood.concepts)")
        #expect(try await search.find(message, limit: 5).matches.isEmpty)
    }
}
