/// `/consola/login`: one text field for the user name, one password field.
enum LoginView {
    static func page(error: String? = nil, notice: String? = nil, name: String = "", next: String? = nil) -> HTML {
        var message: HTML = error.map { "<p class=\"aviso error\" role=\"alert\">\($0)</p>" } ?? ""
        if let notice { message.append("<p class=\"aviso ok\" role=\"status\">\(notice)</p>") }
        let hidden: HTML = next.map { "<input type=\"hidden\" name=\"siguiente\" value=\"\($0)\">" } ?? ""
        return ConsoleLayout.bare(
            title: "Ingresar",
            content: """
                <h1>Consola de la tienda</h1>
                \(message)
                <form method="post" action="/consola/login" class="formulario">
                \(hidden)
                <label for="nombre">Usuario</label>
                <input id="nombre" name="nombre" type="text" autocomplete="username" required maxlength="40" value="\(name)" autofocus>
                <label for="clave">Clave</label>
                <input id="clave" name="clave" type="password" autocomplete="current-password" required maxlength="200">
                <button type="submit">Ingresar</button>
                </form>
                """)
    }
}
