import Core
import Logging
import ServiceLifecycle

/// Deletes uploaded photos and audio older than the retention (`BLOBS_RETENTION_HOURS`),
/// at start and then every `sweepIntervalSeconds`, until graceful shutdown. Several worker
/// processes sweeping the same directory is harmless.
struct BlobSweeper: Service {
    let store: BlobStore
    let config: BlobConfig
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let removed = await store.sweep(olderThan: config.retentionSeconds)
                if removed > 0 { logger.info("Archivos de clientes vencidos eliminados: \(removed)") }
                try await Task.sleep(for: .milliseconds(Int(config.sweepIntervalSeconds * 1000)))
            }
        }
    }
}
