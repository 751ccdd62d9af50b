import Foundation
import Integrations
import JobEngine
import Logging
import Pipeline
import Shop

/// Loads the demo catalog and company text (`data/`) into an empty database at start-up.
package enum DemoData {
    /// With `jobs`, a freshly loaded catalog gets its vectors: the same automatic re-index a
    /// worker would enqueue at start (one job, whoever asks first).
    package static func seedIfEmpty(
        _ store: any CatalogStore, directory: String = "data", logger: Logger, jobs: JobClient? = nil,
        embeddings: EmbeddingConfig? = nil
    ) async throws {
        let catalog = (try? String(contentsOfFile: "\(directory)/catalogo.csv", encoding: .utf8)) ?? ""
        let company = (try? String(contentsOfFile: "\(directory)/contexto_empresa.md", encoding: .utf8)) ?? ""
        let result = try await store.seedIfEmpty(catalogCSV: catalog, companyText: company)
        if result.products > 0 {
            logger.info("Catálogo de demostración cargado: \(result.products) productos")
            if let jobs, let model = embeddings?.makeEmbedder(transport: CurlTransport(), forQueries: false)?.model {
                try await jobs.enqueue(
                    ReindexCatalogJob(reason: "catálogo de demostración"),
                    idempotencyKey: ReindexCatalogJob.automaticKey(model: model))
            }
        }
        if !result.errors.isEmpty {
            logger.warning("El catálogo de demostración tiene \(result.errors.count) filas con errores")
        }
    }
}
