import Hummingbird
import Shop

/// The inbox: filters, then the conversations newest first (`<ul id="bandeja">`, replaced
/// live by the script when a message arrives).
enum InboxView {
    static func filters(_ filter: InboxFilter) -> HTML {
        func box(_ name: String, _ label: String, _ on: Bool) -> HTML {
            let checked: HTML = on ? " checked" : ""
            return """
                <div class="casilla"><input type="checkbox" id="f-\(name)" name="\(name)" value="1"\(checked)>\
                <label for="f-\(name)">\(label)</label></div>
                """
        }
        func option(_ value: String, _ label: String) -> HTML {
            let selected: HTML = (filter.channel?.rawValue ?? "") == value ? " selected" : ""
            return "<option value=\"\(value)\"\(selected)>\(label)</option>"
        }
        return """
            <form method="get" action="/consola/conversaciones" class="filtros" aria-label="Filtros">
            \(box("persona", "Necesita una persona", filter.needsPerson))
            \(box("ia", "IA apagada", filter.aiOff))
            \(box("carrito", "Con carrito abierto", filter.openCart))
            <div><label for="f-canal">Canal</label><select id="f-canal" name="canal">\
            \(option("", "Todos"))\(option("telegram", "Telegram"))\(option("http", "Web (HTTP)"))</select></div>
            <div><label for="f-chat">Chat</label><input id="f-chat" name="chat" type="search" maxlength="128" value="\(filter.chatId ?? "")"></div>
            <div><button type="submit">Filtrar</button></div>
            <div><button type="button" class="secundario" data-notificar hidden>Activar notificaciones</button></div>
            </form>
            """
    }

    static func list(
        _ conversations: [ConversationSummary], total: Int, limit: Int, offset: Int, request: Request
    ) -> HTML {
        let rows = conversations.map(row)
        let empty: HTML = conversations.isEmpty ? "<li><p>No hay conversaciones con estos filtros.</p></li>" : ""
        return """
            <div id="bandeja">
            <p class="sr" aria-live="polite">\(ConsoleFormat.number(total)) conversaciones</p>
            <ul class="bandeja">\(rows)\(empty)</ul>
            \(Pager.links(request: request, total: total, limit: limit, offset: offset))
            </div>
            """
    }

    static func row(_ chat: ConversationSummary) -> HTML {
        var labels: [HTML] = []
        if chat.needsPerson { labels.append("<span class=\"etiqueta persona\">Necesita una persona</span>") }
        if !chat.aiActive { labels.append("<span class=\"etiqueta ia-off\">IA apagada</span>") }
        if chat.openCart { labels.append("<span class=\"etiqueta carrito\">Carrito abierto</span>") }
        labels.append("<span class=\"etiqueta canal\">\(channelName(chat.channel))</span>")
        let unread: HTML =
            chat.unread ? "<span class=\"punto\" aria-hidden=\"true\"></span><span class=\"sr\">Sin leer: </span>" : ""
        let rowClass: HTML = chat.unread ? " no-leido" : ""
        return """
            <li><a class="fila\(rowClass)" href="/consola/conversaciones/\(ConsoleFormat.segment(chat.chatId))" data-chat="\(chat.chatId)">
            <span>\(unread)\(chat.chatId) \(labels)</span>
            <span class="hora"><time datetime="\(chat.lastMessageAt.ISO8601Format())">\(ConsoleFormat.dateTime(chat.lastMessageAt))</time></span>
            <span class="texto">\(senderName(chat.lastSender)): \(chat.lastText)</span>
            </a></li>
            """
    }

    static func channelName(_ channel: Channel?) -> String {
        switch channel {
        case .telegram: "Telegram"
        case .http: "Web"
        case nil: "Canal desconocido"
        }
    }

    static func senderName(_ sender: Sender) -> String {
        switch sender {
        case .user: "Cliente"
        case .agent: "Agente IA"
        case .operator: "Operador"
        case .system: "Sistema"
        }
    }
}

/// "Anteriores / Siguientes" links for a paged list, keeping the other query parameters.
enum Pager {
    static func links(request: Request, total: Int, limit: Int, offset: Int) -> HTML {
        guard total > limit else { return "" }
        var query: [(String, String?)] = []
        for (name, value) in request.uri.queryParameters where name != "offset" && name != "parcial" {
            query.append((String(name), String(value)))
        }
        var links: [HTML] = []
        if offset > 0 {
            let url = ConsoleFormat.url(request.uri.path, query + [("offset", String(max(0, offset - limit)))])
            links.append("<a href=\"\(url)\" rel=\"prev\">← Anteriores</a>")
        }
        links.append(
            "<span>\(ConsoleFormat.number(offset + 1))–\(ConsoleFormat.number(min(offset + limit, total))) de \(ConsoleFormat.number(total))</span>"
        )
        if offset + limit < total {
            let url = ConsoleFormat.url(request.uri.path, query + [("offset", String(offset + limit))])
            links.append("<a href=\"\(url)\" rel=\"next\">Siguientes →</a>")
        }
        return "<nav class=\"paginas\" aria-label=\"Páginas\">\(links)</nav>"
    }
}
