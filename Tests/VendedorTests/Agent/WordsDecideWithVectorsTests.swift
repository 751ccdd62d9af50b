import Foundation
import Testing

@testable import Assistant
@testable import Integrations
@testable import Workers
@testable import vendedor_bench

/// The agent with the catalog's real vectors, as a production start with the embedding server
/// runs it (issue 22, sixteenth round). `ops/bench conversations --vectors` scored 19 dialogues
/// fewer than words alone on the development set: the hybrid search handed the agent its
/// ranking value (words relative to the best, plus up to half for meaning: up to 1.5) where
/// the agent's thresholds expect the words' share of the query (0…1), so every first hit
/// looked certain; and an example request by use ("para sostener la careta en la cabeza")
/// re-ranked products the customer had already named wholly. None of these phrasings is in
/// the evaluation sets, except the one development message said so below.
@Suite(.serialized) struct WordsDecideWithVectorsTests {
    @Test(.enabled(if: EmbeddingServer.executable != nil, "\(EmbeddingServer.missing)"))
    func withVectorsEachHitKeepsItsWordsScoreAndAWholeNameIsNotReRankedByAUseExample() async throws {
        let server = try await EmbeddingServer()
        let tmp = try TemporaryDirectory()
        let hybrid = try await RetrievalFixtures.realRetriever(in: tmp, server: server)
        #expect(hybrid is HybridRetriever)
        let words = LexicalRetriever(
            database: try tmp.openDatabase(), lexicon: try RetrievalFixtures.lexicon())
        for query in [
            "preguntaba si tienen extintores para la bodega, es que guardamos cartón",
            "unos guantes para la cocina del restaurante", "conos naranja para la obra",
            "algo para que no se resbalen en la escalera",
        ] {
            let meaning = try await hybrid.find(query, limit: 5).matches
            let plain = Dictionary(
                try await words.find(query, limit: 20).matches.map { ($0.product.id, $0.score) },
                uniquingKeysWith: max)
            #expect(!meaning.isEmpty, "\(query)")
            for hit in meaning {
                #expect((0...1).contains(hit.score), "\(query) → \(hit.product.name) \(hit.score)")
                if let score = plain[hit.product.id] {
                    #expect(abs(hit.score - score) < 1e-9, "\(query) → \(hit.product.name) \(hit.score) vs \(score)")
                }
            }
        }
        // Named wholly, the face shield is what the words are surest of; the example of what the
        // mount is for ("para sostener la careta en la cabeza", the nearest here) adds no use
        // that would put the mount ahead.
        let shields = try await hybrid.find("unas caretas para la cara", limit: 3).matches
        #expect(SalesAgent.surest(shields)?.product.name == "Careta facial", "\(shields)")
    }

    @Test(.enabled(if: EmbeddingServer.executable != nil, "\(EmbeddingServer.missing)"))
    func withVectorsAQuestionWhoseWordsMatchWeaklyAddsNothing() async throws {
        let server = try await EmbeddingServer()
        let h = try await AgentHarness(start: false)
        let client = LocalEmbeddingClient(
            baseURL: server.url, model: "multilingual-e5-small-q4", transport: CurlTransport(), batchSize: 8)
        try await RetrievalBench.buildIndex(database: h.database, embedder: client)
        var retrieval = RetrievalConfig(provider: .local, embeddingsURL: server.url)
        retrieval.searchDataDirectory = TestPaths.repoRoot.appendingPathComponent("data/busqueda").path
        try h.startWorker(retrieval: retrieval)
        // The first is a development dialogue's own message (e57): "un galpón de pollos" read
        // as an item whose words ("pollos" spelled toward "polvo") match safety glasses weakly,
        // which the ranking value made certain. New phrasings of the same shape did not reach
        // that path (checked with the old scores: they pass either way); they stay as checks.
        for (chat, question) in [
            (
                "wv1",
                "buenos días es pa preguntar si tienen extintores para la finca es que tenemos un galpón de pollos"
            ),
            ("wv2", "preguntaba si tienen extintores para la bodega, es que guardamos cartón"),
            ("wv3", "buenas, ¿venden extintores? es para la granja, tenemos un criadero de pollos"),
            ("wv4", "hola, ¿tienen botiquines? tenemos una tienda de bolsos en el centro"),
        ] {
            let reply = try await h.say(chat, question)
            #expect(!reply.reply.contains("agregué"), "\(question) → \(reply.reply)")
        }
        await h.tearDown()
    }
}
