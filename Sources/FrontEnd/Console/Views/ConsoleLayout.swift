import Shop

/// The frame of every console page: head (one stylesheet, one deferred script, both
/// versioned by content hash), skip link, navigation by role, the user's menu (log out,
/// log out everywhere), a live region for notifications, and the page's own content.
enum ConsoleLayout {
    enum Section: String, CaseIterable {
        case conversations = "conversaciones", orders = "pedidos", catalog = "catalogo", clients = "clientes"
        case exports = "exportes", panel = "panel", audit = "auditoria"

        var title: String {
            switch self {
            case .conversations: "Conversaciones"
            case .orders: "Pedidos"
            case .catalog: "Catálogo"
            case .clients: "Clientes"
            case .exports: "Exportes"
            case .panel: "Panel"
            case .audit: "Auditoría"
            }
        }

        var minimum: Role {
            switch self {
            case .panel, .audit: .admin
            default: .operator
            }
        }
    }

    /// `latestMessage`: the newest message id when the page was made (the live stream
    /// starts after it). `flash`: a confirmation shown once at the top.
    static func page(
        title: String, section: Section, session: ConsoleSession, latestMessage: Int64, flash: String? = nil,
        pageName: String? = nil, chatId: String? = nil, chatLatest: Int64 = 0, content: HTML
    ) -> HTML {
        let chat: HTML = chatId.map { " data-chat=\"\($0)\" data-chat-desde=\"\(chatLatest)\"" } ?? ""
        let links = Section.allCases.filter { session.role >= $0.minimum }.map { item -> HTML in
            let current: HTML = item == section ? #" aria-current="page""# : ""
            return "<li><a href=\"/consola/\(item.rawValue)\"\(current)>\(item.title)</a></li>"
        }
        let notice: HTML = flash.map { "<p class=\"aviso ok\" role=\"status\">\($0)</p>" } ?? ""
        return """
            <!doctype html>
            <html lang="es-CO">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Consola Vendedor</title>
            <link rel="stylesheet" href="\(ConsoleAssets.styleURL)">
            <script src="\(ConsoleAssets.scriptURL)" defer></script>
            </head>
            <body data-pagina="\(pageName ?? section.rawValue)" data-desde="\(latestMessage)" data-csrf="\(session.csrfToken)"\(chat)>
            <a class="saltar" href="#principal">Saltar al contenido</a>
            <header class="barra">
            <a class="marca" href="/consola/conversaciones">Vendedor</a>
            <nav aria-label="Secciones"><ul>\(links)</ul></nav>
            <details class="usuario"><summary>\(session.name) <small>(\(session.role.rawValue))</small></summary>
            <form method="post" action="/consola/salir">\(csrf(session))<button type="submit">Cerrar sesión</button></form>
            <form method="post" action="/consola/salir-todo">\(csrf(session))<button type="submit">Cerrar todas mis sesiones</button></form>
            </details>
            </header>
            <div id="avisos" class="avisos" role="status" aria-live="polite"></div>
            <main id="principal" tabindex="-1">
            <h1>\(title)</h1>
            \(notice)\(content)
            </main>
            </body>
            </html>
            """
    }

    /// The hidden CSRF field every state-changing form carries.
    static func csrf(_ session: ConsoleSession) -> HTML {
        "<input type=\"hidden\" name=\"\(ConsoleAuthMiddleware.csrfField)\" value=\"\(session.csrfToken)\">"
    }

    /// A page without a session (login, errors).
    static func bare(title: String, content: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="es-CO">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Consola Vendedor</title>
        <link rel="stylesheet" href="\(ConsoleAssets.styleURL)">
        </head>
        <body class="suelto">
        <main id="principal" class="tarjeta">
        \(content)
        </main>
        </body>
        </html>
        """
    }
}
