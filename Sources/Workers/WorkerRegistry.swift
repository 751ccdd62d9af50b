import Core

/// What the commerce handlers need: the shop's database and the uploads directory.
struct CommerceResources: Sendable {
    var database: AppDatabase
    var uploadsDirectory: String
    /// Exports need `SECRET_KEY` (they sign download links); nil = the kind isn't served here.
    var exports: ExportResources? = nil
}

/// Every job kind this executable can run, with its handler.
enum WorkerHandlers {
    /// Without `commerce` (engine tests, the queue benchmark) only the no-op kind is served;
    /// `media` adds photos (vision) and voice notes (transcripcion).
    static func registry(commerce: CommerceResources? = nil, media: MediaResources? = nil) -> JobRegistry {
        var registry = JobRegistry()
        registry.register(NoopHandler())
        if let commerce {
            registry.register(PlaceOrderHandler(database: commerce.database))
            registry.register(
                ImportCatalogHandler(database: commerce.database, uploadsDirectory: commerce.uploadsDirectory))
            if let exports = commerce.exports {
                registry.register(ExportHandler(database: commerce.database, exports: exports))
            }
        }
        if let media {
            registry.register(ImageMessageHandler(media: media))
            registry.register(AudioMessageHandler(media: media))
        }
        return registry
    }
}
