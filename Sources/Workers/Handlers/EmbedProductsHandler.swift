import Foundation
import Integrations
import JobEngine
import Pipeline
import Shop

/// Runs `catalogo.embeber`: embeds the products whose text differs from the one their stored
/// vector was made from, into every index of the configured model (the active one and any
/// being built), and marks deleted products' vectors gone. Vectors are stored every batch, so
/// a crash loses at most one batch of work and a re-run skips what is stored. A slice of a
/// re-index also advances the re-index's progress and swaps the new index in when it is
/// complete. Result: `{embebidos, sin_cambios, borrados, indices, activado}`.
struct EmbedProductsHandler: JobHandler {
    let resources: RetrievalResources

    struct Outcome: Encodable {
        var embedded = 0
        var unchanged = 0
        var deleted = 0
        var indices: [Int64] = []
        var activated = false
        var skipped: String?

        enum CodingKeys: String, CodingKey {
            case embedded = "embebidos", deleted = "borrados", indices, activated = "activado", skipped = "omitido"
            case unchanged = "sin_cambios"
        }
    }

    func handle(_ job: EmbedProductsJob, context: JobContext) async throws -> JobResult {
        var outcome = Outcome()
        guard let embedder = resources.embedder else {
            outcome.skipped = "sin proveedor de embeddings (EMBEDDINGS_PROVIDER=none)"
            return try JobResult(outcome)
        }
        let database = resources.database
        let model = embedder.model
        let targets = try await database.perform { db -> [VectorIndexInfo] in
            if let id = job.indexId {
                return try db.vectorIndex(id: id).map { [$0] } ?? []
            }
            return try db.vectorTargets(model: model)
        }.filter { $0.model == model && $0.state != .retired }
        guard !targets.isEmpty else {
            outcome.skipped = "no hay índice del modelo \(model) (lo creará el reindexado)"
            return try JobResult(outcome)
        }
        outcome.indices = targets.map(\.id)

        let ids = job.all ? try await database.perform { try $0.allProductIds() } : job.productIds
        let products = try await database.perform { try $0.products(ids: ids) }
        let existing = Set(products.map(\.id))
        var deleted = ids.filter { !existing.contains($0) }
        if job.all {
            for target in targets { deleted += try await database.perform { try $0.orphanVectors(index: target.id) } }
        }

        // What each index lacks; each product is embedded once for all of them.
        var missing: [Int64: [Int64]] = [:]  // product → indexes needing it
        for target in targets {
            let stored = try await database.perform { try $0.vectorFingerprints(index: target.id, productIds: ids) }
            for product in products where stored[product.id] != ProductPassage.fingerprint(product) {
                missing[product.id, default: []].append(target.id)
            }
        }
        let pending = products.filter { missing[$0.id] != nil }
        outcome.unchanged = products.count - pending.count

        let step = max(1, resources.sliceSize / 4)
        for start in stride(from: 0, to: pending.count, by: step) {
            let batch = Array(pending[start..<min(pending.count, start + step)])
            let texts = batch.map(ProductPassage.text)
            let vectors: [[Float]]
            do {
                vectors = try await embedder.embed(texts, purpose: .passage)
            } catch let error as ProviderError {
                throw error.jobError
            }
            for target in targets {
                let entries = zip(batch, zip(texts, vectors)).compactMap { product, pair -> ProductVector? in
                    guard missing[product.id]?.contains(target.id) == true else { return nil }
                    return ProductVector(
                        productId: product.id, fingerprint: ProductPassage.fingerprint(pair.0), vector: pair.1)
                }
                _ = try await database.perform { try $0.storeVectors(index: target.id, entries) }
            }
            outcome.embedded += batch.count
            await reportReindexProgress(job, context: context)
        }
        if !deleted.isEmpty {
            let deleted = deleted
            for target in targets {
                outcome.deleted += try await database.perform {
                    try $0.storeVectors(index: target.id, [], deleted: deleted)
                }
            }
        }
        for target in targets where target.state == .building {
            if try await database.perform({ try $0.activateIfComplete(index: target.id) }) {
                outcome.activated = true
                context.logger.info("Índice de vectores \(target.id) (\(target.model)) activado")
            }
        }
        await reportReindexProgress(job, context: context)
        return try JobResult(outcome)
    }

    /// hechos/total on the re-index job this slice belongs to.
    private func reportReindexProgress(_ job: EmbedProductsJob, context: JobContext) async {
        guard let root = job.reindexed, let index = job.indexId else { return }
        do {
            let progress = try await resources.database.perform { try $0.vectorProgress(index: index) }
            try await context.jobs.reportProgress(root, done: progress.done, total: progress.total)
        } catch {
            context.logger.warning("No se pudo registrar el progreso del reindexado: \(error)")
        }
    }
}
