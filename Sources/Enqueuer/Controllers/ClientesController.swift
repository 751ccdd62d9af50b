import Core
import Hummingbird

/// Clients, keyed by cédula (dots and spaces allowed in the path): staff only.
struct ClientesController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get("buscar", use: search)
        group.get("{cedula}", use: show)
        group.put("{cedula}", use: update)
        group.delete("{cedula}", use: delete)
        group.get("{cedula}/pedidos", use: orders)
    }

    /// `PUT` body: the client's data; the cédula comes from the path (if sent, it must match).
    struct Cambios: Decodable {
        var cedula: String?
        var nombre: String
        var telefono: String?
        var correo: String?
        var direccion: String?
        var barrio: String?
        var indicaciones: String?
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        return try APIJSON.response(try await database.perform { try $0.listClients(limit: limit, offset: offset) })
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        guard let q = request.query("q") else {
            throw APIError(.unprocessableContent, "validacion", "Indique qué buscar en el parámetro q.")
        }
        guard q.count <= 200 else {
            throw APIError(.unprocessableContent, "validacion", "La búsqueda admite máximo 200 caracteres.")
        }
        let page = try await database.perform { try $0.buscarClientes(q: q, limit: limit, offset: offset) }
        return try APIJSON.response(page)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let datos = try await request.decodeJSON(ClienteDatos.self)
        let cliente = try await database.perform { try $0.createClient(datos) }
        return try APIJSON.response(cliente, status: .created, headers: [.location: "/clientes/\(cliente.cedula)"])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let cedula = context.pathString("cedula")
        guard let cliente = try await database.perform({ try $0.client(cedula: cedula) }) else {
            throw APIError.notFound("No existe el cliente con cédula \(cedula).")
        }
        return try APIJSON.response(cliente)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let cedula = context.pathString("cedula")
        let body = try await request.decodeJSON(Cambios.self)
        let datos = ClienteDatos(
            cedula: body.cedula ?? cedula, nombre: body.nombre, telefono: body.telefono, correo: body.correo,
            direccion: body.direccion, barrio: body.barrio, indicaciones: body.indicaciones)
        let cliente = try await database.perform { try $0.updateClient(cedula: cedula, datos) }
        return try APIJSON.response(cliente)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let cedula = context.pathString("cedula")
        try await database.perform { try $0.deleteClient(cedula: cedula) }
        return try APIJSON.response(Outcome(resultado: "eliminado"))
    }

    @Sendable func orders(_ request: Request, context: AppRequestContext) async throws -> Response {
        let cedula = context.pathString("cedula")
        let (limit, offset) = try Pagination.parse(request)
        let page = try await database.perform { try $0.clientOrders(cedula: cedula, limit: limit, offset: offset) }
        return try APIJSON.response(page)
    }
}
