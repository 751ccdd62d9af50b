/// Gemini embeddings: `POST {GEMINI_BASE_URL}/models/{model}:embedContent` for one text,
/// `:batchEmbedContents` (at most 100 per call, each repeating the model) for more;
/// `taskType` RETRIEVAL_QUERY or RETRIEVAL_DOCUMENT, `outputDimensionality`; key in the
/// `x-goog-api-key` header. Below 3072 dimensions Gemini does not normalise: we do.
public struct GeminiEmbeddingClient: Embedder {
    public let http: ProviderHTTP
    public let config: GeminiConfig
    public let modelName: String
    public let dimensions: Int?
    public let batchSize: Int
    public let timeout: Duration
    let limiter: CallRateLimiter

    public static let maxBatch = 100

    public init(
        config: GeminiConfig, model: String, dimensions: Int?, transport: any HTTPTransport,
        policy: ProviderHTTP.RetryPolicy = .standard, batchSize: Int = 100, timeout: Duration = .seconds(30),
        limiter: CallRateLimiter = CallRateLimiter(perSecond: 0)
    ) {
        self.http = ProviderHTTP(api: "gemini", transport: transport, policy: policy)
        self.config = config
        self.modelName = model.hasPrefix("models/") ? String(model.dropFirst(7)) : model
        self.dimensions = dimensions
        self.batchSize = max(1, min(batchSize, Self.maxBatch))
        self.timeout = timeout
        self.limiter = limiter
    }

    public var model: String { "gemini/\(modelName)" + (dimensions.map { "@\($0)" } ?? "") }

    struct Part: Codable { var text: String }
    struct Content: Codable { var parts: [Part] }
    struct Request: Encodable {
        var model: String
        var content: Content
        var taskType: String
        var outputDimensionality: Int?
    }
    struct Batch: Encodable { var requests: [Request] }
    struct Values: Decodable { var values: [Float] }
    struct SingleAnswer: Decodable { var embedding: Values }
    struct BatchAnswer: Decodable { var embeddings: [Values] }

    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        let task = purpose == .query ? "RETRIEVAL_QUERY" : "RETRIEVAL_DOCUMENT"
        let headers = config.apiKey.map { [("x-goog-api-key", $0)] } ?? []
        let path = "\(config.baseURL)/models/\(modelName)"
        func request(_ text: String) -> Request {
            Request(
                model: "models/\(modelName)", content: Content(parts: [Part(text: text)]), taskType: task,
                outputDimensionality: dimensions)
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            let batch = Array(texts[start..<min(texts.count, start + batchSize)])
            try await limiter.acquire()
            let found: [[Float]]
            if batch.count == 1 {
                let answer = try await http.sendJSON(
                    url: path + ":embedContent", headers: headers, body: request(batch[0]), as: SingleAnswer.self,
                    timeout: timeout)
                found = [answer.embedding.values]
            } else {
                let answer = try await http.sendJSON(
                    url: path + ":batchEmbedContents", headers: headers, body: Batch(requests: batch.map(request)),
                    as: BatchAnswer.self, timeout: timeout)
                found = answer.embeddings.map(\.values)
            }
            vectors += try EmbeddingMath.validated(found, count: batch.count, api: http.api, dimensions: dimensions)
        }
        return vectors
    }
}
