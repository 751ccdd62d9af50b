import Assistant
import Integrations
import Logging
import Shop

/// What the indexing handlers need: the database and the embedding client of the configured
/// provider (nil with EMBEDDINGS_PROVIDER=none), with the job engine's retry patience.
package struct RetrievalResources: Sendable {
    var database: AppDatabase
    var embedder: (any Embedder)?
    /// Products per re-index slice (one `catalogo.embeber` job each).
    var sliceSize: Int

    package init(database: AppDatabase, embedder: (any Embedder)?, sliceSize: Int = 128) {
        self.database = database
        self.embedder = embedder
        self.sliceSize = max(1, sliceSize)
    }

    package init(database: AppDatabase, config: RetrievalConfig) {
        self.init(
            database: database, embedder: config.makeEmbedder(transport: CurlTransport(), forQueries: false),
            sliceSize: config.batchSize * 4)
    }
}
