/// A console error as a page: what went wrong, in Spanish, and a way back.
enum ErrorView {
    static func page(_ error: APIError) -> HTML {
        ConsoleLayout.bare(
            title: "Error",
            content: """
                <h1>No se pudo completar</h1>
                <p class="aviso error" role="alert">\(error.message)</p>
                \(fields(error))
                <p><a href="/consola/conversaciones">Volver a la consola</a></p>
                """)
    }

    private static func fields(_ error: APIError) -> HTML {
        guard let fields = error.fields, !fields.isEmpty else { return "" }
        return
            "<ul>\(fields.map { field -> HTML in "<li><strong>\(field.field)</strong>: \(field.message)</li>" })</ul>"
    }
}
