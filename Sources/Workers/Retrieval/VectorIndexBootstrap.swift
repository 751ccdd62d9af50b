import Foundation
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle

/// At worker start: when the catalog has products but no vector index of the configured
/// model is active or being built (first start, or EMBEDDING_MODEL / provider changed), a
/// re-index is enqueued (one per model and day, however many workers start); otherwise a
/// catch-up job embeds whatever changed while no worker was running.
package struct VectorIndexBootstrap: Service {
    let jobs: JobClient
    let resources: RetrievalResources
    let logger: Logger

    package init(jobs: JobClient, resources: RetrievalResources, logger: Logger) {
        self.jobs = jobs
        self.resources = resources
        self.logger = logger
    }

    package func run() async {
        guard let embedder = resources.embedder else {
            logger.info("EMBEDDINGS_PROVIDER=none: la búsqueda usa solo palabras")
            return
        }
        let model = embedder.model
        do {
            let store = resources.store
            let (targets, active, products) = (
                try await store.vectorTargets(model: model), try await store.activeVectorIndex(),
                try await store.allProductIds().count
            )
            guard products > 0 else { return }
            if targets.isEmpty {
                let reason =
                    active.map { "modelo nuevo (\(model); el índice activo es de \($0.model))" } ?? "primer índice"
                let enqueued = try await jobs.enqueue(
                    ReindexCatalogJob(reason: reason), idempotencyKey: ReindexCatalogJob.automaticKey(model: model))
                if enqueued.created { logger.notice("Reindexado de vectores encolado: \(reason)") }
            } else if targets.contains(where: { $0.state == .active }) {
                try await jobs.enqueue(EmbedProductsJob.wholeCatalog)
            }
        } catch {
            logger.warning("No se pudo revisar el índice de vectores al iniciar: \(error)")
        }
    }
}
