import Core
import Foundation
import Hummingbird

/// Orders: placed by a worker (`POST` → 202 job), read and moved through their states here.
struct PedidosController {
    let database: AppDatabase
    let jobs: JobClient

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(use: place)
        group.get(use: list)
        group.get("{id}", use: show)
        group.put("{id}/estado", use: changeState)
    }

    /// Validates the body (shape and client fields, with the field named in Spanish) and
    /// enqueues the order-placement job. Stock and prices are the worker's business.
    ///
    /// With an `Idempotency-Key` header the order is stored under that key (scoped to the
    /// caller), so a resubmission, even after the queue's window, is the same order. Without
    /// one, the job's queue key is a hash of the caller and the normalized body: an exact
    /// resubmission within the window (24 h) returns the same job.
    @Sendable func place(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(OrderRequest.self, limit: 256 * 1024)
        let pedido = try body.validated()
        if let chatId = pedido.chatId { _ = try ChatController.validChatId(chatId) }
        let owner = context.identity?.subject ?? ""
        var job = PlaceOrderJob(pedido: pedido)
        let queueKey: String
        if let header = request.headers[.idempotencyKey]?.trimmed, !header.isEmpty {
            guard header.count <= 150 else {
                throw APIError.badRequest("El encabezado Idempotency-Key admite máximo 150 caracteres.")
            }
            job.clave = "cliente:\(owner.prefix(40)):\(header)"
            queueKey = job.clave!
        } else {
            queueKey = try PlaceOrderJob.bodyKey(owner: owner, pedido: pedido)
        }
        let enqueued = try await jobs.enqueue(job, idempotencyKey: queueKey, owner: owner)
        return ChatController.accepted(enqueued.id)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        let filtro = PedidoFiltro(
            chatId: request.query("chat_id"), cedula: request.query("cedula"),
            estado: try request.query("estado").map { raw throws(ValidationError) in try EstadoPedido(parsing: raw) },
            desde: request.query("desde"), hasta: request.query("hasta"))
        let page = try await database.perform { try $0.listOrders(filtro, limit: limit, offset: offset) }
        return try APIJSON.response(page)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(recurso: "el pedido")
        guard let pedido = try await database.perform({ try $0.order(id: id) }) else {
            throw APIError.notFound("No existe el pedido \(id).")
        }
        return try APIJSON.response(pedido)
    }

    struct CambioEstado: Decodable {
        var estado: String
    }

    @Sendable func changeState(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(recurso: "el pedido")
        let body = try await request.decodeJSON(CambioEstado.self)
        let estado = try EstadoPedido(parsing: body.estado)
        let pedido = try await database.perform { try $0.changeOrderState(id: id, to: estado) }
        return try APIJSON.response(pedido)
    }
}
