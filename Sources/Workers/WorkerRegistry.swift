import Integrations
import JobEngine
import Shop

/// What the commerce handlers need: the shop's storage and the uploads directory.
package struct CommerceResources: Sendable {
    var store: any ShopStore
    /// Where uploaded catalog files are read from (`UPLOADS_DIR` unless `BLOBS_BACKEND`
    /// says database).
    package var uploads: any CatalogUploads
    /// Exports need `SECRET_KEY` (they sign download links); nil = the kind isn't served here.
    package var exports: ExportResources? = nil

    package init(database: AppDatabase, uploadsDirectory: String, exports: ExportResources? = nil) {
        self.init(store: SQLiteStore(database), uploadsDirectory: uploadsDirectory, exports: exports)
    }

    package init(store: any ShopStore, uploadsDirectory: String, exports: ExportResources? = nil) {
        self.store = store
        self.uploads = UploadDirectory(directory: uploadsDirectory)
        self.exports = exports
    }

    /// Orders through the storage boundary.
    var orders: any OrderStore { store }
}

/// What the delivery and Telegram handlers need besides the database.
package struct DeliveryResources: Sendable {
    /// Nil without `TELEGRAM_TOKEN`: replies to Telegram chats then wait as dead letters, and
    /// Telegram downloads and chat actions are not served by this process.
    var telegram: TelegramClient?
    var limiter: TelegramRateLimiter
    var blobs: any BlobStore
    var callback: ReplyCallback
    /// How long a reply may keep being refused with 429 before its delivery fails
    /// (`DELIVERY_MAX_WAIT_S`).
    var maxWaitSeconds: Double = 3_600
}

/// Every job kind this executable can run, with its handler.
package enum WorkerHandlers {
    /// Without `commerce` (engine tests, the queue benchmark) only the no-op kind is served;
    /// `media` adds photos (vision) and voice notes (transcripcion); `delivery` (with
    /// `commerce`) the delivery of replies and the Telegram kinds; `agent` the reply worker
    /// (chat messages); `retrieval` the catalog's vectors (embedding and re-index).
    package static func registry(
        commerce: CommerceResources? = nil, media: MediaResources? = nil, delivery: DeliveryResources? = nil,
        agent: AgentResources? = nil, retrieval: RetrievalResources? = nil
    ) -> JobRegistry {
        var registry = JobRegistry()
        registry.register(NoopHandler())
        if let commerce {
            registry.register(PlaceOrderHandler(orders: commerce.orders))
            registry.register(
                ImportCatalogHandler(store: commerce.store, uploads: commerce.uploads))
            if let exports = commerce.exports {
                registry.register(ExportHandler(store: commerce.store, exports: exports))
            }
        }
        if let media {
            registry.register(ImageMessageHandler(media: media))
            registry.register(AudioMessageHandler(media: media))
        }
        if let commerce, let delivery {
            registry.register(
                DeliverReplyHandler(
                    store: commerce.store,
                    telegram: delivery.telegram.map { TelegramSender(client: $0, limiter: delivery.limiter) },
                    callback: delivery.callback, maxWaitSeconds: delivery.maxWaitSeconds))
            if let telegram = delivery.telegram {
                registry.register(TelegramFileHandler(telegram: telegram, blobs: delivery.blobs))
                registry.register(
                    TelegramTypingHandler(telegram: telegram.with(policy: .once), store: commerce.store))
                registry.register(TelegramCallbackAnswerHandler(telegram: telegram))
            }
        }
        if let agent {
            registry.register(ChatMessageHandler(resources: agent))
        }
        if let retrieval {
            registry.register(EmbedProductsHandler(resources: retrieval))
            registry.register(ReindexCatalogHandler(resources: retrieval))
        }
        return registry
    }
}
