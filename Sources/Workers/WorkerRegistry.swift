import Core

/// What the commerce handlers need: the shop's database and the uploads directory.
struct CommerceResources: Sendable {
    var database: AppDatabase
    var uploadsDirectory: String
}

/// Every job kind this executable can run, with its handler.
enum WorkerHandlers {
    /// Without `commerce` (engine tests, the queue benchmark) only the no-op kind is served;
    /// `media` adds photos (vision) and voice notes (transcripcion); `agent` the reply worker
    /// (chat messages).
    static func registry(
        commerce: CommerceResources? = nil, media: MediaResources? = nil, agent: AgentResources? = nil
    ) -> JobRegistry {
        var registry = JobRegistry()
        registry.register(NoopHandler())
        if let commerce {
            registry.register(PlaceOrderHandler(database: commerce.database))
            registry.register(
                ImportCatalogHandler(database: commerce.database, uploadsDirectory: commerce.uploadsDirectory))
        }
        if let media {
            registry.register(ImageMessageHandler(media: media))
            registry.register(AudioMessageHandler(media: media))
        }
        if let agent {
            registry.register(ChatMessageHandler(resources: agent))
        }
        return registry
    }
}
