import JobEngine
import Shop

/// Exportes: the request form (resource, filters, format), the export being followed, and
/// the user's recent exports with their links.
enum ExportsView {
    static func page(current: JobStatus?, recent: [JobStatus], session: ConsoleSession) -> HTML {
        let resources = ExportResource.allCases.map { resource -> HTML in
            "<option value=\"\(resource.rawValue)\">\(resource.sheetName)</option>"
        }
        let states =
            [HTML("<option value=\"\">Todos</option>")]
            + OrderState.allCases.map { "<option value=\"\($0.rawValue)\">\(OrdersView.stateName($0))</option>" }
        let history = recent.map { job -> HTML in "<li>\(JobView.box(job))</li>" }
        return """
            \(current.map(JobView.box) ?? "")
            <section class="tarjeta"><h2>Pedir una exportación</h2>
            <form method="post" action="/consola/exportes" class="formulario">
            \(ConsoleLayout.csrf(session))
            <label for="e-recurso">Qué exportar</label><select id="e-recurso" name="recurso">\(resources)</select>
            <fieldset><legend>Filtros (opcionales; cada exportación admite los que aplican)</legend>
            <div class="filtros">
            <div><label for="e-desde">Desde</label><input id="e-desde" name="desde" type="date"></div>
            <div><label for="e-hasta">Hasta</label><input id="e-hasta" name="hasta" type="date"></div>
            <div><label for="e-cedula">Cédula</label><input id="e-cedula" name="cedula" inputmode="numeric" maxlength="14"></div>
            <div><label for="e-producto">Producto (id)</label><input id="e-producto" name="producto_id" inputmode="numeric" maxlength="12"></div>
            <div><label for="e-estado">Estado del pedido</label><select id="e-estado" name="estado">\(states)</select></div>
            </div></fieldset>
            <div class="filtros">
            <div><label for="e-formato">Formato</label><select id="e-formato" name="formato">\
            <option value="csv">CSV</option><option value="xlsx">Excel (XLSX)</option></select></div>
            <div><label for="e-separador">Separador (CSV)</label><select id="e-separador" name="separador">\
            <option value=",">Coma (,)</option><option value=";">Punto y coma (;)</option></select></div>
            <div class="casilla"><input id="e-bom" name="bom" type="checkbox" value="true">\
            <label for="e-bom">Con BOM (para Excel)</label></div>
            </div>
            <div><button type="submit">Exportar</button></div>
            </form></section>
            <h2>Sus exportaciones recientes</h2>
            \(recent.isEmpty ? "<p>Aún no ha pedido exportaciones.</p>" : "<ul class=\"bandeja\">\(history)</ul>")
            """
    }
}
