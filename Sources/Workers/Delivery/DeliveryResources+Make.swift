import Integrations
import JobEngine
import Pipeline

extension DeliveryResources {
    /// The Telegram client (with `TELEGRAM_TOKEN`), the shared send limits (scripts beside the
    /// queue files), the blob store and the channels' HTTP callbacks.
    /// Callbacks get a transport of their own that connects only to public addresses and the
    /// networks `CALLBACK_ALLOWED_NETWORKS` lists, checked on the resolved address.
    package init(
        telegram config: TelegramConfig, queuesDirectory: String, redis: RedisClient, blobs: any BlobStore,
        callbacks: CallbackConfig = CallbackConfig()
    ) throws {
        let scripts = try TelegramScripts.load(directory: queuesDirectory)
        let transport = CurlTransport(maxConcurrent: 48)
        self.init(
            telegram: config.token.map { TelegramClient(token: $0, baseURL: config.apiBaseURL, transport: transport) },
            limiter: TelegramRateLimiter(redis: redis, script: scripts.limit, limits: config.limits),
            blobs: blobs,
            callback: ReplyCallback(transport: CurlTransport(maxConcurrent: 16, addresses: callbacks.addresses)),
            maxWaitSeconds: callbacks.maxWaitSeconds)
    }
}
