import Assistant
import Foundation
import Integrations
import JobEngine
import Pipeline
import Shop

/// Runs `catalogo.embeber` with the `VectorIndexer`: brings the named products' vectors (or
/// the whole catalog's) up to date in every index of the configured model. A slice of a
/// re-index also advances the re-index's progress; the last one swaps the new index in.
/// Result: `{embebidos, sin_cambios, borrados, indices, activado}`.
struct EmbedProductsHandler: JobHandler {
    let resources: RetrievalResources

    func handle(_ job: EmbedProductsJob, context: JobContext) async throws -> JobResult {
        guard let embedder = resources.embedder else {
            return try JobResult(
                VectorIndexer.Outcome(skipped: "sin proveedor de embeddings (EMBEDDINGS_PROVIDER=none)"))
        }
        let indexer = VectorIndexer(
            store: resources.store, embedder: embedder, batchSize: resources.sliceSize / 4)
        do {
            let outcome = try await indexer.update(
                job.all ? .wholeCatalog : .products(job.productIds), index: job.indexId
            ) { await reportReindexProgress(job, context: context) }
            if outcome.activated { context.logger.info("Índice de vectores \(outcome.indices) activado") }
            return try JobResult(outcome)
        } catch let error as ProviderError {
            throw error.jobError
        }
    }

    /// hechos/total on the re-index job this slice belongs to.
    private func reportReindexProgress(_ job: EmbedProductsJob, context: JobContext) async {
        guard let root = job.reindexed, let index = job.indexId else { return }
        do {
            let progress = try await resources.store.vectorProgress(index: index)
            try await context.jobs.reportProgress(root, done: progress.done, total: progress.total)
        } catch {
            context.logger.warning("No se pudo registrar el progreso del reindexado: \(error)")
        }
    }
}
