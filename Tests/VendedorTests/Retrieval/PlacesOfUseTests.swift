import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// A product named with the place or the outing it is for ("pa la casa", "pal apartamento",
/// "pa el viaje") or whose company or family it is for is asked for as it is: the place says
/// where, not another kind of that product, so the product is found, never offered as an
/// alternative. A thing the product would be a variant for ("pa la moto") still says the shop
/// lacks that variant.
/// Words alone, the repository's lexicon; none of these phrasings is in an evaluation file.
@Suite("Retrieval: the place a product is for is its context")
struct PlacesOfUseTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test(arguments: [
        ("detector de gas pal apartamento", [69] as [Int64]),
        ("un botiquin pa la casa de mi mama", [58, 54]),
        ("extintor pa el hogar", [18, 19, 20]),
        ("botiquin pa la empresa donde trabajo", [58, 54]),
        ("tapabocas pa toda la familia", [30, 31]),
        ("linterna pa la casita", [70]),
        // Whose it is for, after a possessive.
        ("botas pa mi suegro", [38, 39, 40, 97]),
        ("guantes pa mis primos", [34, 35, 36, 37, 89, 90]),
        // An outing or a gathering says when it is used.
        ("linterna pa los viajes", [70]),
        ("extintor pa la feria del pueblo", [18, 19, 20]),
    ])
    func theProductIsFoundForThePlace(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        let understood = try await search.understand(query)
        #expect(!understood.query.namesSomethingNotCarried, "\(understood.query.concepts)")
        guard case .found(let hits) = try await search.find(query, limit: 3) else {
            Issue.record("\(query): not found")
            return
        }
        #expect(hits.first.map { expected.contains($0.product.id) } == true, "\(query) → \(hits.map(\.product.name))")
    }

    /// What the product would be for, when it is another kind of thing the shop does not
    /// carry, still makes it an alternative, after an article or a possessive alike; a place
    /// after it changes nothing.
    @Test(arguments: [
        "casco pa la moto", "casco de moto pa la casa", "gafas para la bici",
        // A possessive stands where an article does.
        "gafas pa mi bicicleta", "casco pa nuestras motos",
    ])
    func aVariantForAnotherThingStaysAnAlternative(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        guard case .notCarried(let alternatives) = result else {
            Issue.record("\(query) → \(result)")
            return
        }
        #expect(!alternatives.isEmpty, "\(query)")
    }
}
