import Foundation
import JobEngine
import Logging
import Pipeline
import Shop

/// What the export handler and the sweep of expired files need.
package struct ExportResources: Sendable {
    package var config: ExportConfig
    var links: DownloadLinkSigner
    /// Where finished files wait for their download (`BLOBS_BACKEND`); the exports directory
    /// by default.
    package var shelf: any ExportShelf

    package var files: ExportFiles { ExportFiles(directory: config.directory) }

    package init(config: ExportConfig, links: DownloadLinkSigner, shelf: (any ExportShelf)? = nil) {
        self.config = config
        self.links = links
        self.shelf = shelf ?? ExportFiles(directory: config.directory)
    }
}

/// Runs `exportar` jobs: streams the rows into `EXPORTS_DIR` (progress in the job status),
/// then answers a signed download link. Idempotent: a re-run removes what an earlier attempt
/// of the same job left and writes the file again.
struct ExportHandler: JobHandler {
    let store: any ExportStore
    let exports: ExportResources

    func handle(_ job: ExportJob, context: JobContext) async throws -> JobResult {
        let shelf = exports.shelf
        await shelf.removeFiles(ofJob: context.id)
        let now = Date()
        let expires = Int(now.timeIntervalSince1970 + exports.config.linkLifetime)
        let name = exports.files.fileName(jobId: context.id, expires: expires, format: job.format)
        let outcome = try await export(job, to: try shelf.workPath(for: name), context: context)
        try await shelf.publish(name, expires: expires)
        let link = DownloadLink(
            file: name, name: ExportFiles.downloadName(job.resource, job.format, at: now), expires: expires)
        context.logger.info(
            "Exportación de \(job.resource.rawValue) en \(job.format.rawValue): \(outcome.rows) filas, \(outcome.bytes) bytes"
        )
        return try JobResult(
            ExportJob.Result(
                url: "/exportar/descargas/" + exports.links.sign(link),
                expires: ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(expires))),
                rows: outcome.rows,
                bytes: outcome.bytes, file: link.name))
    }

    /// The export streamed by the storage engine, its progress relayed to the job status
    /// (only the newest figure waits: a slow Redis never holds the export back).
    private func export(_ job: ExportJob, to path: String, context: JobContext) async throws -> Exporter.Outcome {
        let (updates, continuation) = AsyncStream.makeStream(of: (Int, Int).self, bufferingPolicy: .bufferingNewest(1))
        let store = self.store
        do {
            return try await withThrowingTaskGroup(of: Exporter.Outcome?.self) { group in
                group.addTask {
                    for await (done, total) in updates { await context.progress(done: done, total: total) }
                    return nil
                }
                group.addTask {
                    defer { continuation.finish() }
                    return try await store.export(job, to: path) { done, total in
                        continuation.yield((done, total))
                    }
                }
                var outcome: Exporter.Outcome?
                for try await result in group where result != nil { outcome = result }
                return outcome!
            }
        } catch let error as any CodedError {
            throw JobError.permanent(error.message)
        }
    }
}

extension ExportResources {
    /// Nil (with a warning) when `SECRET_KEY` is missing and the process wasn't asked for the
    /// `exportar` queue by name (the links are signed with it); a `ConfigError` when it was.
    init?(config: WorkersConfig, shelf: any ExportShelf, logger: Logger) throws {
        guard config.app.secretKey != nil || config.options.queues?.contains(ExportJob.queue) == true else {
            if config.options.queues == nil {
                logger.warning(
                    "SECRET_KEY no está definida: este proceso no atiende la cola exportar (firma los enlaces de descarga)"
                )
            }
            return nil
        }
        self.init(
            config: config.exports, links: DownloadLinkSigner(secret: try config.app.requiredSecretKey()),
            shelf: shelf)
    }
}
