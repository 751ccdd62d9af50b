import Integrations
import Logging
import Shop

/// Builds the best catalog search the configuration allows; the reply worker calls this once
/// at start (a bad setting or a missing data file stops the process with one line).
/// With an embedding provider: `HybridRetriever` (words and vectors, falling back to words
/// alone while vectors are unavailable), its query embeddings cached and batched
/// (`QueryEmbedder`); with EMBEDDINGS_PROVIDER=none: `LexicalRetriever`.
public enum ProductRetrievers {
    public static func make(
        config: RetrievalConfig, store: any ShopStore, logger: Logger, transport: any HTTPTransport = CurlTransport(),
        lexicon: SearchLexicon? = nil
    ) throws -> any ProductRetriever {
        let lexicon = try lexicon ?? config.loadLexicon()
        let lexical = LexicalRetriever(store: store, lexicon: lexicon, threshold: config.threshold)
        guard let embedder = config.makeEmbedder(transport: transport, forQueries: true) else { return lexical }
        return HybridRetriever(
            lexical: lexical, vectors: VectorIndexCache(store: store),
            embedder: QueryEmbedder(base: embedder, maxBatch: config.batchSize), logger: logger)
    }
}
