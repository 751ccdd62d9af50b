import Hummingbird
import JobEngine
import Shop

/// Catálogo: search, the products (admins edit price, stock, active and state in the row),
/// a new product, the CSV import and the re-index (both with live progress).
enum CatalogView {
    static func stateName(_ state: ProductState) -> String {
        switch state {
        case .available: "Disponible"
        case .soldOut: "Agotado"
        case .discontinued: "Descontinuado"
        }
    }

    static func page(
        _ page: Page<Product>, query: String?, job: JobStatus?, session: ConsoleSession, request: Request
    ) -> HTML {
        let admin = session.role >= .admin
        let rows = page.results.map { admin ? editableRow($0, session: session) : row($0) }
        let empty: HTML =
            page.results.isEmpty ? "<tr><td colspan=\"7\">No hay productos con esa búsqueda.</td></tr>" : ""
        return """
            \(job.map(JobView.box) ?? "")
            <form method="get" action="/consola/catalogo" class="filtros" role="search">
            <div><label for="f-q">Buscar producto</label><input id="f-q" name="q" type="search" maxlength="200" value="\(query ?? "")"></div>
            <div><button type="submit">Buscar</button></div>
            </form>
            <table class="tarjetas" id="productos"><thead><tr><th>Id</th><th>Producto</th><th class="num">Precio</th>\
            <th class="num">Stock</th><th>Activo</th><th>Estado</th><th>\(admin ? "Guardar" : "")</th></tr></thead>
            <tbody>\(rows)\(empty)</tbody></table>
            \(Pager.links(request: request, total: page.total, limit: page.limit, offset: page.offset))
            \(admin ? adminForms(session) : "")
            """
    }

    static func row(_ product: Product) -> HTML {
        """
        <tr><td data-titulo="Id">\(product.id)</td><td data-titulo="Producto">\(product.name) <small>\(product.category)</small></td>\
        <td class="num" data-titulo="Precio">\(ConsoleFormat.money(product.price))</td>\
        <td class="num" data-titulo="Stock">\(ConsoleFormat.number(product.stock))</td>\
        <td data-titulo="Activo">\(product.active ? "Sí" : "No")</td>\
        <td data-titulo="Estado">\(stateName(product.state))</td><td></td></tr>
        """
    }

    /// A row whose fields belong to the row's own form (`form=` attributes: a form cannot
    /// wrap table cells).
    static func editableRow(_ product: Product, session: ConsoleSession) -> HTML {
        let form = "p\(product.id)"
        let checked: HTML = product.active ? " checked" : ""
        func option(_ value: ProductState) -> HTML {
            let selected: HTML =
                value == product.state ? " selected" : ""
            return "<option value=\"\(value.rawValue)\"\(selected)>\(stateName(value))</option>"
        }
        return """
            <tr id="producto-\(product.id)"><td data-titulo="Id">\(product.id)</td>\
            <td data-titulo="Producto">\(product.name) <small>\(product.category)</small></td>\
            <td class="num edicion" data-titulo="Precio"><label class="sr" for="precio-\(product.id)">Precio de \(product.name)</label>\
            <input id="precio-\(product.id)" form="\(form)" name="precio" type="number" min="0" max="999999999" step="1" value="\(product.price)" required>\
            <small>\(ConsoleFormat.money(product.price))</small></td>\
            <td class="num edicion" data-titulo="Stock"><label class="sr" for="stock-\(product.id)">Stock de \(product.name)</label>\
            <input id="stock-\(product.id)" form="\(form)" name="stock" type="number" min="0" max="999999999" step="1" value="\(product.stock)" required></td>\
            <td data-titulo="Activo"><input form="\(form)" type="hidden" name="activo" value="0">\
            <input id="activo-\(product.id)" form="\(form)" name="activo" type="checkbox" value="1"\(checked)>\
            <label class="sr" for="activo-\(product.id)">\(product.name) activo</label></td>\
            <td data-titulo="Estado"><label class="sr" for="estado-\(product.id)">Estado de \(product.name)</label>\
            <select id="estado-\(product.id)" form="\(form)" name="estado">\(option(.available))\(option(.soldOut))\(option(.discontinued))</select></td>\
            <td><form id="\(form)" method="post" action="/consola/catalogo/productos/\(product.id)">\(ConsoleLayout.csrf(session))\
            <button type="submit" aria-label="Guardar \(product.name)">Guardar</button></form></td></tr>
            """
    }

    static func adminForms(_ session: ConsoleSession) -> HTML {
        """
        <section class="tarjeta"><h2>Importar catálogo (CSV)</h2>
        <form method="post" action="/consola/catalogo/importar" enctype="multipart/form-data" class="formulario">
        \(ConsoleLayout.csrf(session))
        <label for="archivo">Archivo CSV (máximo 5 MB; columnas como catalogo.csv)</label>
        <input id="archivo" name="archivo" type="file" accept=".csv,text/csv" required>
        <label for="modo">Modo</label>
        <select id="modo" name="modo"><option value="fusionar">Fusionar (actualiza y agrega)</option>\
        <option value="reemplazar">Reemplazar (desactiva lo que no esté en el archivo)</option></select>
        <div><button type="submit">Importar</button></div>
        </form></section>
        <section class="tarjeta"><h2>Nuevo producto</h2>
        <form method="post" action="/consola/catalogo/productos" class="formulario">
        \(ConsoleLayout.csrf(session))
        <label for="n-nombre">Nombre</label><input id="n-nombre" name="nombre" required maxlength="120">
        <label for="n-descripcion">Descripción</label><textarea id="n-descripcion" name="descripcion" maxlength="1000"></textarea>
        <label for="n-precio">Precio (pesos)</label><input id="n-precio" name="precio" type="number" min="0" step="1" required>
        <label for="n-stock">Stock</label><input id="n-stock" name="stock" type="number" min="0" step="1" required>
        <label for="n-categoria">Categoría</label><input id="n-categoria" name="categoria" maxlength="80">
        <div><button type="submit">Crear producto</button></div>
        </form></section>
        <section class="tarjeta"><h2>Índice de búsqueda</h2>
        <p>Reconstruye los vectores del catálogo; las búsquedas usan el índice anterior hasta que el nuevo esté completo.</p>
        <form method="post" action="/consola/catalogo/reindexar">\(ConsoleLayout.csrf(session))\
        <button type="submit" class="secundario">Reindexar el catálogo</button></form></section>
        """
    }
}
