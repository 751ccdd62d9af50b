import Foundation
import Integrations
import JobEngine
import Pipeline

/// Runs `catalogo.reindexar`: creates a new index for the configured model beside the active
/// one (found again if this job is re-delivered after a crash), and fans the catalog out in
/// `catalogo.embeber` slices, enqueued atomically with this job's acknowledgement. Searches
/// keep using the old index until the last slice completes the new one and swaps it in. The
/// job stays `procesando` … with `progreso` hechos/total until every slice is done.
/// Result: `{indice_id, modelo, total, lotes}`.
struct ReindexCatalogHandler: JobHandler {
    let resources: RetrievalResources

    struct Outcome: Encodable {
        var indexId: Int64
        var model: String
        var total: Int
        var batches: Int

        enum CodingKeys: String, CodingKey {
            case model = "modelo", total, batches = "lotes"
            case indexId = "indice_id"
        }
    }

    func handle(_ job: ReindexCatalogJob, context: JobContext) async throws -> JobResult {
        guard let embedder = resources.embedder else {
            throw JobError.permanent("No hay proveedor de embeddings configurado (EMBEDDINGS_PROVIDER=none).")
        }
        // One text first: the provider answers, and the index learns the vectors' size.
        let probe: [Float]
        do {
            probe = try await embedder.embed(["prueba"], purpose: .passage)[0]
        } catch let error as ProviderError {
            throw error.jobError
        }
        let jobId = context.id
        let store = resources.store
        let model = embedder.model
        let index = try await store.buildingIndex(job: jobId, model: model, dimension: probe.count)
        let ids = try await store.allProductIds()
        let progress = try await store.vectorProgress(index: index.id)
        await context.progress(done: progress.done, total: progress.total)
        context.logger.info(
            "Reindexado (\(job.reason)): índice \(index.id), modelo \(model), \(ids.count) productos")
        if index.state == .active || ids.isEmpty {
            _ = try await store.activateIfComplete(index: index.id)
            return try JobResult(Outcome(indexId: index.id, model: model, total: ids.count, batches: 0))
        }
        var slices: [NewJob] = []
        for start in stride(from: 0, to: ids.count, by: resources.sliceSize) {
            let slice = Array(ids[start..<min(ids.count, start + resources.sliceSize)])
            slices.append(
                try NewJob(EmbedProductsJob(productIds: slice, indexId: index.id, reindexed: jobId)))
        }
        return try JobResult(
            Outcome(indexId: index.id, model: model, total: ids.count, batches: slices.count), followUps: slices)
    }
}
