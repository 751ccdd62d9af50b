import Hummingbird
import Shop

/// Pedidos: filters, the list with its totals, and one order with the state changes its
/// state allows (only those are offered).
enum OrdersView {
    static func stateName(_ state: OrderState) -> String {
        switch state {
        case .pending: "Pendiente"
        case .processing: "Procesando"
        case .sent: "Enviado"
        case .delivered: "Entregado"
        case .cancelled: "Cancelado"
        }
    }

    /// The button that moves an order to `state`.
    static func actionName(_ state: OrderState) -> String {
        switch state {
        case .pending: "Volver a pendiente"
        case .processing: "Pasar a procesando"
        case .sent: "Marcar como enviado"
        case .delivered: "Marcar como entregado"
        case .cancelled: "Cancelar pedido"
        }
    }

    static func list(
        _ page: Page<Order>, amount: Int, filter: OrderFilter, stateRaw: String?, request: Request
    ) -> HTML {
        let states =
            [HTML("<option value=\"\">Todos</option>")]
            + OrderState.allCases.map { state -> HTML in
                let selected: HTML = stateRaw == state.rawValue ? " selected" : ""
                return "<option value=\"\(state.rawValue)\"\(selected)>\(stateName(state))</option>"
            }
        let rows = page.results.map { order -> HTML in
            let chat: HTML =
                order.chatId.map { "<a href=\"/consola/conversaciones/\(ConsoleFormat.segment($0))\">\($0)</a>" } ?? "—"
            return """
                <tr><td data-titulo="Pedido"><a href="/consola/pedidos/\(order.id)">#\(order.id)</a></td>\
                <td data-titulo="Fecha">\(ConsoleFormat.dateTime(order.created))</td>\
                <td data-titulo="Cliente">\(order.client.name) <small>(\(order.client.idNumber))</small></td>\
                <td data-titulo="Estado">\(stateName(order.state))</td>\
                <td class="num" data-titulo="Total">\(ConsoleFormat.money(order.total))</td>\
                <td data-titulo="Chat">\(chat)</td></tr>
                """
        }
        let empty: HTML =
            page.results.isEmpty ? "<tr><td colspan=\"6\">No hay pedidos con estos filtros.</td></tr>" : ""
        return """
            <form method="get" action="/consola/pedidos" class="filtros" aria-label="Filtros">
            <div><label for="f-estado">Estado</label><select id="f-estado" name="estado">\(states)</select></div>
            <div><label for="f-desde">Desde</label><input id="f-desde" name="desde" type="date" value="\(filter.since ?? "")"></div>
            <div><label for="f-hasta">Hasta</label><input id="f-hasta" name="hasta" type="date" value="\(filter.until ?? "")"></div>
            <div><label for="f-cedula">Cédula</label><input id="f-cedula" name="cedula" inputmode="numeric" maxlength="14" value="\(filter.idNumber ?? "")"></div>
            <div><button type="submit">Filtrar</button></div>
            </form>
            <ul class="cifras">
            <li class="cifra">Pedidos<strong>\(ConsoleFormat.number(page.total))</strong></li>
            <li class="cifra">Total\(filter.state == nil ? " (sin cancelados)" : "")<strong>\(ConsoleFormat.money(amount))</strong></li>
            </ul>
            <table class="tarjetas"><thead><tr><th>Pedido</th><th>Fecha</th><th>Cliente</th><th>Estado</th>\
            <th class="num">Total</th><th>Chat</th></tr></thead><tbody>\(rows)\(empty)</tbody></table>
            \(Pager.links(request: request, total: page.total, limit: page.limit, offset: page.offset))
            """
    }

    static func detail(_ order: Order, session: ConsoleSession) -> HTML {
        let lines = order.items.map { line -> HTML in
            """
            <tr><td data-titulo="Producto">\(line.name) <small>(#\(line.productId))</small></td>\
            <td class="num" data-titulo="Cantidad">\(line.quantity)</td>\
            <td class="num" data-titulo="Precio">\(ConsoleFormat.money(line.unitPrice))</td>\
            <td class="num" data-titulo="Subtotal">\(ConsoleFormat.money(line.subtotal))</td></tr>
            """
        }
        let actions = order.state.successors.map { next -> HTML in
            let style: HTML = next == .cancelled ? " class=\"peligro\"" : ""
            return """
                <form method="post" action="/consola/pedidos/\(order.id)/estado">\(ConsoleLayout.csrf(session))\
                <input type="hidden" name="estado" value="\(next.rawValue)"><button type="submit"\(style)>\(actionName(next))</button></form>
                """
        }
        let noActions: HTML = actions.isEmpty ? "<p>Este pedido ya no cambia de estado.</p>" : ""
        let chat: HTML =
            order.chatId.map {
                "<p><a href=\"/consola/conversaciones/\(ConsoleFormat.segment($0))\">Ver el chat \($0)</a></p>"
            } ?? ""
        let client = order.client
        return """
            <div class="acciones"><span class="etiqueta">Estado: \(stateName(order.state))</span>\(actions)</div>
            \(noActions)
            <section class="tarjeta"><h2>Cliente</h2>
            <p><a href="/consola/clientes/\(ConsoleFormat.segment(client.idNumber))">\(client.name)</a> · cédula \(client.idNumber)<br>
            Teléfono: \(client.phone ?? "—") · Correo: \(client.email ?? "—")<br>
            Dirección: \(client.address ?? "—") \(client.neighborhood.map { "(\($0))" } ?? "")<br>
            Indicaciones: \(client.notes ?? "—")</p>
            \(chat)
            </section>
            <table class="tarjetas"><caption>Productos del pedido</caption>
            <thead><tr><th>Producto</th><th class="num">Cantidad</th><th class="num">Precio</th><th class="num">Subtotal</th></tr></thead>
            <tbody>\(lines)</tbody>
            <tfoot><tr><th colspan="3">Total</th><td class="num">\(ConsoleFormat.money(order.total))</td></tr></tfoot></table>
            <p>Creado \(ConsoleFormat.dateTime(order.created)) · actualizado \(ConsoleFormat.dateTime(order.updated))</p>
            """
    }
}
