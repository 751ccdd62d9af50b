import Foundation
import Hummingbird
import JobEngine
import Shop

// Catálogo: search and list (staff), inline edits, create, CSV import and re-index (admin),
// all through `CatalogEditor` like the API.
extension ConsoleController {
    var editor: CatalogEditor {
        CatalogEditor(store: store, jobs: jobs, uploads: uploads)
    }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        let query = request.query("q")
        guard (query?.count ?? 0) <= 200 else { throw APIError.badRequest("La búsqueda admite máximo 200 caracteres.") }
        let page = try await store.listProducts(ProductFilter(text: query), limit: limit, offset: offset)
        let job = try await requestedJob(request)
        return try await self.page(
            context, title: "Catálogo", section: .catalog, flash: flash(request),
            content: CatalogView.page(page, query: query, job: job, session: try session(context), request: request))
    }

    @Sendable func updateProduct(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el producto")
        let form = try await form(request)
        guard let current = try await store.product(id: id) else {
            throw APIError.notFound("No existe el producto \(id).")
        }
        var changes = ProductChanges(
            price: try Self.amount(form, "precio"), stock: try Self.amount(form, "stock"),
            active: form["activo"].map { $0 == "1" })
        if let raw = form.text("estado") {
            guard let state = ProductState(rawValue: raw) else {
                throw ValidationErrors([
                    ValidationError(field: "estado", message: "El estado debe ser disponible, agotado o descontinuado.")
                ])
            }
            if (state == .discontinued) != current.discontinued { changes.state = state }
        }
        let product = try await editor.update(id: id, changes, logger: context.logger)
        await audit(
            context, "producto.editar",
            "#\(id) precio \(product.price) stock \(product.stock) activo \(product.active) estado \(product.state.rawValue)"
        )
        return ConsoleResponses.redirect(
            ConsoleFormat.url(
                "/consola/catalogo", [("q", request.query("q")), ("aviso", ConsoleFlash.productSaved.rawValue)])
                + "#producto-\(id)")
    }

    @Sendable func createProduct(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request)
        let input = ProductInput(
            name: form["nombre"] ?? "", description: form["descripcion"], price: try Self.amount(form, "precio") ?? -1,
            stock: try Self.amount(form, "stock") ?? -1, category: form.text("categoria"))
        let product = try await editor.create(input, logger: context.logger)
        await audit(context, "producto.crear", "#\(product.id) \(product.name)")
        return ConsoleResponses.redirect(
            ConsoleFormat.url(
                "/consola/catalogo", [("q", product.name), ("aviso", ConsoleFlash.productCreated.rawValue)]))
    }

    /// The CSV of the multipart field `archivo` → the `importar` job; the page then follows it.
    @Sendable func importCatalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await ConsoleAuthMiddleware.collect(&request, limit: ConsoleAuthMiddleware.maxMultipartBytes)
        let parts = try Multipart.parts(in: body, contentType: request.headers[.contentType] ?? "")
        guard let file = parts.first(where: { $0.name == "archivo" }) else {
            throw APIError.validation("Elija el archivo CSV del catálogo.")
        }
        let mode = try ImportMode(parsing: parts.first { $0.name == "modo" }?.text)
        let id = try await editor.importFile(file.data, mode: mode, owner: context.identity?.ownerKey)
        await audit(context, "catalogo.importar", "\(file.data.count) bytes, modo \(mode.rawValue), trabajo \(id)")
        return ConsoleResponses.redirect(ConsoleFormat.url("/consola/catalogo", [("trabajo", id)]))
    }

    @Sendable func reindex(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let id = try await editor.reindex(
            reason: "consola (\(session.name))", idempotencyKey: nil, owner: context.identity?.ownerKey)
        await audit(context, "catalogo.reindexar", "trabajo \(id)")
        return ConsoleResponses.redirect(ConsoleFormat.url("/consola/catalogo", [("trabajo", id)]))
    }

    /// The job named by `?trabajo=` (nil when absent or unknown).
    func requestedJob(_ request: Request) async throws -> JobStatus? {
        guard let id = request.query("trabajo") else { return nil }
        guard JobID.isValid(id) else { throw APIError.badRequest("El parámetro trabajo no es un id válido.") }
        return try await jobs.status(id)
    }

    /// A whole number of pesos or units as people type it ("45000", "45.000", "$ 45.000").
    static func amount(_ form: FormData, _ field: String) throws -> Int? {
        guard let raw = form.text(field) else { return nil }
        let digits = raw.filter { $0 != "." && $0 != "$" && $0 != " " }
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let value = Int(digits)
        else {
            throw ValidationErrors([
                ValidationError(field: field, message: "«\(raw.prefix(40))» no es un número entero de 0 en adelante.")
            ])
        }
        return value
    }
}
