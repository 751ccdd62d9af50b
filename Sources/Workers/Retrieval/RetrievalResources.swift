import Assistant
import Integrations
import Logging
import Shop

/// What the indexing handlers need: the storage and the embedding client of the configured
/// provider (nil with EMBEDDINGS_PROVIDER=none), with the job engine's retry patience.
package struct RetrievalResources: Sendable {
    var store: any ShopStore
    var embedder: (any Embedder)?
    /// Products per re-index slice (one `catalogo.embeber` job each).
    var sliceSize: Int

    package init(database: AppDatabase, embedder: (any Embedder)?, sliceSize: Int = 128) {
        self.init(store: SQLiteStore(database), embedder: embedder, sliceSize: sliceSize)
    }

    package init(store: any ShopStore, embedder: (any Embedder)?, sliceSize: Int = 128) {
        self.store = store
        self.embedder = embedder
        self.sliceSize = max(1, sliceSize)
    }

    package init(store: any ShopStore, config: RetrievalConfig) {
        self.init(
            store: store, embedder: config.makeEmbedder(transport: CurlTransport(), forQueries: false),
            sliceSize: config.batchSize * 4)
    }
}
