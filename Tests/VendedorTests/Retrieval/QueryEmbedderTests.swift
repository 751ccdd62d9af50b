import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import Assistant
@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Shop
@testable import vendedor_bench

/// Query embeddings cached and batched (a fake OpenAI embeddings endpoint: a paid API), and
/// `/ready` saying whether search runs with vectors or on words alone.
@Suite("Retrieval: query embedding cache and batching, search mode in /ready")
struct QueryEmbedderTests {
    static func embeddingCalls(_ fake: FakeOpenAI) -> Int {
        fake.server.requests(matching: FakeOpenAI.embeddings).count
    }

    @Test func theSameWordsAreEmbeddedOnce() async throws {
        try await FakeOpenAI.run { fake in
            let embedder = QueryEmbedder(base: ReindexTests.embedder(fake))
            let first = try await embedder.embedQuery("¿Tienen guantes de VAQUETA?")
            let again = try await embedder.embedQuery("tienen guantes de vaqueta")
            #expect(first == again)
            #expect(Self.embeddingCalls(fake) == 1)
            #expect(embedder.cache.hits == 1)
            _ = try await embedder.embedQuery("casco dieléctrico")
            #expect(Self.embeddingCalls(fake) == 2)
            // Passages (the catalog's texts) are never cached as queries.
            _ = try await embedder.embed(["casco dieléctrico"], purpose: .passage)
            #expect(Self.embeddingCalls(fake) == 3)
        }
    }

    @Test func theCacheDropsTheLeastRecentlyUsed() {
        let cache = QueryEmbeddingCache(capacity: 2)
        cache.store([1], model: "m", text: "a")
        cache.store([2], model: "m", text: "b")
        #expect(cache.vector(model: "m", text: "a") == [1])
        cache.store([3], model: "m", text: "c")
        #expect(cache.vector(model: "m", text: "b") == nil)
        #expect(cache.vector(model: "m", text: "a") == [1])
        #expect(cache.vector(model: "otro", text: "a") == nil)
        #expect(cache.count == 2)
        cache.store([4], model: "m", text: String(repeating: "x", count: QueryEmbeddingCache.maxKeyLength + 1))
        #expect(cache.count == 2)
    }

    @Test func concurrentQueriesShareCallsAndEachGetsItsOwnVector() async throws {
        try await FakeOpenAI.run { fake in
            fake.delayEmbeddings(.milliseconds(150))
            let base = ReindexTests.embedder(fake)
            let embedder = QueryEmbedder(base: base, cache: QueryEmbeddingCache(), maxInFlight: 1, maxBatch: 32)
            let texts = (0..<12).map { "producto número \($0)" }
            let vectors = try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
                for (position, text) in texts.enumerated() {
                    group.addTask { (position, try await embedder.embedQuery(text)) }
                }
                var found: [Int: [Float]] = [:]
                for try await (position, vector) in group { found[position] = vector }
                return found
            }
            // With one call in flight, the others wait and ride along in the next call.
            #expect(Self.embeddingCalls(fake) < texts.count)
            #expect(embedder.batcher.texts == texts.count)
            // Each caller gets the vector of its own text.
            for (position, text) in texts.enumerated() {
                let alone = try await base.embed([QueryEmbedder.key(text)], purpose: .query)[0]
                #expect(vectors[position] == alone)
            }
        }
    }

    @Test func readySaysWhetherSearchUsesVectors() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        try await FakeOpenAI.run { fake in
            let embedder = ReindexTests.embedder(fake)
            let waiters = JobWaiters(client: fixture.jobs)
            var deps = FrontEndDependencies(
                jobs: fixture.jobs, waiters: waiters, signer: TokenSigner(secret: FrontEndTests.secret), database: db)
            let model = embedder.model
            deps.searchMode = { await SearchMode.current(store: SQLiteStore(db), model: model) }
            let app = Application(router: buildRouter(deps))
            try await app.test(.router) { client in
                func mode() async throws -> String? {
                    try await client.execute(uri: "/ready", method: .get) { response in
                        #expect(response.status == .ok)
                        let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        return body?["busqueda"] as? String
                    }
                }
                // No index yet: search answers with words alone, and says so.
                #expect(try await mode() == "solo_palabras")
                try await RetrievalBench.buildIndex(database: db, embedder: embedder)
                #expect(try await mode() == "vectores")
            }
            // An index of another model does not count.
            #expect(await SearchMode.current(store: SQLiteStore(db), model: "otro-modelo") == .wordsOnly)
            #expect(await SearchMode.current(store: SQLiteStore(db), model: nil) == .wordsOnly)
        }
    }

    @Test func withoutAnIndexTheHybridSearchAnswersLikeWordsAlone() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        try await FakeOpenAI.run { fake in
            let lexical = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
            var logger = Logger(label: "prueba")
            logger.logLevel = .critical
            let hybrid = HybridRetriever(
                lexical: lexical, vectors: VectorIndexCache(database: db),
                embedder: QueryEmbedder(base: ReindexTests.embedder(fake)), logger: logger)
            for query in ["algo para no caerse del andamio", "un enterizo talla L", "un casco para bicicleta"] {
                let both = try await hybrid.find(query, limit: 5)
                let words = try await lexical.find(query, limit: 5)
                #expect(both == words, "\(query)")
            }
            // Words alone need no embedding at all.
            #expect(Self.embeddingCalls(fake) == 0)
        }
    }
}
