import Foundation
import Testing

@testable import Assistant
@testable import Integrations
@testable import JobEngine
@testable import Support

/// The Gemini and OpenAI embedding clients against fake servers speaking the real wire
/// format, errors and 429s included.
@Suite("Retrieval: embedding providers against fake Gemini and OpenAI")
struct EmbeddingProviderTests {
    let fast = ProviderHTTP.RetryPolicy(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 1)

    func gemini(_ fake: FakeGemini, dimensions: Int? = 768, batch: Int = 100) -> GeminiEmbeddingClient {
        GeminiEmbeddingClient(
            config: GeminiConfig(apiKey: FakeGemini.key, baseURL: fake.baseURL), model: "gemini-embedding-001",
            dimensions: dimensions, transport: CurlTransport(), policy: fast, batchSize: batch)
    }

    func openAI(_ fake: FakeOpenAI, key: String? = FakeOpenAI.key, batch: Int = 32) -> OpenAIEmbeddingClient {
        OpenAIEmbeddingClient(
            config: OpenAIConfig(apiKey: key, baseURL: fake.baseURL), model: "text-embedding-3-small",
            dimensions: 256, transport: CurlTransport(), policy: fast, batchSize: batch)
    }

    static func norm(_ vector: [Float]) -> Float { vector.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    @Test func geminiBatchesAtMost100WithTaskTypesAndNormalisesShortVectors() async throws {
        try await FakeGemini.run { fake in
            let client = gemini(fake)
            let texts = (0..<150).map { "Producto número \($0)" }
            let vectors = try await client.embed(texts, purpose: .passage)
            #expect(vectors.count == 150)
            #expect(vectors.allSatisfy { $0.count == 768 && abs(Self.norm($0) - 1) < 1e-3 })
            #expect(fake.embeddingCalls == ["batchEmbedContents", "batchEmbedContents"])
            let embedded = fake.embedded
            #expect(embedded.map(\.text) == texts)
            #expect(embedded.allSatisfy { $0.taskType == "RETRIEVAL_DOCUMENT" && $0.outputDimensionality == 768 })
            // Same text, same vector; order kept across the two batches.
            let again = try await client.embed([texts[120], texts[3]], purpose: .passage)
            #expect(again == [vectors[120], vectors[3]])

            let query = try await client.embedQuery("guantes de vaqueta")
            #expect(fake.embeddingCalls.last == "embedContent")
            #expect(fake.embedded.last?.taskType == "RETRIEVAL_QUERY")
            #expect(query != (try await client.embed(["guantes de vaqueta"], purpose: .passage)[0]))
            #expect(client.model == "gemini/gemini-embedding-001@768")
        }
    }

    @Test func geminiRateLimitIsRetriedAfterTheServersDelayOrHandedToTheEngine() async throws {
        try await FakeGemini.run { fake in
            let client = gemini(fake)
            fake.injectRateLimit(retryDelay: "0.2s")
            fake.injectUnavailable()
            let vectors = try await client.embed(["extintor", "casco"], purpose: .passage)
            #expect(vectors.count == 2)
            #expect(fake.server.requests(matching: FakeGemini.path).count == 3)

            // A delay longer than the client may sleep goes back to the job engine as a retry-after.
            fake.injectRateLimit(retryDelay: "37s")
            let error = await #expect(throws: ProviderError.self) {
                try await client.embed(["botas"], purpose: .passage)
            }
            #expect(error?.kind == .rateLimited)
            guard case .retryAfter(let seconds, _)? = error?.jobError as? JobError else {
                Issue.record("a 429 must become a retry-after")
                return
            }
            #expect(seconds == 37)
        }
    }

    @Test func geminiRefusalsArePermanent() async throws {
        try await FakeGemini.run { fake in
            let wrongKey = GeminiEmbeddingClient(
                config: GeminiConfig(apiKey: "otra", baseURL: fake.baseURL), model: "gemini-embedding-001",
                dimensions: 768, transport: CurlTransport(), policy: fast)
            let denied = await #expect(throws: ProviderError.self) {
                try await wrongKey.embed(["x", "y"], purpose: .passage)
            }
            #expect(denied?.kind == .permanent)
            #expect(denied?.message.contains("API key not valid") == true)
            #expect(fake.server.requests.count == 1)

            // A batch the server would refuse is never sent: the client caps it at 100.
            let capped = gemini(fake, batch: 500)
            #expect(capped.batchSize == 100)
        }
    }

    @Test func openAIVectorsComeBackInIndexOrderAndErrorsAreClassified() async throws {
        try await FakeOpenAI.run { fake in
            let client = openAI(fake, batch: 3)
            let texts = ["guantes", "casco", "botas", "gafas", "arnés"]
            let vectors = try await client.embed(texts, purpose: .passage)
            #expect(vectors.count == 5)
            #expect(vectors.allSatisfy { $0.count == 256 && abs(Self.norm($0) - 1) < 1e-3 })
            #expect(fake.embedded.map(\.text) == texts)
            #expect(fake.embedded.allSatisfy { $0.dimensions == 256 && $0.model == "text-embedding-3-small" })
            // The fake lists data in reverse: the client sorted by index.
            #expect(try await client.embed(["botas"], purpose: .query) == [vectors[2]])

            fake.injectRateLimit(retryAfterMs: 150, path: FakeOpenAI.embeddings)
            fake.injectServerError(503, path: FakeOpenAI.embeddings)
            #expect(try await client.embed(["casco"], purpose: .passage) == [vectors[1]])

            fake.injectRateLimit(retryAfterMs: 45_000, path: FakeOpenAI.embeddings)
            let limited = await #expect(throws: ProviderError.self) { try await client.embed(["x"], purpose: .query) }
            #expect(limited?.retryAfter == 45)

            let anonymous = openAI(fake, key: nil)
            let denied = await #expect(throws: ProviderError.self) {
                try await anonymous.embed(["x"], purpose: .query)
            }
            #expect(denied?.kind == .permanent)
            #expect(denied?.status == 401)
        }
    }

    @Test func aWrongNumberOfVectorsIsAnErrorNotAGuess() async throws {
        try await FakeOpenAI.run { fake in
            fake.server.inject(
                FakeOpenAI.embeddings,
                .json(object: [
                    "object": "list", "data": [["object": "embedding", "index": 0, "embedding": [0.1, 0.2]]],
                ]))
            let error = await #expect(throws: ProviderError.self) {
                try await openAI(fake).embed(["uno", "dos"], purpose: .passage)
            }
            #expect(error?.kind == .permanent)
            #expect(error?.message.contains("1 vectores para 2 textos") == true)
        }
    }

    @Test func configurationChoosesTheProviderAndStopsOnMissingKeys() throws {
        let local = try RetrievalConfig(environment: Environment([:]))
        #expect(local.provider == .local)
        #expect(
            local.makeEmbedder(transport: CurlTransport(), forQueries: true)?.model == "local/multilingual-e5-small-q4")
        let gemini = try RetrievalConfig(
            environment: Environment([
                "EMBEDDINGS_PROVIDER": "gemini", "GOOGLE_API_KEY": "k", "EMBEDDING_DIMENSIONS": "1536",
            ]))
        #expect(
            gemini.makeEmbedder(transport: CurlTransport(), forQueries: false)?.model
                == "gemini/gemini-embedding-001@1536")
        #expect(gemini.batchSize == 100)
        #expect(throws: ConfigError.self) {
            try RetrievalConfig(environment: Environment(["EMBEDDINGS_PROVIDER": "gemini"]))
        }
        #expect(throws: ConfigError.self) {
            try RetrievalConfig(environment: Environment(["EMBEDDINGS_PROVIDER": "openai"]))
        }
        let selfHosted = try RetrievalConfig(
            environment: Environment([
                "EMBEDDINGS_PROVIDER": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1",
                "EMBEDDING_MODEL": "nomic-embed-text",
            ]))
        #expect(
            selfHosted.makeEmbedder(transport: CurlTransport(), forQueries: true)?.model == "openai/nomic-embed-text")
        #expect(throws: ConfigError.self) {
            try RetrievalConfig(environment: Environment(["EMBEDDINGS_PROVIDER": "cohere"]))
        }
        #expect(throws: ConfigError.self) {
            try RetrievalConfig(environment: Environment(["EMBEDDINGS_BATCH_SIZE": "0"]))
        }
        #expect(
            try RetrievalConfig(environment: Environment(["EMBEDDINGS_PROVIDER": "none"])).makeEmbedder(
                transport: CurlTransport(), forQueries: true) == nil)
    }
}
