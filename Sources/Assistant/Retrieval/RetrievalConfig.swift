import Integrations
import Support

/// Settings of catalog search, read from the environment: the embedding provider
/// (`EmbeddingConfig`) and
///
/// | variable | default | meaning |
/// | --- | --- | --- |
/// | `SEARCH_DATA_DIR` | data/busqueda | synonyms, needs, attributes, filler words, use examples |
/// | `SEARCH_THRESHOLD` | 0.5 | lexical coverage below which nothing is offered |
/// | `TOP_K` | 5 | products a reply hands on at most (its `productos`, what a language model sees); the old backend's key |
public struct RetrievalConfig: Sendable {
    public typealias Provider = EmbeddingConfig.Provider

    public var embeddings: EmbeddingConfig
    public var searchDataDirectory: String
    public var threshold: Double
    /// Products a reply hands on at most (`TOP_K`): the reply's `productos` and the products a
    /// language model is shown.
    public var topK: Int

    public static let defaultTopK = 5
    /// `TOP_K` accepted: a reply lists a handful of products, not the catalog.
    public static let topKRange = 1...20

    public init(
        provider: Provider = .local, embeddingsURL: String = EmbeddingConfig.defaultLocalURL, model: String? = nil,
        dimensions: Int? = nil, gemini: GeminiConfig = GeminiConfig(apiKey: nil),
        openAI: OpenAIConfig = OpenAIConfig(apiKey: nil), batchSize: Int? = nil,
        rateLimitPerSecond: Double = 0, timeoutSeconds: Double = 30, searchDataDirectory: String = "data/busqueda",
        threshold: Double = LexicalRetriever.defaultThreshold, topK: Int = RetrievalConfig.defaultTopK
    ) {
        embeddings = EmbeddingConfig(
            provider: provider, embeddingsURL: embeddingsURL, model: model, dimensions: dimensions, gemini: gemini,
            openAI: openAI, batchSize: batchSize, rateLimitPerSecond: rateLimitPerSecond,
            timeoutSeconds: timeoutSeconds)
        self.searchDataDirectory = searchDataDirectory
        self.threshold = threshold
        self.topK = topK
    }

    public init(environment env: Environment) throws(ConfigError) {
        embeddings = try EmbeddingConfig(environment: env)
        threshold = try env.double("SEARCH_THRESHOLD", default: LexicalRetriever.defaultThreshold)
        guard (0...1).contains(threshold) else {
            throw ConfigError(setting: "SEARCH_THRESHOLD", problem: "debe estar entre 0 y 1")
        }
        searchDataDirectory = env.string("SEARCH_DATA_DIR", default: "data/busqueda")
        topK = try env.int("TOP_K", default: Self.defaultTopK)
        guard Self.topKRange.contains(topK) else {
            throw ConfigError(
                setting: "TOP_K",
                problem: "debe estar entre \(Self.topKRange.lowerBound) y \(Self.topKRange.upperBound)")
        }
    }

    public var provider: Provider {
        get { embeddings.provider }
        set { embeddings.provider = newValue }
    }
    public var model: String {
        get { embeddings.model }
        set { embeddings.model = newValue }
    }
    public var dimensions: Int? { embeddings.dimensions }
    public var batchSize: Int {
        get { embeddings.batchSize }
        set { embeddings.batchSize = newValue }
    }

    public static func defaultModel(_ provider: Provider) -> String { EmbeddingConfig.defaultModel(provider) }

    /// The embedding client of the configured provider (nil for `none`); see `EmbeddingConfig`.
    public func makeEmbedder(transport: any HTTPTransport, forQueries: Bool, limiter: CallRateLimiter? = nil)
        -> (any Embedder)?
    {
        embeddings.makeEmbedder(transport: transport, forQueries: forQueries, limiter: limiter)
    }

    /// The search's data files (`SearchLexicon.files`); a missing one stops the process at start.
    public func loadLexicon() throws(ConfigError) -> SearchLexicon {
        do {
            return try SearchLexicon.load(directory: searchDataDirectory)
        } catch {
            throw ConfigError(
                setting: "SEARCH_DATA_DIR",
                problem:
                    "no se pudieron leer \(SearchLexicon.files.joined(separator: ", ")) en \(searchDataDirectory)"
            )
        }
    }
}
