import Foundation
import Hummingbird
import JobEngine
import Pipeline
import Shop

/// The catalog: anyone with a token reads it; admins change it and import CSV files (→ job).
struct ProductsController {
    let store: any ShopStore
    let jobs: JobClient
    let uploadsDirectory: String

    /// Largest catalog file accepted (the multipart envelope gets a little extra room).
    static let maxUploadBytes = 5 * 1024 * 1024

    func addReadRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.get("{id}", use: show)
    }

    func addWriteRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(use: create)
        group.post("importar", use: importCatalog)
        group.put("{id}", use: update)
        group.delete("{id}", use: delete)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        let text = request.query("q") ?? request.query("texto")
        let filter = ProductFilter(
            category: request.query("categoria"), active: try request.boolQuery("activo"), text: text)
        guard filter.textWords != nil else {
            throw ValidationErrors([
                ValidationError(
                    field: request.query("q") == nil ? "texto" : "q",
                    message:
                        "La búsqueda admite hasta \(ProductFilter.maxTextLength) caracteres y \(ProductFilter.maxTextWords) palabras distintas."
                )
            ])
        }
        let page = try await store.listProducts(filter, limit: limit, offset: offset)
        return try APIJSON.response(page)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el producto")
        guard let product = try await store.product(id: id) else {
            throw APIError.notFound("No existe el producto \(id).")
        }
        return try APIJSON.response(product)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(ProductInput.self)
        let product = try await store.createProduct(input)
        await refreshVectors([product.id], context: context)
        return try APIJSON.response(product, status: .created, headers: [.location: "/productos/\(product.id)"])
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el producto")
        let changes = try await request.decodeJSON(ProductChanges.self)
        let product = try await store.updateProduct(id: id, changes)
        await refreshVectors([id], context: context)
        return try APIJSON.response(product)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el producto")
        let outcome = try await store.deleteProduct(id: id)
        await refreshVectors([id], context: context)
        return try APIJSON.response(Outcome(result: outcome.rawValue))
    }

    /// Enqueues the embedding of changed products. The change is already stored, so a
    /// failure here is logged, not returned: workers catch up at their next start.
    private func refreshVectors(_ ids: [Int64], context: AppRequestContext) async {
        do {
            try await jobs.enqueue(EmbedProductsJob(productIds: ids))
        } catch {
            context.logger.warning("No se encoló el embebido de los productos \(ids): \(error)")
        }
    }

    /// `POST /productos/importar?modo=fusionar|reemplazar`: the CSV as a raw body (`text/csv`)
    /// or as the multipart field `archivo`; stored under the uploads directory, then a job.
    @Sendable func importCatalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        let mode = try ImportMode(parsing: request.query("modo"))
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maxUploadBytes + 64 * 1024)
        } catch {
            throw APIError(.bodyTooLarge, "El archivo supera el máximo de 5 MB.")
        }
        var data = Data(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            data = try Multipart.field("archivo", in: data, contentType: contentType)
        }
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
        let directory = URL(fileURLWithPath: uploadsDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try data.write(to: directory.appendingPathComponent(name), options: .atomic)
        let job = ImportCatalogJob(file: name, mode: mode, bytes: data.count)
        let enqueued = try await jobs.enqueue(job, owner: context.identity?.ownerKey)
        return ChatController.accepted(enqueued.id)
    }
}
