import Foundation
import Hummingbird
import JobEngine
import Pipeline
import Shop

/// Orders: placed by a worker (`POST` → 202 job), read and moved through their states here.
struct OrdersController {
    let store: any ShopStore
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
        var order = try body.validated()
        if let chatId = order.chatId {
            order.chatId = try await ChatLookup(store: store).staffChat(chatId, channel: request.query("canal"))
        }
        let subject = context.identity?.subject ?? ""
        let owner = context.identity?.ownerKey ?? ""
        var job = PlaceOrderJob(order: order)
        let queueKey: String
        if let header = request.headers[.idempotencyKey]?.trimmed, !header.isEmpty {
            guard header.count <= 150 else {
                throw APIError.badRequest("El encabezado Idempotency-Key admite máximo 150 caracteres.")
            }
            job.key = "cliente:\(subject):\(header)"
            queueKey = job.key!
        } else {
            queueKey = try PlaceOrderJob.bodyKey(owner: subject, order: order)
        }
        let enqueued = try await jobs.enqueue(job, idempotencyKey: queueKey, owner: owner)
        return ChatController.accepted(enqueued.id)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        let (since, until) = try request.period()
        var chatId: String?
        if let raw = request.query("chat_id") {
            chatId = try await ChatLookup(store: store).staffChat(raw, channel: request.query("canal"))
        }
        let filter = OrderFilter(
            chatId: chatId, idNumber: request.query("cedula"),
            state: try request.query("estado").map { raw throws(ValidationError) in try OrderState(parsing: raw) },
            since: since, until: until)
        let page = try await store.listOrders(filter, limit: limit, offset: offset)
        return try APIJSON.response(page)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el pedido")
        guard let order = try await store.order(id: id) else {
            throw APIError.notFound("No existe el pedido \(id).")
        }
        return try APIJSON.response(order)
    }

    struct StateChange: Decodable {
        var state: String

        enum CodingKeys: String, CodingKey {
            case state = "estado"
        }
    }

    @Sendable func changeState(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el pedido")
        let body = try await request.decodeJSON(StateChange.self)
        let state = try OrderState(parsing: body.state)
        let order = try await store.changeOrderState(id: id, to: state)
        return try APIJSON.response(order)
    }
}
