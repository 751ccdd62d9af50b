import Core

/// What the commerce handlers need: the shop's database and the uploads directory.
struct CommerceResources: Sendable {
    var database: AppDatabase
    var uploadsDirectory: String
}

/// Every job kind this executable can run, with its handler.
enum WorkerHandlers {
    /// Without `commerce` (engine tests, the queue benchmark) only the no-op kind is served.
    static func registry(commerce: CommerceResources? = nil, retrieval: RetrievalResources? = nil) -> JobRegistry {
        var registry = JobRegistry()
        registry.register(NoopHandler())
        if let commerce {
            registry.register(PlaceOrderHandler(database: commerce.database))
            registry.register(
                ImportCatalogHandler(database: commerce.database, uploadsDirectory: commerce.uploadsDirectory))
        }
        if let retrieval {
            registry.register(EmbedProductsHandler(resources: retrieval))
            registry.register(ReindexCatalogHandler(resources: retrieval))
        }
        return registry
    }
}
