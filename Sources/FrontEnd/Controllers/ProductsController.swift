import Foundation
import Hummingbird
import JobEngine
import Pipeline
import Shop

/// The catalog: anyone with a token reads it; admins change it and import CSV files (→ job).
struct ProductsController {
    let store: any ShopStore
    let jobs: JobClient
    let uploads: any CatalogUploads

    /// Largest catalog file accepted (the multipart envelope gets a little extra room).
    static let maxUploadBytes = CatalogEditor.maxUploadBytes

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

    private var editor: CatalogEditor {
        CatalogEditor(store: store, jobs: jobs, uploads: uploads)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(ProductInput.self)
        let product = try await editor.create(input, logger: context.logger)
        return try APIJSON.response(product, status: .created, headers: [.location: "/productos/\(product.id)"])
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el producto")
        let changes = try await request.decodeJSON(ProductChanges.self)
        return try APIJSON.response(try await editor.update(id: id, changes, logger: context.logger))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el producto")
        let outcome = try await editor.delete(id: id, logger: context.logger)
        return try APIJSON.response(Outcome(result: outcome.rawValue))
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
        let id = try await editor.importFile(data, mode: mode, owner: context.identity?.ownerKey)
        return ChatController.accepted(id)
    }
}
