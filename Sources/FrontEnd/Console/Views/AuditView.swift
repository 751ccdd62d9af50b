import Hummingbird
import Shop

/// Auditoría (admin): who did what, when and from where, newest first.
enum AuditView {
    static func page(_ entries: [AuditEntry], total: Int, limit: Int, offset: Int, user: String?, request: Request)
        -> HTML
    {
        let rows = entries.map { entry -> HTML in
            """
            <tr><td data-titulo="Fecha">\(ConsoleFormat.dateTime(entry.created))</td><td data-titulo="Usuario">\(entry.user)</td>\
            <td data-titulo="Acción">\(entry.action)</td><td data-titulo="Detalle">\(entry.detail)</td>\
            <td data-titulo="Dirección">\(entry.address ?? "—")</td></tr>
            """
        }
        let empty: HTML = entries.isEmpty ? "<tr><td colspan=\"5\">Sin registros.</td></tr>" : ""
        return """
            <form method="get" action="/consola/auditoria" class="filtros" role="search">
            <div><label for="a-usuario">Usuario</label><input id="a-usuario" name="usuario" maxlength="40" value="\(user ?? "")"></div>
            <div><button type="submit">Filtrar</button></div>
            </form>
            <table class="tarjetas" id="auditoria"><thead><tr><th>Fecha</th><th>Usuario</th><th>Acción</th><th>Detalle</th>\
            <th>Dirección</th></tr></thead><tbody>\(rows)\(empty)</tbody></table>
            \(Pager.links(request: request, total: total, limit: limit, offset: offset))
            """
    }
}
