import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// A name said in several words ("arnés de cuerpo completo") is what the product that has it
/// whole is, clearly more than a product with only its first word; a name that is a need once
/// its filler words are dropped ("protectores de oído") answers every kind of that need, not
/// the one its synonym line lists it with. Words alone, the repository's lexicon and the demo
/// catalog.
@Suite("Retrieval: names said in several words")
struct SpecifiedNamesTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    static func scores(_ result: ProductSearchResult) -> [Int64: Double] {
        Dictionary(result.matches.map { ($0.product.id, $0.score) }, uniquingKeysWith: max)
    }

    /// The agent takes the search's first product when it leads the others by 0.2.
    static let clearLead = 0.2

    /// "Arnés de seguridad" (43) is the full-body one; "Arnés dieléctrico" (44) is an arnés
    /// too. "Casco de seguridad" (25) against the dielectric and ventilated helmets.
    @Test(arguments: [
        ("arneses de cuerpo completo", 43 as Int64, 44 as Int64),
        ("un arnés de cuerpo entero", 43, 44),
        ("arnés full body", 43, 44),
        ("casco de seguridad", 25, 26),
    ])
    func theProductWithTheWholeNameLeadsClearly(query: String, whole: Int64, partial: Int64) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 5)
        let scores = Self.scores(result)
        #expect(result.matches.first?.product.id == whole, "\(query) → \(result.matches.map(\.product.name))")
        let lead = (scores[whole] ?? 0) - (scores[partial] ?? 0)
        #expect(lead >= Self.clearLead, "\(query): \(scores)")
        #expect(scores[partial] != nil, "the other one is still offered: \(scores)")
    }

    /// One word names every product of its kind alike.
    @Test func oneWordKeepsItsProductsLevel() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let scores = Self.scores(try await Self.search(db).find("arnés", limit: 5))
        let gap = abs((scores[43] ?? 0) - (scores[44] ?? 0))
        #expect(scores[43] != nil && scores[44] != nil && gap <= 0.1, "\(scores)")
    }

    /// "protectores de oído" is ear protection: the ear muffs (66) as much as the plugs (67).
    @Test(arguments: ["protectores de oído", "necesito protectores de oido"])
    func aNeedSaidAsANameFindsEveryKindThatAnswersIt(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let scores = Self.scores(try await Self.search(db).find(query, limit: 5))
        let gap = abs((scores[66] ?? 0) - (scores[67] ?? 0))
        #expect(scores[66] != nil && scores[67] != nil && gap <= 0.1, "\(query): \(scores)")
    }

    @Test func aNameThatIsANeedFindsTheRuleOneWay() {
        let lexicon = SearchLexicon(
            synonyms: "tapones, tapaoidos, protectores de oido", fillers: "de\nprotectores",
            needs: "oido, oidos => tapones, orejeras")
        let fromNeed = lexicon.synonyms(of: ["oido"]) ?? []
        #expect(fromNeed.allSatisfy { $0.strength == SearchLexicon.oneWay }, "\(fromNeed)")
        #expect(Set(fromNeed.map(\.tokens)) == [["tapones"], ["tapaoidos"], ["orejeras"]])
        #expect(!(lexicon.synonyms(of: ["tapon"]) ?? []).contains { $0.tokens == ["oido"] })
        #expect((lexicon.synonyms(of: ["tapon"]) ?? []).contains { $0.tokens == ["tapaoidos"] })
    }
}
