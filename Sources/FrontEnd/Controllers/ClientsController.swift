import Hummingbird
import Shop

/// Clients, keyed by cédula (dots and spaces allowed in the path): staff only.
struct ClientsController {
    let store: any ShopStore

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get("buscar", use: search)
        group.get("{cedula}", use: show)
        group.put("{cedula}", use: update)
        group.delete("{cedula}", use: delete)
        group.get("{cedula}/pedidos", use: orders)
    }

    /// `PUT` body: the client's data (the cédula comes from the path; if sent, it must
    /// match), and/or `activo` to retire the client or bring one back. `{"activo": false}`
    /// alone changes only the state.
    struct ClientChanges: Decodable {
        var idNumber: String?
        var name: String?
        var phone: String?
        var email: String?
        var address: String?
        var neighborhood: String?
        var notes: String?

        enum CodingKeys: String, CodingKey {
            case idNumber = "cedula"
            case name = "nombre"
            case phone = "telefono"
            case email = "correo"
            case address = "direccion"
            case neighborhood = "barrio"
            case notes = "indicaciones"
            case active = "activo"
        }

        var active: Bool?

        var onlyState: Bool {
            idNumber == nil && name == nil && phone == nil && email == nil && address == nil && neighborhood == nil
                && notes == nil && active != nil
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        return try APIJSON.response(try await store.listClients(limit: limit, offset: offset))
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        guard let q = request.query("q") else {
            throw APIError(.validation, "Indique qué buscar en el parámetro q.")
        }
        guard q.count <= 200 else {
            throw APIError(.validation, "La búsqueda admite máximo 200 caracteres.")
        }
        let page = try await store.searchClients(q: q, limit: limit, offset: offset)
        return try APIJSON.response(page)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let details = try await request.decodeJSON(ClientDetails.self)
        let client = try await store.createClient(details)
        return try APIJSON.response(client, status: .created, headers: [.location: "/clientes/\(client.idNumber)"])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idNumber = context.pathString("cedula")
        guard let client = try await store.client(idNumber: idNumber) else {
            throw APIError.notFound("No existe el cliente con cédula \(idNumber).")
        }
        return try APIJSON.response(client)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idNumber = context.pathString("cedula")
        let body = try await request.decodeJSON(ClientChanges.self)
        if body.onlyState, let active = body.active {
            return try APIJSON.response(
                try await store.setClientActive(idNumber: idNumber, active: active))
        }
        let details = ClientDetails(
            idNumber: body.idNumber ?? idNumber, name: body.name ?? "", phone: body.phone, email: body.email,
            address: body.address, neighborhood: body.neighborhood, notes: body.notes)
        var client = try await store.updateClient(idNumber: idNumber, details)
        if let active = body.active, active != client.active {
            client = try await store.setClientActive(idNumber: idNumber, active: active)
        }
        return try APIJSON.response(client)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idNumber = context.pathString("cedula")
        let deletion = try await store.deleteClient(idNumber: idNumber)
        return try APIJSON.response(Outcome(result: deletion.rawValue))
    }

    @Sendable func orders(_ request: Request, context: AppRequestContext) async throws -> Response {
        let idNumber = context.pathString("cedula")
        let (limit, offset) = try Pagination.parse(request)
        let page = try await store.clientOrders(idNumber: idNumber, limit: limit, offset: offset)
        return try APIJSON.response(page)
    }
}
