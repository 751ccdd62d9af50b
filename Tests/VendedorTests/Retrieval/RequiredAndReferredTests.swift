import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// What an authority requires or recommends is asked for ("nos exigen tener…", "la ARL
/// sugirió…"); a product named "X de Y" is one even when "X" alone is none ("tablero de
/// evacuación"); a clause that goes on about the thing asked for is part of the request ("…,
/// pero la queremos desechable"); a describing word few products have tells between them.
/// Words alone, the repository's lexicon; none of these phrasings is in an evaluation file
/// (found on the tenth round's development searches, dev7).
@Suite("Retrieval: what is required, and what refers back to it")
struct RequiredAndReferredTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test(arguments: [
        // "para la visita…" used to make the whole sentence a purpose, the plan with it.
        (
            "Tengo un bar en Chía y para la visita de bomberos me exigen tener el plano de evacuación pegado en la pared, ¿ustedes lo venden?",
            [76] as [Int64]
        ),
        (
            "Somos un colegio en Sopó; para la auditoría de la secretaría nos exigieron el tablero de evacuación por piso. ¿Lo tienen?",
            [76]
        ),
        // The ear plugs were lost: the clause that says "desechable" was the only one kept.
        (
            "En la fábrica de muebles el ruido de las sierras es terrible. El médico de la ARL sugirió protección auditiva, pero la queremos desechable para los contratistas.",
            [67]
        ),
        ("me recomendaron protección auditiva de la desechable", [67]),
    ])
    func whatIsRequiredOrReferredToIsTheRequest(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.first.map(expected.contains) == true, "\(query) → \(result.matches.map(\.product.name))")
    }

    /// "creo que se llama", "o algo así": how sure the customer is of a name is no part of
    /// it (the item's words lose the "que": "creo se llama").
    @Test(arguments: ["unas monogafas creo se llaman", "un chaleco reflectivo o algo así"])
    func howSureTheCustomerIsOfANameIsNoPartOfIt(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let understood = try await Self.search(db).understand(query).query
        #expect(!understood.namesSomethingNotCarried, "\(understood.concepts)")
        #expect(!understood.concepts.contains { ["creo", "llama", "llaman", "algo", "asi"].contains($0.text) })
    }

    /// An unknown noun before a word shaped as an adjective the shop knows is a thing not
    /// carried ("ponchos impermeables"), not a use of what the adjective describes; known
    /// nouns keep their products.
    @Test(arguments: [
        ("¿tienen ponchos impermeables?", nil), ("venden sábanas desechables para el albergue?", nil),
        ("unos chalecos reflectivos", 48 as Int64?), ("guantes dieléctricos", 36),
    ])
    func anUnknownNounBeforeAKnownAdjectiveIsNotCarried(query: String, expected: Int64?) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        if let expected {
            #expect(ids.contains(expected), "\(query) → \(result.matches.map(\.product.name))")
        } else {
            #expect(ids.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
        }
    }

    /// "plano de evacuación" begins a product's name at "plano", past the "de", in a clause
    /// that asks; in a story it is no request ("se cayó con una caja de herramientas").
    @Test func aNameInTwoWordsWithDeBetweenIsAProductWord() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let vocabulary = try await search.understand("").vocabulary
        let tokens = QueryUnderstanding.readTokens("nos exigen el plano de evacuacion")
        let plan = try #require(tokens.firstIndex(of: "plano"))
        #expect(search.understanding.isProductWord(at: plan, in: tokens, vocabulary, pastDe: true))
        #expect(!search.understanding.isProductWord(at: plan, in: tokens, vocabulary, pastDe: false))
        // A "de" at the end is no bridge to anything.
        let cut = QueryUnderstanding.readTokens("nos exigen el plano de")
        let cutPlan = try #require(cut.firstIndex(of: "plano"))
        #expect(!search.understanding.isProductWord(at: cutPlan, in: cut, vocabulary, pastDe: true))
    }

    /// A kitchen is a use of the class K extinguisher (its "aceites"), not of anything "clase"
    /// ("clase 0" of the dielectric gloves: the "k" of "clase k" is a filler word);
    /// "desechable" picks the disposable gloves among the gloves.
    @Test func disposableGlovesForAKitchenAreNotReadAsAClass() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let gloves = try await search.find("unos guantes desechables pa la cocina del restaurante", limit: 3)
        #expect(RetrievalFixtures.ids(gloves.matches).first == 89, "\(gloves.matches.map(\.product.name))")
    }
}
