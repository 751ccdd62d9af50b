import Foundation
import Shop
import Support

/// One conversation: its state and actions (take over / hand back), the history with photos
/// and what was read from them, the reply form, and beside it the cart, checkout progress
/// and the chat's orders.
enum ConversationView {
    static func page(
        _ chat: ConversationSummary, messages: [StoredMessage], progress: ChatProgress, orders: [Order],
        session: ConsoleSession
    ) -> HTML {
        let path = "/consola/conversaciones/\(ConsoleFormat.segment(chat.chatId))"
        let control: HTML =
            chat.aiActive
            ? """
            <form method="post" action="\(path)/control">\(ConsoleLayout.csrf(session))\
            <input type="hidden" name="ia_activa" value="0"><button type="submit">Tomar la conversación</button></form>
            """
            : """
            <form method="post" action="\(path)/control">\(ConsoleLayout.csrf(session))\
            <input type="hidden" name="ia_activa" value="1"><button type="submit" class="secundario">Devolver a la IA</button></form>
            """
        var labels: [HTML] = ["<span class=\"etiqueta canal\">\(InboxView.channelName(chat.channel))</span>"]
        labels.append(
            chat.aiActive
                ? "<span class=\"etiqueta carrito\">La IA responde</span>"
                : "<span class=\"etiqueta ia-off\">IA apagada: responde un operador</span>")
        if chat.needsPerson { labels.append("<span class=\"etiqueta persona\">Necesita una persona</span>") }
        return """
            <div class="conversacion">
            <section aria-labelledby="t-historial">
            <div class="acciones">\(labels)\(control)</div>
            <h2 id="t-historial">Historial</h2>
            \(Self.messages(messages))
            <form method="post" action="\(path)/responder" class="formulario tarjeta">
            \(ConsoleLayout.csrf(session))
            <input type="hidden" name="clave_envio" value="\(UUID().uuidString)">
            <label for="mensaje">Responder al cliente (sale por \(InboxView.channelName(chat.channel)))</label>
            <textarea id="mensaje" name="mensaje" required maxlength="4000"></textarea>
            <div><button type="submit">Enviar respuesta</button></div>
            </form>
            </section>
            <aside aria-labelledby="t-carrito">
            \(cart(progress))
            \(chatOrders(orders))
            </aside>
            </div>
            """
    }

    static func messages(_ messages: [StoredMessage]) -> HTML {
        let items = messages.map(message)
        let empty: HTML = messages.isEmpty ? "<li>Sin mensajes.</li>" : ""
        return """
            <ol id="mensajes" class="mensajes" aria-label="Mensajes" tabindex="0">\(items)\(empty)</ol>
            """
    }

    static func message(_ message: StoredMessage) -> HTML {
        let sender: String
        switch message.sender {
        case .user: sender = "Cliente"
        case .agent: sender = "Agente IA"
        case .system: sender = "Sistema"
        case .operator:
            if case .string(let name)? = message.metadata?["operador"], !name.isEmpty {
                sender = "Operador (\(name))"
            } else {
                sender = "Operador"
            }
        }
        var media: HTML = ""
        var content: HTML = "\(message.content)"
        if case .string(let blob)? = message.metadata?["blob"] {
            let url = "/consola/blobs/\(ConsoleFormat.segment(blob))"
            media =
                message.kind == .audio
                ? "<audio controls preload=\"none\" src=\"\(url)\"></audio>"
                : "<a href=\"\(url)\"><img src=\"\(url)\" alt=\"Foto enviada por el cliente\" loading=\"lazy\" width=\"160\"></a>"
        }
        switch message.kind {
        case .image:
            content = "<span class=\"leido\">Foto · lo que se leyó: \(message.content)</span>"
        case .audio:
            content = "<span class=\"leido\">Nota de voz · transcripción: \(message.content)</span>"
        case .text:
            break
        }
        return """
            <li class="mensaje \(message.sender.rawValue)" id="m\(message.id)"><span class="quien">\(sender) · \
            <time datetime="\(message.created.ISO8601Format())">\(ConsoleFormat.dateTime(message.created))</time></span>\
            \(media)\(content)</li>
            """
    }

    static func cart(_ progress: ChatProgress) -> HTML {
        let lines = progress.lines.map { line -> HTML in
            """
            <tr><td>\(line.name)</td><td class="num">\(line.quantity)</td>\
            <td class="num">\(ConsoleFormat.money(line.price * line.quantity))</td></tr>
            """
        }
        let table: HTML =
            progress.lines.isEmpty
            ? "<p>El carrito está vacío.</p>"
            : """
            <table><caption class="sr">Carrito</caption><thead><tr><th>Producto</th><th class="num">Cant.</th>\
            <th class="num">Subtotal</th></tr></thead><tbody>\(lines)</tbody>\
            <tfoot><tr><th colspan="2">Total</th><td class="num">\(ConsoleFormat.money(progress.total))</td></tr></tfoot></table>
            """
        let collected = progress.collected.map { item -> HTML in
            "<li><strong>\(ChatProgress.slotTitles[item.slot] ?? item.slot)</strong>: \(item.value)</li>"
        }
        let checkout: HTML =
            progress.collected.isEmpty
            ? ""
            : """
            <p>Datos recogidos: \(progress.collected.count) de \(ChatProgress.slots.count)</p>
            <progress max="\(ChatProgress.slots.count)" value="\(progress.collected.count)" aria-label="Datos recogidos"></progress>
            <ul>\(collected)</ul>
            """
        return """
            <section class="tarjeta"><h2 id="t-carrito">Carrito y compra</h2>
            <p><strong>\(progress.phaseTitle)</strong></p>
            \(table)\(checkout)</section>
            """
    }

    static func chatOrders(_ orders: [Order]) -> HTML {
        guard !orders.isEmpty else { return "" }
        let items = orders.map { order -> HTML in
            """
            <li><a href="/consola/pedidos/\(order.id)">Pedido #\(order.id)</a> · \(OrdersView.stateName(order.state)) · \
            \(ConsoleFormat.money(order.total))</li>
            """
        }
        return "<section class=\"tarjeta\"><h2>Pedidos de este chat</h2><ul>\(items)</ul></section>"
    }
}
