import Hummingbird
import Shop

// Clientes: search, detail with purchase history, retire / bring back (as `PUT /clientes/{cedula}`
// with `activo`).
extension ConsoleController {
    @Sendable func clients(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        let query = request.query("q")
        guard (query?.count ?? 0) <= 200 else { throw APIError.badRequest("La búsqueda admite máximo 200 caracteres.") }
        let page =
            if let query {
                try await store.searchClients(q: query, limit: limit, offset: offset)
            } else {
                try await store.listClients(limit: limit, offset: offset)
            }
        return try await self.page(
            context, title: "Clientes", section: .clients,
            content: ClientsView.list(page, query: query, request: request))
    }

    @Sendable func client(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idNumber = context.pathString("cedula")
        guard idNumber.count <= 20 else { throw APIError.notFound("No existe ese cliente.") }
        guard let client = try await store.client(idNumber: idNumber) else {
            throw APIError.notFound("No existe el cliente con cédula \(idNumber).")
        }
        let orders = try await store.clientOrders(idNumber: idNumber, limit: 100, offset: nil)
        return try await page(
            context, title: client.name, section: .clients, flash: flash(request),
            content: ClientsView.detail(client, orders: orders, session: try session(context)))
    }

    @Sendable func setClientActive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idNumber = context.pathString("cedula")
        guard idNumber.count <= 20 else { throw APIError.notFound("No existe ese cliente.") }
        let active: Bool
        switch try await form(request)["activo"] {
        case "1": active = true
        case "0": active = false
        default: throw APIError.badRequest("El campo activo debe ser 0 o 1.")
        }
        let client = try await store.setClientActive(idNumber: idNumber, active: active)
        await audit(context, active ? "cliente.reactivar" : "cliente.retirar", client.idNumber)
        return ConsoleResponses.redirect(
            ConsoleFormat.url(
                "/consola/clientes/\(ConsoleFormat.segment(client.idNumber))",
                [("aviso", (active ? ConsoleFlash.clientReactivated : .clientRetired).rawValue)]))
    }
}
