import Foundation
import GRDB
import Logging
import Testing

@testable import Assistant
@testable import Integrations
@testable import Pipeline
@testable import Shop
@testable import Workers
@testable import vendedor_bench

/// Embedding jobs and re-index through the real queue engine (a test Redis), the real SQLite
/// file and a fake OpenAI embeddings endpoint (a paid API), in-process and across a killed
/// worker process.
@Suite("Retrieval: embedding jobs, re-index, model change, crash")
struct ReindexTests {
    static let fast = ProviderHTTP.RetryPolicy(attempts: 2, baseDelay: 0.01, maxDelay: 0.05, maxWait: 1)

    static func embedder(_ fake: FakeOpenAI, model: String = "text-embedding-3-small") -> OpenAIEmbeddingClient {
        OpenAIEmbeddingClient(
            config: OpenAIConfig(apiKey: FakeOpenAI.key, baseURL: fake.baseURL), model: model, dimensions: 32,
            transport: CurlTransport(), policy: fast, batchSize: 4)
    }

    static func resources(_ db: AppDatabase, _ fake: FakeOpenAI, model: String = "text-embedding-3-small")
        -> RetrievalResources
    {
        RetrievalResources(database: db, embedder: embedder(fake, model: model), sliceSize: 8)
    }

    static func worker(_ fixture: QueueFixture, _ resources: RetrievalResources, commerce: CommerceResources? = nil)
        throws -> InProcessWorker
    {
        try InProcessWorker(
            fixture, registry: WorkerHandlers.registry(commerce: commerce, retrieval: resources),
            queues: commerce == nil ? ["indexar"] : ["indexar", "importar"])
    }

    static func vectorRows(_ db: AppDatabase) throws -> (rows: Int, distinct: Int) {
        try db.pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) AS n, COUNT(DISTINCT indice_id || '-' || producto_id) AS d FROM vectores_productos"
            )!
            return (row["n"], row["d"])
        }
    }

    @Test func reindexBuildsAsideShowsProgressAndSwaps() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let products = try db.allProductIds().count
        try await FakeOpenAI.run { fake in
            let worker = try Self.worker(fixture, Self.resources(db, fake))
            let job = try await fixture.jobs.enqueue(ReindexCatalogJob(reason: "prueba"))
            let status = try #require(
                try await fixture.waitFor(job.id, state: .completed, timeout: TestPaths.loadedWait))
            #expect(status.progress?.facts == products)
            #expect(status.progress?.total == products)
            let result = try JSONSerialization.jsonObject(with: Data((status.result ?? "").utf8)) as? [String: Any]
            #expect(result?["total"] as? Int == products)
            #expect(result?["lotes"] as? Int == (products + 7) / 8)

            let active = try #require(try db.activeVectorIndex())
            #expect(active.model == "openai/text-embedding-3-small@32")
            #expect(try db.vectorProgress(index: active.id).done == products)
            // Each product embedded once (plus the re-index's probe).
            #expect(fake.embedded.count == products + 1)

            // Again: a new index replaces the old one, whose vectors are deleted.
            let again = try await fixture.jobs.enqueue(ReindexCatalogJob())
            _ = try await fixture.waitFor(again.id, state: .completed, timeout: TestPaths.loadedWait)
            let next = try #require(try db.activeVectorIndex())
            #expect(next.id != active.id)
            #expect(try Fixtures.count(db, "indices_vectores") == 1)
            #expect(try Self.vectorRows(db).rows == products)
            await worker.stop()
        }
    }

    @Test func productChangesAndImportsFollowIntoTheIndex() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let uploads = tmp.url.appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        try await FakeOpenAI.run { fake in
            let resources = Self.resources(db, fake)
            let worker = try Self.worker(
                fixture, resources, commerce: CommerceResources(database: db, uploadsDirectory: uploads.path))
            let reindex = try await fixture.jobs.enqueue(ReindexCatalogJob())
            _ = try await fixture.waitFor(reindex.id, state: .completed, timeout: TestPaths.loadedWait)
            let cache = VectorIndexCache(database: try tmp.openDatabase())
            let index = try #require(try await cache.current())

            // Created: embedded; unchanged: skipped; edited: embedded again; deleted: gone.
            let created = try db.createProduct(
                ProductInput(name: "Guantes de carnaza", description: "Para soldador", price: 9000, stock: 5))
            let first = try await fixture.jobs.enqueue(EmbedProductsJob(productIds: [created.id]))
            let done = try #require(try await fixture.waitFor(first.id, state: .completed))
            #expect(done.result?.contains(#""embebidos":1"#) == true)
            let withNew = try #require(try await cache.current())
            #expect(withNew.contains(created.id))
            #expect(!index.contains(created.id))
            let before = try #require(withNew.vector(id: created.id))

            let same = try await fixture.jobs.enqueue(EmbedProductsJob(productIds: [created.id]))
            #expect(
                try await fixture.waitFor(same.id, state: .completed)?.result?.contains(#""sin_cambios":1"#)
                    == true)

            _ = try db.updateProduct(id: created.id, ProductChanges(name: "Peto de carnaza"))
            let edit = try await fixture.jobs.enqueue(EmbedProductsJob(productIds: [created.id]))
            _ = try await fixture.waitFor(edit.id, state: .completed)
            #expect(try await cache.current()?.vector(id: created.id) != before)
            _ = try db.updateProduct(id: created.id, ProductChanges(price: 9500))  // text unchanged: nothing to do
            let activeId = try #require(try db.activeVectorIndex()).id
            #expect(try db.vectorFingerprints(index: activeId, productIds: [created.id]).count == 1)

            #expect(try db.deleteProduct(id: created.id) == .deleted)
            let gone = try await fixture.jobs.enqueue(EmbedProductsJob(productIds: [created.id]))
            _ = try await fixture.waitFor(gone.id, state: .completed)
            #expect(try await cache.current()?.contains(created.id) == false)

            // An import enqueues the catch-up of the whole catalog.
            let csv =
                "id,nombre,descripcion,precio,stock,activo,categoria\n900,Peto soldador,Peto de cuero,30000,4,1,General\n"
            try Data(csv.utf8).write(to: uploads.appendingPathComponent("catalogo.csv"))
            let importJob = try await fixture.jobs.enqueue(
                ImportCatalogJob(file: "catalogo.csv", mode: .merge, bytes: csv.utf8.count))
            _ = try await fixture.waitFor(importJob.id, state: .completed)
            #expect(
                try await eventually(timeout: .seconds(20)) { try await cache.current()?.contains(900) == true })
            await worker.stop()
        }
    }

    @Test func aModelChangeRebuildsTheIndexAndNeverMixesVectors() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        try await FakeOpenAI.run { fake in
            let old = Self.resources(db, fake)
            let worker = try Self.worker(fixture, old)
            let first = try await fixture.jobs.enqueue(ReindexCatalogJob())
            _ = try await fixture.waitFor(first.id, state: .completed, timeout: TestPaths.loadedWait)
            await worker.stop()
            let oldIndex = try #require(try db.activeVectorIndex())

            // The configuration now names another model.
            let new = Self.resources(db, fake, model: "text-embedding-3-large")
            let newEmbedder = Self.embedder(fake, model: "text-embedding-3-large")
            let lexical = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
            var logger = Logger(label: "prueba")
            logger.logLevel = .critical
            let hybrid = HybridRetriever(
                lexical: lexical, vectors: VectorIndexCache(database: db), embedder: newEmbedder, logger: logger)
            // Until the new index exists, searches use words only: the old model's vectors are not used.
            for query in ["algo para apagar un incendio", "guantes de vaqueta", "casco"] {
                let words = try await lexical.search(query, limit: 5).map(\.product.id)
                #expect(try await hybrid.search(query, limit: 5).map(\.product.id) == words)
            }
            // An embedding job of the new model does not write into the old model's index.
            let skipped = try await fixture.jobs.enqueue(EmbedProductsJob(productIds: [18]))
            let newWorker = try Self.worker(fixture, new)
            _ = try await fixture.waitFor(skipped.id, state: .completed)
            #expect(try db.vectorFingerprints(index: oldIndex.id, productIds: [18]).count == 1)
            #expect(fake.embedded.allSatisfy { $0.model == "text-embedding-3-small" })

            // Start-up sees no index of the configured model and enqueues the re-index (once).
            await VectorIndexBootstrap(jobs: fixture.jobs, resources: new, logger: logger).run()
            await VectorIndexBootstrap(jobs: fixture.jobs, resources: new, logger: logger).run()
            #expect(
                try await eventually(timeout: TestPaths.loadedWait) {
                    try db.activeVectorIndex()?.model == "openai/text-embedding-3-large@32"
                })
            #expect(try Fixtures.count(db, "indices_vectores") == 1)
            #expect(try Self.vectorRows(db).rows == db.allProductIds().count)
            let hits = try await hybrid.search("algo para apagar un incendio", limit: 3)
            #expect(!hits.isEmpty)
            await newWorker.stop()
        }
    }

    @Test func searchFallsBackToWordsWhenEmbeddingsAreUnavailable() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        try await FakeOpenAI.run { fake in
            let embedder = Self.embedder(fake)
            try await RetrievalBench.buildIndex(database: db, embedder: embedder)
            let lexical = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
            var logger = Logger(label: "prueba")
            logger.logLevel = .critical
            let hybrid = HybridRetriever(
                lexical: lexical, vectors: VectorIndexCache(database: db), embedder: embedder, logger: logger)
            fake.injectServerError(500, times: 2, path: FakeOpenAI.embeddings)
            let words = try await lexical.search("guantes de nitrilo", limit: 5).map(\.product.id)
            #expect(try await hybrid.search("guantes de nitrilo", limit: 5).map(\.product.id) == words)
            #expect(words.first == 34)
            // Nothing relevant is still nothing, with or without vectors.
            #expect(try await hybrid.search("¿venden celulares?", limit: 5).isEmpty)
        }
        // The server gone entirely: the same.
        let closed = OpenAIEmbeddingClient(
            config: OpenAIConfig(apiKey: "x", baseURL: "http://127.0.0.1:\(TestPaths.freePort())/v1"),
            model: "text-embedding-3-small", dimensions: 32, transport: CurlTransport(), policy: Self.fast)
        let lexical = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
        var logger = Logger(label: "prueba")
        logger.logLevel = .critical
        let hybrid = HybridRetriever(
            lexical: lexical, vectors: VectorIndexCache(database: db), embedder: closed, logger: logger)
        #expect(try await hybrid.search("tapabocas", limit: 3).map(\.product.id).contains(30))
    }

    @Test func aKilledWorkerLeavesTheReindexToAnotherWithoutDuplicates() async throws {
        let fixture = try await QueueFixture(overrides: ["indexar": ["visibility_timeout_ms": 1500, "concurrency": 1]])
        defer { fixture.tearDown() }
        let databasePath = fixture.queuesDirectory.appendingPathComponent("app.db").path
        let db = try AppDatabase.open(path: databasePath)
        _ = try db.importCatalog(csv: try RetrievalFixtures.demoCatalog(), mode: .merge)
        let products = try db.allProductIds().count
        try await FakeOpenAI.run { fake in
            fake.delayEmbeddings(.milliseconds(120))
            var environment = fixture.environment
            environment["EMBEDDINGS_PROVIDER"] = "openai"
            environment["OPENAI_BASE_URL"] = fake.baseURL
            environment["OPENAI_API_KEY"] = FakeOpenAI.key
            environment["EMBEDDING_DIMENSIONS"] = "32"
            environment["EMBEDDINGS_BATCH_SIZE"] = "2"  // slices of 8 products, 4 calls each
            environment["SEARCH_DATA_DIR"] = TestPaths.repoRoot.appendingPathComponent("data/busqueda").path
            // The same job the workers' start-up would enqueue (so there is exactly one).
            let model = "openai/text-embedding-3-small@32"
            let job = try await fixture.jobs.enqueue(
                ReindexCatalogJob(reason: "prueba"), idempotencyKey: ReindexCatalogJob.automaticKey(model: model))

            let first = try WorkerProcess(environment: environment, arguments: ["--queues", "indexar"])
            let midway = try await eventually(timeout: TestPaths.loadedWait) {
                let progress = try await fixture.status(job.id)?.progress
                return (progress?.facts ?? 0) >= 16
            }
            #expect(midway, "el reindexado no avanzó: \(first.log.suffix(800))")
            first.kill()
            let atKill = try await fixture.status(job.id)?.progress?.facts ?? 0
            #expect(atKill < products, "el trabajo terminó antes de matar el proceso; la prueba no probó nada")
            #expect(try db.activeVectorIndex() == nil)  // half built: nothing searchable yet

            let second = try WorkerProcess(environment: environment, arguments: ["--queues", "indexar"])
            let status = try await fixture.waitFor(job.id, state: .completed, timeout: TestPaths.loadedWait)
            #expect(status?.state == .completed, "\(second.log.suffix(800))")
            #expect(status?.progress?.facts == products)
            #expect(status?.progress?.total == products)
            let active = try #require(try db.activeVectorIndex())
            #expect(active.model == model)
            let rows = try Self.vectorRows(db)
            #expect(rows.rows == products)
            #expect(rows.distinct == products)
            // Resumed, not redone: at most the slice that was in flight is embedded twice.
            #expect(fake.embedded.count <= products + 1 + 8)
            second.terminate()
            _ = await second.waitForExit(timeout: .seconds(20))
        }
    }
}
