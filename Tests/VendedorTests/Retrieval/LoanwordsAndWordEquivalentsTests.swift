import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// Words the lexicon does not list one by one: an English loanword written with Spanish's
/// prosthetic e, a word that stands for another inside the lexicon's equivalent names, and an
/// unknown thing a known use acts on. Words alone, the repository's lexicon; none of these
/// phrasings is in an evaluation file.
@Suite("Retrieval: prosthetic e, word equivalents, the object of a use")
struct LoanwordsAndWordEquivalentsTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test func aProstheticEIsDroppedOnlyBeforeAConsonant() {
        #expect(QueryUnderstanding.withoutProstheticE("esticker") == "sticker")
        #expect(QueryUnderstanding.withoutProstheticE("esmart") == "smart")
        #expect(QueryUnderstanding.withoutProstheticE("esos") == nil)
        #expect(QueryUnderstanding.withoutProstheticE("estos") == "stos")
        #expect(QueryUnderstanding.withoutProstheticE("esauto") == nil)
    }

    @Test func wordsTwoEquivalentNamesDifferInStandForEachOther() {
        let lexicon = SearchLexicon(
            synonyms: """
                lona impermeable, carpa impermeable, lona antiagua
                zapato de seguridad, bota de seguridad
                gafas de seguridad, monogafas
                casco de seguridad, casco
                """, fillers: "de")
        #expect(lexicon.wordEquivalents["carpa"] == ["lona"])
        #expect(Set(lexicon.wordEquivalents["antiagua"] ?? []) == ["impermeable"])
        // "seguridad" is in many names: a zapato is no bota.
        #expect(lexicon.wordEquivalents["zapato"] == nil)
    }

    @Test func aLoanwordWithProstheticEFindsTheProduct() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let hits = try await Self.search(db).search("un espray de pimienta para la cartera", limit: 3)
        #expect(hits.first?.product.id == 93, "\(hits.map(\.product.name))")
    }

    @Test func anEquivalentWordOfALexiconNameFindsIt() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find("dos frazadas cortafuego", limit: 3)
        #expect(result.matches.first?.product.id == 55, "\(result.matches.map(\.product.name))")
    }

    @Test func anUnknownThingAUseActsOnLeavesTheNamedProductTrusted() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let hits = try await Self.search(db).search("un tapete para desinfectar las llantas", limit: 3)
        #expect(hits.first?.product.id == 72, "\(hits.map(\.product.name))")
        #expect((hits.first?.score ?? 0) >= 0.75, "\(hits.map(\.score))")
    }
}
