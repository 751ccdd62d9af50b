/// `POST {OPENAI_BASE_URL}/embeddings` on OpenAI or any compatible server (Ollama,
/// llama.cpp, vLLM): `{"model", "input": [...], "encoding_format": "float", "dimensions"?}`,
/// Bearer key when one is set. Vectors are put back in `index` order.
public struct OpenAIEmbeddingClient: Embedder {
    public let http: ProviderHTTP
    public let config: OpenAIConfig
    public let modelName: String
    public let dimensions: Int?
    public let batchSize: Int
    public let timeout: Duration
    let limiter: CallRateLimiter

    public init(
        config: OpenAIConfig, model: String, dimensions: Int? = nil, transport: any HTTPTransport,
        policy: ProviderHTTP.RetryPolicy = .standard, batchSize: Int = 32, timeout: Duration = .seconds(30),
        limiter: CallRateLimiter = CallRateLimiter(perSecond: 0)
    ) {
        self.http = ProviderHTTP(api: "openai", transport: transport, policy: policy)
        self.config = config
        self.modelName = model
        self.dimensions = dimensions
        self.batchSize = max(1, min(batchSize, 2048))
        self.timeout = timeout
        self.limiter = limiter
    }

    public var model: String { "openai/\(modelName)" + (dimensions.map { "@\($0)" } ?? "") }

    struct Body: Encodable {
        var model: String
        var input: [String]
        var encodingFormat = "float"
        var dimensions: Int?

        enum CodingKeys: String, CodingKey {
            case model
            case input
            case encodingFormat = "encoding_format"
            case dimensions
        }
    }

    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        let headers = config.authorization
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            // The API refuses empty strings; a blank text is embedded as a single space.
            let batch = texts[start..<min(texts.count, start + batchSize)].map { $0.isEmpty ? " " : $0 }
            try await limiter.acquire()
            let answer = try await http.sendJSON(
                url: config.baseURL + "/embeddings", headers: headers,
                body: Body(model: modelName, input: batch, dimensions: dimensions), as: OpenAIEmbeddingAnswer.self,
                timeout: timeout)
            vectors += try EmbeddingMath.validated(
                answer.orderedVectors(), count: batch.count, api: http.api, dimensions: dimensions)
        }
        return vectors
    }
}

/// The OpenAI embeddings answer (also the local server's).
struct OpenAIEmbeddingAnswer: Decodable {
    struct Item: Decodable {
        var index: Int?
        var embedding: [Float]
    }
    var data: [Item]

    /// By `index` when the server gives it, else as listed.
    func orderedVectors() -> [[Float]] {
        guard data.allSatisfy({ $0.index != nil }) else { return data.map(\.embedding) }
        return data.sorted { $0.index! < $1.index! }.map(\.embedding)
    }
}
