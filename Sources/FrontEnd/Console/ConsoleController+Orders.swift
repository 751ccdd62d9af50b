import Hummingbird
import Shop

// Pedidos: list with filters and totals, detail, allowed state changes.
extension ConsoleController {
    @Sendable func orders(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        let stateRaw = request.query("estado")
        let filter = OrderFilter(
            chatId: try request.query("chat").map(ChatController.validChatId), idNumber: request.query("cedula"),
            state: try stateRaw.map { raw throws(ValidationError) in try OrderState(parsing: raw) },
            since: request.query("desde"), until: request.query("hasta"))
        let page = try await store.listOrders(filter, limit: limit, offset: offset)
        let amount = try await store.orderTotal(filter)
        return try await self.page(
            context, title: "Pedidos", section: .orders,
            content: OrdersView.list(page, amount: amount, filter: filter, stateRaw: stateRaw, request: request))
    }

    @Sendable func order(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el pedido")
        guard let order = try await store.order(id: id) else {
            throw APIError.notFound("No existe el pedido \(id).")
        }
        return try await page(
            context, title: "Pedido #\(id)", section: .orders, flash: flash(request),
            content: OrdersView.detail(order, session: try session(context)))
    }

    /// The same state machine as `PUT /pedidos/{id}/estado` (`changeOrderState`).
    @Sendable func changeOrderState(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.pathId(resource: "el pedido")
        let state = try OrderState(parsing: try await form(request)["estado"] ?? "")
        let order = try await store.changeOrderState(id: id, to: state)
        await audit(context, "pedido.estado", "#\(id) → \(order.state.rawValue)")
        return ConsoleResponses.redirect("/consola/pedidos/\(id)?aviso=\(ConsoleFlash.orderState.rawValue)")
    }
}
