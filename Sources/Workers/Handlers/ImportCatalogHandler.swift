import Foundation
import JobEngine
import Pipeline
import Shop

/// Runs `catalogo.importar` jobs: reads the uploaded file and imports its valid rows in one
/// transaction. The result is the `ImportResult` (created, updated, unchanged, deactivated
/// counts and every refused row). The upload is kept, so a re-run after a lost
/// acknowledgement finds it (the import itself is an idempotent upsert). Then the catalog's
/// vectors are brought up to date by a `catalogo.embeber` job (enqueued on its own, not as a
/// follow-up: the import is done when its rows are stored, not when they are embedded).
struct ImportCatalogHandler: JobHandler {
    let store: any CatalogStore
    let uploads: any CatalogUploads

    func handle(_ job: ImportCatalogJob, context: JobContext) async throws -> JobResult {
        guard ImportCatalogJob.isSafeFileName(job.file) else {
            throw JobError.permanent("El nombre de archivo «\(job.file)» no es válido.")
        }
        let mode: ImportMode
        do {
            mode = try ImportMode(parsing: job.mode)
        } catch {
            throw JobError.permanent(error.message)
        }
        guard let data = try await uploads.load(job.file) else {
            throw JobError.permanent("El archivo subido \(job.file) ya no está guardado.")
        }
        do {
            let result = try await store.importCatalog(csv: data, mode: mode)
            context.logger.info(
                "Catálogo importado: \(result.createdCount) creados, \(result.updatedCount) actualizados, \(result.deactivatedCount) desactivados, \(result.errors.count) filas con errores"
            )
            try await context.jobs.enqueue(EmbedProductsJob.wholeCatalog)
            return try JobResult(result)
        } catch let error as any CodedError where error.code == .validation {
            throw JobError.permanent(error.message)
        }
    }
}
