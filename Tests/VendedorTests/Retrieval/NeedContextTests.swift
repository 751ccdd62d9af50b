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

    @Test func aVeryLongWordIsNoVerb() throws {
        let lexicon = try RetrievalFixtures.lexicon()
        // Made of verb endings and split vowels: no verb, no lookup past the cap.
        #expect(ConjugatedVerbs.need(of: String(repeating: "ue", count: 20_000) + "an", lexicon: lexicon) == nil)
        #expect(ConjugatedVerbs.undiphthonged(String(repeating: "ue", count: 20)).count == 1)
    }
}
