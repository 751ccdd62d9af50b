import Foundation
import Testing

@testable import Assistant
@testable import Integrations

/// Regional or generic names and needs told in the customer's words, through the retriever the
/// workers use (`ProductRetrievers.make`: words, the catalog's real vectors from the local
/// embedding server, the use examples), on the demo catalog. None of these phrasings is in
/// `data/busqueda/` nor in the evaluation sets: the names reach the catalog through the
/// synonym list and the word forms (plurals, diminutives), the needs through the needs list or
/// the nearest use example.
@Suite("Retrieval: regional names and needs through the real retriever")
struct RegionalNamesAndNeedsTests {
    /// A regional or generic name, and the products it means.
    static let names: [(String, Set<Int64>)] = [
        ("me vende unas manoplas de cuero", [35]),
        ("una talanquera para la entrada del parqueadero", [62]),
        ("tiene chalequitos fluorescentes", [48, 49]),
        ("unas botitas de caucho talla 40", [40]),
        ("espejuelos de seguridad transparentes", [27, 28]),
        ("un arnés de paracaidista", [43, 44]),
    ]

    /// A need, and the products that answer it.
    static let needs: [(String, Set<Int64>)] = [
        ("algo para los muchachos que pintan colgados del edificio", [43, 44, 45, 63, 114]),
        ("que el personal no se vaya a resbalar en la bajada del garaje", [60, 105]),
        ("algo para los que trabajan al lado de la trituradora que hace un ruido tremendo", [66, 67]),
        ("con qué protejo la espalda si todo el día levanto costales", [50, 65]),
    ]

    @Test(.enabled(if: EmbeddingServer.executable != nil, "\(EmbeddingServer.missing)"))
    func regionalNamesAndNeedsFindTheirProductsAndUnknownThingsFindNothing() async throws {
        let server = try await EmbeddingServer()
        let tmp = try TemporaryDirectory()
        let search = try await RetrievalFixtures.realRetriever(in: tmp, server: server)
        #expect(search is HybridRetriever)

        for (query, wanted) in Self.names + Self.needs {
            let hits = try await search.search(query, limit: 3)
            #expect(hits.contains { wanted.contains($0.product.id) }, "\(query) → \(hits.map(\.product.name))")
        }
        // Named things the shop does not sell stay "no lo manejamos", with the same words
        // around them as the needs above.
        for nothing in ["una escalera de tijera para el garaje", "venden trituradoras", "costales de fique"] {
            let hits = try await search.search(nothing, limit: 5)
            #expect(hits.isEmpty, "\(nothing) → \(hits.map(\.product.name))")
        }
    }
}
