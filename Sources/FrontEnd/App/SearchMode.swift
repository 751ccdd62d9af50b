import Shop

/// How the reply workers' catalog search answers now, as `/ready` reports it
/// (`{"busqueda": "vectores" | "solo_palabras"}`): with vectors once an index of the
/// configured embedding model is active (the workers build it at their first start and after
/// a model change), with words alone before that or with `EMBEDDINGS_PROVIDER=none`.
/// Informative: it does not change `/ready`'s status, which says whether Redis and the
/// database answer.
package enum SearchMode: String, Sendable {
    case vectors = "vectores"
    case wordsOnly = "solo_palabras"

    /// `model`: the configured embedder's model name (nil without an embedding provider).
    static func current(store: any VectorStore, model: String?) async -> SearchMode {
        guard let model else { return .wordsOnly }
        let active = try? await store.activeVectorIndex()
        return active?.model == model ? .vectors : .wordsOnly
    }
}
