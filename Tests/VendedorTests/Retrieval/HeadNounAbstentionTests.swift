import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// What the customer names decides: an unknown noun described by a catalog word, a known name
/// specified by a context its products do not serve, or the noun of a verb's instrument is
/// something the shop does not carry; "algo que …", covering compounds and verbs with their
/// pronoun say what a product is for. Words alone, the repository's lexicon; none of these
/// phrasings is in an evaluation file.
@Suite("Retrieval: the head noun decides, uses said as clauses and compounds")
struct HeadNounAbstentionTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test(arguments: [
        // An unknown noun before a word that only describes ("led", "eléctrica").
        "un televisor led", "licuadora electrica",
        // A known name specified by a context none of its products serves.
        "alarma de piscina",
        // The noun of a verb's instrument is not a misspelt verb of the lexicon's needs.
        "un levantador hidraulico",
        // Renting is getting hold of it: the thing is what is named.
        "quiero arrendar una escalera",
    ])
    func somethingNotCarriedIsNotMatched(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 5)
        #expect(result.matches.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test func aKnownNameSpecifiedByAnotherThingOffersItsKindAsAlternative() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find("alarma de piscina", limit: 5)
        #expect(result.matches.isEmpty)
        #expect(result.alternatives.first?.product.name.lowercased().hasPrefix("alarma") == true)
    }

    @Test(arguments: [
        // A context its products do serve stays a use.
        ("guantes de jardineria", [35] as [Int64]),
        // "algo que …": the clause is the use.
        ("algo que zumbe cuando hay humo", [68]),
        // A covering verb joined to a body part.
        ("unos cubreoidos de espuma", [66, 67]),
        // A verb with its pronoun, read as the verb the lexicon lists.
        ("algo para colgarle las pinzas al electricista", [108]),
        // Openings in the ground, floors being mopped.
        ("pa que nadie se meta al hoyo de la obra", [51, 52, 61, 62]),
        ("algo para cuando estan trapeando el corredor", [105]),
    ])
    func findsWhatTheUseMeans(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.contains { expected.contains($0) }, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test func withNothingNamedTheBodyPartLeadsThePlace() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find("pa los oidos cuando estoy en la cocina", limit: 5)
        #expect(Set(RetrievalFixtures.ids(Array(result.matches.prefix(2)))) == [66, 67])
        // With a name, the place tells which one.
        let named = try await Self.search(db).find("un extintor para la cocina", limit: 5)
        #expect(RetrievalFixtures.ids(named.matches).first == 21)
    }

    @Test func aShorthandWithoutVowelsStandsForTheWordsWithItsConsonants() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let found = try await Self.search(db).find("unos gnts de nitrilo", limit: 3)
        #expect(RetrievalFixtures.ids(found.matches).first.map { [4, 34].contains($0) } == true)
        let vocabulary = SearchVocabulary(
            terms: [("bota", 1), ("bata", 1), ("bote", 1), ("botin", 1)], productCount: 4)
        #expect(vocabulary.expansions(ofShorthand: "bta") == ["bata", "bota"])
        #expect(vocabulary.expansions(ofShorthand: "bt") == [])
    }

    @Test func kindWordsAreTheFirstWordsOfTheSynonymsNames() throws {
        let lexicon = try RetrievalFixtures.lexicon()
        #expect(lexicon.namesKind("linterna"))
        #expect(lexicon.namesKind("guante"))
        #expect(!lexicon.namesKind("led"))
        #expect(!lexicon.namesKind("azul"))
        #expect(QueryUnderstanding.isAgentNoun("cargador"))
        #expect(!QueryUnderstanding.isAgentNoun("soldar"))
    }
}
