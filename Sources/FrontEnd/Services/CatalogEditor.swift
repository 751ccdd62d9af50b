import Foundation
import JobEngine
import Logging
import Pipeline
import Shop

/// Changes to the catalog, shared by the API (`ProductsController`, `ReindexController`) and
/// the console: the edit is stored and the changed products' vectors are brought up to date
/// by an `indexar` job; a catalog file is stored under `UPLOADS_DIR` and imported by the
/// `importar` worker; a re-index is a job.
struct CatalogEditor: Sendable {
    let store: any ProductStore
    let jobs: JobClient
    /// Where uploaded catalog files wait for the import worker (`BLOBS_BACKEND`).
    let uploads: any CatalogUploads

    /// Largest catalog file accepted.
    static let maxUploadBytes = 5 * 1024 * 1024

    func create(_ input: ProductInput, logger: Logger) async throws -> Product {
        let product = try await store.createProduct(input)
        await refreshVectors([product.id], logger: logger)
        return product
    }

    func update(id: Int64, _ changes: ProductChanges, logger: Logger) async throws -> Product {
        let product = try await store.updateProduct(id: id, changes)
        await refreshVectors([id], logger: logger)
        return product
    }

    func delete(id: Int64, logger: Logger) async throws -> ProductDeletion {
        let outcome = try await store.deleteProduct(id: id)
        await refreshVectors([id], logger: logger)
        return outcome
    }

    /// Stores the CSV under the uploads directory and enqueues its import → the job's id.
    func importFile(_ data: Data, mode: ImportMode, owner: String?) async throws -> String {
        guard data.count <= Self.maxUploadBytes else {
            throw APIError(.bodyTooLarge, "El archivo supera el máximo de 5 MB.")
        }
        guard !data.isEmpty else {
            throw APIError(.validation, "El archivo del catálogo está vacío.")
        }
        // The header is checked here (a file that is not a catalog gets a 422 now, not a
        // failed job later); the rows are the import job's.
        let header = data.prefix(64 * 1024).prefix { $0 != 0x0A }
        let headerErrors = CatalogCSV.parse(Data(header)).errors.filter { $0.row == 1 }
        guard headerErrors.isEmpty else {
            throw APIError(
                .validation, headerErrors.map(\.message).joined(separator: " "),
                fields: headerErrors.map { ValidationError(field: $0.field ?? "archivo", message: $0.message) })
        }
        let name = "\(UUID().uuidString.lowercased()).csv"
        try await uploads.save(data, as: name)
        let job = ImportCatalogJob(file: name, mode: mode, bytes: data.count)
        return try await jobs.enqueue(job, owner: owner).id
    }

    /// Enqueues a rebuild of the catalog's vectors → the job's id.
    func reindex(reason: String, idempotencyKey: String?, owner: String?) async throws -> String {
        let key = idempotencyKey.map { "reindexar:\($0.prefix(200))" }
        return try await jobs.enqueue(ReindexCatalogJob(reason: reason), idempotencyKey: key, owner: owner).id
    }

    /// Enqueues the embedding of changed products. The change is already stored, so a
    /// failure here is logged, not returned: workers catch up at their next start.
    private func refreshVectors(_ ids: [Int64], logger: Logger) async {
        do {
            try await jobs.enqueue(EmbedProductsJob(productIds: ids))
        } catch {
            logger.warning("No se encoló el embebido de los productos \(ids): \(error)")
        }
    }
}
