import Core
import Foundation
import Logging
import ServiceLifecycle

/// Deletes expired exports (and partial files a dead worker left) every
/// `EXPORTS_CLEANUP_INTERVAL` seconds; the download route refuses expired links anyway.
struct ExportJanitor: Service {
    let files: ExportFiles
    let interval: TimeInterval
    let logger: Logger

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let removed = files.sweep()
                if removed > 0 { logger.info("Exportaciones vencidas borradas: \(removed)") }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }
}
