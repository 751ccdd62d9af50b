import Integrations
import Pipeline

extension DeliveryResources {
    /// From the environment (`TELEGRAM_TOKEN`, `TELEGRAM_API_BASE_URL`), the blob store, and
    /// the Telegram scripts beside the queue files.
    package static func make(_ boot: Bootstrap, blobs: BlobConfig) throws -> DeliveryResources {
        let config = try TelegramConfig(environment: boot.environment)
        let scripts = try TelegramScripts.load(directory: boot.config.queuesDirectory)
        let transport = CurlTransport(maxConcurrent: 48)
        return DeliveryResources(
            telegram: config.token.map { TelegramClient(token: $0, baseURL: config.apiBaseURL, transport: transport) },
            limiter: TelegramRateLimiter(redis: boot.redis, script: scripts.limit, limits: config.limits),
            blobs: blobs.store,
            callback: ReplyCallback(transport: transport))
    }
}
