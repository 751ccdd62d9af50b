import Foundation
import Testing

@testable import Assistant
@testable import Integrations

/// Requests written as customers write them on WhatsApp (fillers spelt as they sound, words
/// run together or said apart, containers named by another word) and near-misses of things
/// the shop does not sell, through the retriever the workers use (words, the catalog's real
/// vectors from the local embedding server, the use examples) and through the words alone
/// (what answers before the vectors are loaded). None of these phrasings is in
/// `data/busqueda/` nor in the evaluation sets.
@Suite("Retrieval: WhatsApp spellings, split names and near-misses through the real retriever")
struct WrittenAsCustomersWriteTests {
    /// A request, and the product that must come first.
    static let first: [(String, Int64)] = [
        // A filler spelt as it sounds, a compound the catalog writes as two words.
        ("kisiera 3 cinturones portaherramientas", 108),
        // A container named by another word, for what it holds.
        ("tienen cajas metalicas para colgar el extintor", 22),
        ("nesecito un forro pa guardar el tapabocas", 111),
        // A multi-word name said apart.
        ("unas cintas negras y amarillas de precaucion", 51),
        // A verb form of a feature.
        ("gafas que no se empañan", 28),
    ]

    /// Things the shop does not sell, next to words of things it does.
    static let notSold = [
        "mascarilla para el pelo", "cuerda para violin", "una lampara para el baño", "camillas plegables",
    ]

    /// Uses by a person or trade stay uses.
    static let byWhom: [(String, Set<Int64>)] = [
        ("guantes para el mecanico", [34, 35, 36, 37, 89, 90, 98]),
        ("chalecos para los motorizados", [48, 49, 107]),
    ]

    static func check(_ search: any ProductRetriever, _ label: String) async throws {
        for (query, wanted) in first {
            let hits = try await search.search(query, limit: 3)
            #expect(hits.first?.product.id == wanted, "\(label): \(query) → \(hits.map(\.product.name))")
        }
        for query in notSold {
            let result = try await search.find(query, limit: 5)
            #expect(result.matches.isEmpty, "\(label): \(query) → \(result.matches.map(\.product.name))")
        }
        for (query, wanted) in byWhom {
            let hits = try await search.search(query, limit: 3)
            #expect(
                hits.contains { wanted.contains($0.product.id) }, "\(label): \(query) → \(hits.map(\.product.name))")
        }
    }

    @Test(.enabled(if: EmbeddingServer.executable != nil, "\(EmbeddingServer.missing)"))
    func whatsAppSpellingsAndNearMissesWithVectorsAndWithWordsAlone() async throws {
        let server = try await EmbeddingServer()
        let tmp = try TemporaryDirectory()
        let search = try await RetrievalFixtures.realRetriever(in: tmp, server: server)
        let hybrid = try #require(search as? HybridRetriever)
        try await Self.check(hybrid, "híbrida")
        try await Self.check(hybrid.lexical, "palabras")
    }
}
