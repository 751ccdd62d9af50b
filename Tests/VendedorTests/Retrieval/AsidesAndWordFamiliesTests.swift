import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// What a message says around the product (a question after it, a way of asking before it),
/// words of a family the catalog writes with another ending and names that are another kind
/// of thing than their first word, on words alone with the
/// repository's lexicon and the demo catalog. None of these phrasings is in the evaluation
/// sets nor in `data/busqueda/`.
@Suite("Retrieval: asides around the product, word families and names of another kind")
struct AsidesAndWordFamiliesTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test(arguments: [
        // A question or request after the product, in its own clause.
        ("una manta ignífuga, y me confirma si la tienen en bodega", [55] as [Int64]),
        ("guantes de nitrilo. Me los despacha a Envigado?", [34]),
        ("el detector de gas y me avisa el valor", [69]),
        ("tapaoídos desechables, cuánto demora el domicilio", [67]),
        // A way of asking before it ("¿será que…?", "¿sería…?").
        ("será que manejan mosquetones", [46]),
        ("seria que venden rodilleras?", [64]),
    ])
    func findsTheProductWhateverIsSaidAroundIt(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.first.map(expected.contains) == true, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test(arguments: [
        // A derived word the catalog writes with another ending.
        ("un chaleco refrigerador", [107] as [Int64]),
        ("una banda reflectora autoadhesiva", [96]),
        ("tapete sanitizador", [72]),
        ("spray desinfectador", [80]),
    ])
    func findsAWordOfTheSameFamily(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.contains { expected.contains($0) }, "\(query) → \(result.matches.map(\.product.name))")
    }

    /// A clause that goes on describing the name is no aside ("guantes, de boxeo"); and a
    /// long shared beginning is no family ("aluminio" is not "aluminizado").
    @Test(arguments: [
        "una escalera de aluminio", "guantes, de boxeo", "chaleco antibalas", "un cable de extension",
    ])
    func somethingNotCarriedStaysNotCarried(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 5)
        #expect(result.matches.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test func clausesAreCutAtPunctuationAndConjunctionsNotInsideNumbers() {
        let clauses = MessageClauses.split("Extintor K 2.5 gal, y me dice cuánto vale? gracias")
        #expect(
            clauses.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "Extintor K 2.5 gal", "me dice cuánto vale", "gracias",
            ])
        #expect(MessageClauses.split("botas y guantes").count == 2)
        #expect(
            MessageClauses.split("yeso y arena").map { $0.trimmingCharacters(in: .whitespaces) } == ["yeso", "arena"])
    }

    @Test func theAsideIsDroppedFromWhatIsEmbedded() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let understood = try await Self.search(db).understand("cono de señalización, y me dice cuánto vale")
        #expect(understood.query.original == "cono de señalización, y me dice cuánto vale")
        #expect(!understood.query.foldedText.contains("dice"), "\(understood.query.foldedText)")
        #expect(!understood.query.namesSomethingNotCarried)
    }

    @Test func aFamilyNeedsTheSameStemWithADerivationalEnding() {
        let vocabulary = SearchVocabulary(
            terms: [("reflectivo", 3), ("aluminizado", 1), ("desinfectante", 1)], productCount: 10)
        #expect(vocabulary.family(of: "reflector") == ["reflectivo"])
        #expect(vocabulary.family(of: "desinfectar") == ["desinfectante"])
        #expect(vocabulary.family(of: "aluminio").isEmpty)
        #expect(SearchVocabulary.familyStem("reflectante") == "reflect")
    }

    /// "Cascos auditivos" are ear muffs: a customer asking for cascos sees the helmets first;
    /// one asking for ear muffs by any of their names still finds them.
    @Test func aNameOfAnotherKindComesAfterTheThingItsFirstWordNames() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let helmets: Set<Int64> = [25, 26, 100]
        for query in ["quiero ver los cascos que tengan", "un casquito"] {
            let hits = try await search.find(query, limit: 5).matches
            #expect(Set(hits.prefix(3).map(\.product.id)) == helmets, "\(query) → \(hits.map(\.product.name))")
            // Ranked below by score, not by the engine's tie-breaker.
            let muffs = hits.first { $0.product.id == 66 }?.score ?? 0
            #expect(hits.filter { helmets.contains($0.product.id) }.allSatisfy { $0.score > muffs })
        }
        for query in ["un par de orejeras", "cascos auditivos de copa"] {
            let ids = RetrievalFixtures.ids(try await search.find(query, limit: 3).matches)
            #expect(ids.first == 66, "\(query) → \(ids)")
        }
    }

    /// A word after a pronoun that only stands before verbs is a verb form, not a misspelt
    /// catalog word ("rompa" is no "rampa"); a gerund is a verb too, and neither turns what
    /// the customer names next into a use.
    @Test func verbFormsAreReadAsVerbs() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let broken = try await search.understand("que no se le rompa la cabeza al obrero").query
        let verb = try #require(broken.concepts.first { $0.text == "rompa" })
        #expect(verb.kind == .action && verb.phrases.map(\.description) == ["rompa"], "\(broken.concepts)")
        let hits = try await search.find("que no se le rompa la cabeza al obrero", limit: 3).matches
        #expect(hits.first.map { [25, 26, 100].contains($0.product.id) } == true, "\(hits.map(\.product.name))")

        // One clause: a clause of its own before the product would be left out as story.
        let digging = try await search.understand("estamos excavando con arneses").query
        #expect(digging.concepts.first { $0.text == "excavando" }?.kind == .action, "\(digging.concepts)")
        #expect(digging.concepts.first { $0.text == "arnes" }?.role == .named, "\(digging.concepts)")
    }
}
