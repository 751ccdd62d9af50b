import Integrations
import SpanishText

/// The embedder searches use for customers' words: the text is folded to its words (so
/// "¿Guantes de VAQUETA?" and "guantes de vaqueta" are one entry), looked up in the
/// `QueryEmbeddingCache`, and on a miss embedded through the `QueryEmbeddingBatcher`, which
/// lets concurrent searches share one call. Passages (the catalog's texts) and lists of
/// texts go straight to the provider.
public struct QueryEmbedder: Embedder {
    public let base: any Embedder
    public let cache: QueryEmbeddingCache
    public let batcher: QueryEmbeddingBatcher

    public init(
        base: any Embedder, cache: QueryEmbeddingCache = QueryEmbeddingCache(), maxInFlight: Int = 2, maxBatch: Int = 32
    ) {
        self.base = base
        self.cache = cache
        batcher = QueryEmbeddingBatcher(embedder: base, maxInFlight: maxInFlight, maxBatch: maxBatch)
    }

    public var model: String { base.model }

    /// What is embedded for `text`: its folded words, at most `QueryUnderstanding.maxTokens`.
    public static func key(_ text: String) -> String {
        QueryUnderstanding.readTokens(text).joined(separator: " ")
    }

    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        guard purpose == .query, texts.count == 1 else { return try await base.embed(texts, purpose: purpose) }
        return [try await embedQuery(texts[0])]
    }

    /// The cached vector of the text's words, or a new one (batched with concurrent callers).
    public func embedQuery(_ text: String) async throws -> [Float] {
        let key = Self.key(text)
        if let vector = cache.vector(model: base.model, text: key) { return vector }
        let vector = try await batcher.embed(key)
        cache.store(vector, model: base.model, text: key)
        return vector
    }
}
