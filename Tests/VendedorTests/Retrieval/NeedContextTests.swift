import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// A need said with things the shop does not sell around it (the machine, the place, who
/// works there) is still a need: those things are its context, not a product asked for. Asked
/// for themselves (after a verb of asking, or first and alone before what they are for) they
/// are still something the shop does not carry. Words alone, the repository's lexicon; none of
/// these phrasings is in an evaluation file.
@Suite("Retrieval: unknown things around a need are its context")
struct NeedContextTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test(arguments: [
        // The trade and its machine after "los del", "con la".
        ("los del aserrio trabajan con la canteadora y quieren algo pa no cortarse", [90] as [Int64]),
        // The place after "en el", "de la"; the use after "algo pa".
        ("en el galpon de la granja algo pa no resbalarse", [60]),
        // The tool after "con la": what they breathe is the need.
        ("en el vivero con la trituradora pa no respirar tanta mugre", [30, 32, 33]),
        // A need's word ("calor") names no product, whatever names its products: the unknown
        // word that qualifies it is context too.
        ("los de la caldera sufren un calor tenaz", [98, 107, 42]),
    ])
    func theNeedIsFoundAndTheThingsAroundItAreContext(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let understood = try await search.understand(query)
        #expect(!understood.query.namesSomethingNotCarried, "\(understood.query.concepts)")
        let result = try await search.find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.contains { expected.contains($0) }, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test(arguments: [
        // After a verb of asking.
        "¿venden canteadoras pa el aserrio?", "necesito una canteadora pa el taller",
        // First and alone before what it is for.
        "cepilladora pa el galpon",
        // A known word that names no product, specified by the unknown one.
        "ropa de bebe",
        // The same thing told of and then asked for.
        "se me quemo la cepilladora del taller, venden cepilladoras?",
    ])
    func theThingAskedForStaysNotCarried(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 5)
        #expect(result.matches.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
    }

    /// Those served or living there say for whom, not what: no word of the request, nor a
    /// misspelling to correct ("clientes" is no "caliente").
    @Test(arguments: ["algo pa que los clientes se laven las manos", "pa los huespedes del hotel algo pa el humo"])
    func thoseServedSayForWhom(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let concepts = try await Self.search(db).understand(query).query.concepts
        #expect(!concepts.contains { $0.text == "cliente" || $0.text == "huesped" }, "\(concepts)")
        #expect(!concepts.contains { $0.phrases.contains(SearchPhrase(["caliente"])) }, "\(concepts)")
    }

    @Test func aConjugatedVerbOfANeedIsWhatSomeoneDoesNotANameMisspelt() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let understood = try await search.understand("los que pintan en el patio")
        let verb = try #require(understood.query.concepts.first { $0.text == "pintan" })
        #expect(verb.kind == .action)
        #expect(!verb.corrected)
        #expect(verb.phrases.contains(SearchPhrase(["respirador"])))
        #expect(!understood.query.namesOnlyCorrected)
        // A stressed vowel split in two ("sueldan" of "soldar").
        let lexicon = try RetrievalFixtures.lexicon()
        #expect(ConjugatedVerbs.need(of: "sueldan", lexicon: lexicon)?.infinitive == "soldar")
        #expect(ConjugatedVerbs.need(of: "pintaban", lexicon: lexicon)?.infinitive == "pintar")
        #expect(ConjugatedVerbs.need(of: "pintar", lexicon: lexicon) == nil)
        #expect(ConjugatedVerbs.need(of: "mesa", lexicon: lexicon) == nil)
    }

    /// Linearity is measured by `ops/bench parse` (the search query reader); here, that hostile
    /// shapes are still read right.
    @Test func hostileInputsAreStillReadRight() async throws {
        let lexicon = try RetrievalFixtures.lexicon()
        // A very long word made of verb endings and split vowels: no verb, no lookup past the cap.
        #expect(ConjugatedVerbs.need(of: String(repeating: "ue", count: 20_000) + "an", lexicon: lexicon) == nil)
        #expect(ConjugatedVerbs.undiphthonged(String(repeating: "ue", count: 20)).count == 1)
        // Many unknown words after "de", "en", "con", then a need: the concepts stay capped.
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let message =
            String(repeating: "los de la cepilladora con la canteadora en el galpon ", count: 400)
            + "algo pa no respirar, venden troqueladoras?"
        let understood = try await search.understand(message)
        #expect(understood.query.concepts.count <= QueryUnderstanding.maxConcepts)
        _ = try await search.find(message, limit: 5)
        // Thousands of unknown words said as one name after a verb: each name looked at once,
        // all of them context of the verb's need.
        let count = 5_000
        var concepts = [SearchConcept(text: "respirar", kind: .action, role: .purpose, phrases: [])]
        concepts += (1..<count).map { SearchConcept(text: "x\($0)", phrases: [], unknown: true) }
        let tokens = (0..<count).map { "x\($0)" }
        NeedReading.placeContexts(&concepts, spans: (0..<count).map { $0..<($0 + 1) }, tokens: tokens, lexicon: lexicon)
        #expect(concepts.dropFirst().allSatisfy { $0.role == .purpose })
        #expect(
            NeedReading.nameStarts(concepts, spans: (0..<count).map { $0..<($0 + 1) }, tokens: tokens).count == count)
    }
}
