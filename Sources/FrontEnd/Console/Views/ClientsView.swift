import Hummingbird
import Shop

/// Clientes: search, the list, and one client with its purchase history and the switch to
/// retire it (kept with its history, not offered at checkout) or bring it back.
enum ClientsView {
    static func list(_ page: Page<Client>, query: String?, request: Request) -> HTML {
        let rows = page.results.map { client -> HTML in
            """
            <tr><td data-titulo="Cédula"><a href="/consola/clientes/\(ConsoleFormat.segment(client.idNumber))">\(client.idNumber)</a></td>\
            <td data-titulo="Nombre">\(client.name)\(client.active ? "" : " (retirado)")</td>\
            <td data-titulo="Teléfono">\(client.phone ?? "—")</td><td data-titulo="Correo">\(client.email ?? "—")</td>\
            <td class="num" data-titulo="Pedidos">\(client.orderCount)</td>\
            <td class="num" data-titulo="Comprado">\(ConsoleFormat.money(client.totalBought))</td></tr>
            """
        }
        let empty: HTML =
            page.results.isEmpty ? "<tr><td colspan=\"6\">No hay clientes con esa búsqueda.</td></tr>" : ""
        return """
            <form method="get" action="/consola/clientes" class="filtros" role="search">
            <div><label for="f-q">Nombre, cédula, teléfono o correo</label>\
            <input id="f-q" name="q" type="search" maxlength="200" value="\(query ?? "")"></div>
            <div><button type="submit">Buscar</button></div>
            </form>
            <table class="tarjetas"><thead><tr><th>Cédula</th><th>Nombre</th><th>Teléfono</th><th>Correo</th>\
            <th class="num">Pedidos</th><th class="num">Comprado</th></tr></thead><tbody>\(rows)\(empty)</tbody></table>
            \(Pager.links(request: request, total: page.total, limit: page.limit, offset: page.offset))
            """
    }

    static func detail(_ client: Client, orders: Page<Order>, session: ConsoleSession) -> HTML {
        let rows = orders.results.map { order -> HTML in
            """
            <tr><td data-titulo="Pedido"><a href="/consola/pedidos/\(order.id)">#\(order.id)</a></td>\
            <td data-titulo="Fecha">\(ConsoleFormat.dateTime(order.created))</td>\
            <td data-titulo="Estado">\(OrdersView.stateName(order.state))</td>\
            <td data-titulo="Productos">\(order.items.map { "\($0.quantity) × \($0.name)" }.joined(separator: ", "))</td>\
            <td class="num" data-titulo="Total">\(ConsoleFormat.money(order.total))</td></tr>
            """
        }
        let empty: HTML = orders.results.isEmpty ? "<tr><td colspan=\"5\">Sin compras.</td></tr>" : ""
        let path = "/consola/clientes/\(ConsoleFormat.segment(client.idNumber))/activo"
        let toggle: HTML =
            client.active
            ? """
            <form method="post" action="\(path)">\(ConsoleLayout.csrf(session))<input type="hidden" name="activo" value="0">\
            <button type="submit" class="peligro">Retirar cliente</button></form>
            """
            : """
            <form method="post" action="\(path)">\(ConsoleLayout.csrf(session))<input type="hidden" name="activo" value="1">\
            <button type="submit">Reactivar cliente</button></form>
            """
        return """
            <div class="acciones"><span class="etiqueta">\(client.active ? "Activo" : "Retirado")</span>\(toggle)</div>
            <section class="tarjeta"><h2>Datos</h2>
            <p>Cédula \(client.idNumber)<br>Teléfono: \(client.phone ?? "—") · Correo: \(client.email ?? "—")<br>
            Dirección: \(client.address ?? "—") \(client.neighborhood.map { "(\($0))" } ?? "")<br>
            Indicaciones: \(client.notes ?? "—")<br>
            Cliente desde \(ConsoleFormat.date(client.created))</p></section>
            <ul class="cifras">
            <li class="cifra">Pedidos<strong>\(client.orderCount)</strong></li>
            <li class="cifra">Total comprado<strong>\(ConsoleFormat.money(client.totalBought))</strong></li>
            <li class="cifra">Última compra<strong>\(client.lastPurchase.map(ConsoleFormat.date) ?? "—")</strong></li>
            </ul>
            <h2>Historial de compras</h2>
            <table class="tarjetas"><thead><tr><th>Pedido</th><th>Fecha</th><th>Estado</th><th>Productos</th>\
            <th class="num">Total</th></tr></thead><tbody>\(rows)\(empty)</tbody></table>
            """
    }
}
