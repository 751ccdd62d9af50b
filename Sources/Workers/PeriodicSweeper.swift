import Foundation
import Integrations
import Logging
import ServiceLifecycle
import Shop
import Support

/// Deletes what has expired (customers' photos and audio, export files) at start and then
/// every `interval` seconds, until graceful shutdown. A sweep of files runs on `BlockingPool`
/// threads (it walks directories); several worker processes sweeping one directory is harmless.
package struct PeriodicSweeper: Service {
    /// What the log says was removed ("Archivos de clientes vencidos eliminados").
    let what: String
    let interval: Double
    let logger: Logger
    let sweep: @Sendable () async -> Int

    init(what: String, interval: Double, logger: Logger, sweep: @escaping @Sendable () async -> Int) {
        self.what = what
        self.interval = interval
        self.logger = logger
        self.sweep = sweep
    }

    /// A sweep that blocks (walks directories), run on `BlockingPool`.
    init(what: String, interval: Double, logger: Logger, blocking: @escaping @Sendable () -> Int) {
        self.init(what: what, interval: interval, logger: logger) {
            (try? await BlockingPool.shared.run(blocking)) ?? 0
        }
    }

    package func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let removed = await sweep()
                if removed > 0 { logger.info("\(what): \(removed)") }
                try? await Task.sleep(for: .milliseconds(OutsideNumber.milliseconds(interval)))
            }
        }
    }

    /// Customers' photos and audio older than `BLOBS_RETENTION_HOURS`.
    package static func blobs(_ store: any BlobStore, config: BlobConfig, logger: Logger) -> PeriodicSweeper {
        PeriodicSweeper(
            what: "Archivos de clientes vencidos eliminados", interval: config.sweepIntervalSeconds, logger: logger
        ) {
            do {
                return try await store.removeExpired(olderThan: config.retentionSeconds, now: Date())
            } catch {
                logger.warning("No se pudieron borrar los archivos de clientes vencidos: \(error)")
                return 0
            }
        }
    }

    /// Conversations past their retention (`RetentionConfig`): old messages, dialogue states
    /// and turn records; several worker processes sweeping one database is harmless.
    package static func conversations(_ store: any ChatStore, config: RetentionConfig, logger: Logger)
        -> PeriodicSweeper
    {
        PeriodicSweeper(
            what: "Mensajes, turnos y estados de chat vencidos eliminados", interval: config.sweepIntervalSeconds,
            logger: logger
        ) {
            let now = Date()
            func before(_ days: Double) -> Date? { days > 0 ? now.addingTimeInterval(-days * 86_400) : nil }
            do {
                return try await store.pruneConversations(
                    messagesBefore: before(config.messagesDays), dialogueBefore: before(config.dialogueDays),
                    batch: 5_000
                ).total
            } catch {
                logger.warning("No se pudieron borrar las conversaciones vencidas: \(error)")
                return 0
            }
        }
    }

    /// Expired exports and partial files a dead worker left, every `EXPORTS_CLEANUP_INTERVAL`
    /// (the download route refuses expired links anyway).
    package static func exports(_ shelf: any ExportShelf, interval: Double, logger: Logger) -> PeriodicSweeper {
        PeriodicSweeper(what: "Exportaciones vencidas borradas", interval: interval, logger: logger) {
            await shelf.sweep(now: Date())
        }
    }
}
