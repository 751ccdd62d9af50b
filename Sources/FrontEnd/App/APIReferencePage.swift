import Foundation
import Support

/// `GET /docs`: the API document as one self-contained HTML page (inline CSS, no script, no
/// CDN), built once from `APIDocument`: operations grouped by tag, each with its role,
/// parameters, body, responses and examples; then the error codes and the schemas.
enum APIReferencePage {
    static func render(_ document: APIDocument) -> String {
        let root = document.root
        var html = Self.head(title: text(root["info"]?["title"]) ?? "API")
        let tags = APIDocument.array(root["tags"]).compactMap { text($0["name"]) }
        let order = ["get", "post", "put", "delete", "patch"]
        let sorted = document.operations.sorted {
            ($0.path, order.firstIndex(of: $0.method.rawValue.lowercased()) ?? 9)
                < ($1.path, order.firstIndex(of: $1.method.rawValue.lowercased()) ?? 9)
        }
        let grouped = Dictionary(grouping: sorted) { text(APIDocument.array($0.raw["tags"]).first) ?? "Otros" }
        let sections = tags.filter { grouped[$0] != nil } + grouped.keys.filter { !tags.contains($0) }.sorted()

        html += "<nav><p class=\"brand\">\(escape(text(root["info"]?["title"]) ?? "API"))</p>"
        for tag in sections {
            html += "<p class=\"tag\">\(escape(tag))</p><ul>"
            for operation in grouped[tag] ?? [] {
                html +=
                    "<li><a href=\"#\(anchor(operation))\"><span class=\"m \(operation.method.rawValue.lowercased())\">\(operation.method.rawValue)</span> \(escape(operation.path))</a></li>"
            }
            html += "</ul>"
        }
        html += "<p class=\"tag\"><a href=\"#errores\">Errores</a> · <a href=\"#esquemas\">Esquemas</a></p></nav><main>"
        html +=
            "<h1>\(escape(text(root["info"]?["title"]) ?? "API")) <small>\(escape(text(root["info"]?["version"]) ?? ""))</small></h1>"
        html += "<p>\(inline(text(root["info"]?["description"]) ?? ""))</p>"
        html +=
            "<p class=\"muted\">Documento de máquina: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI 3.1).</p>"
        for tag in sections {
            html += "<h2>\(escape(tag))</h2>"
            for operation in grouped[tag] ?? [] { html += self.operation(operation, root: root) }
        }
        html += errors(root)
        html += schemas(root)
        html += "</main></body></html>\n"
        return html
    }

    private static func operation(_ operation: APIDocument.Operation, root: JSONValue) -> String {
        let raw = operation.raw
        let method = operation.method.rawValue
        var html = "<section class=\"op\" id=\"\(anchor(operation))\">"
        html +=
            "<h3><span class=\"m \(method.lowercased())\">\(method)</span> <code>\(escape(operation.path))</code> <span class=\"sum\">\(escape(text(raw["summary"]) ?? ""))</span></h3>"
        if let role = text(raw["x-rol"]) {
            html += "<p><span class=\"pill\">rol: \(escape(role))</span></p>"
        } else {
            html += "<p><span class=\"pill open\">sin token de portador</span></p>"
        }
        for paragraph in (text(raw["description"]) ?? "").components(separatedBy: "\n\n")
        where !paragraph.hasPrefix("Rol mínimo") {
            html += "<p>\(inline(paragraph))</p>"
        }
        let parameters = APIDocument.array(raw["parameters"]).map { APIDocument.resolve($0, in: root) }
        if !parameters.isEmpty {
            html += "<h4>Parámetros</h4><table><tr><th>nombre</th><th>en</th><th>tipo</th><th>descripción</th></tr>"
            for parameter in parameters {
                let required = parameter["required"] == .bool(true) ? " <span class=\"req\">obligatorio</span>" : ""
                html +=
                    "<tr><td><code>\(escape(text(parameter["name"]) ?? ""))</code>\(required)</td><td>\(escape(place(text(parameter["in"]))))</td><td>\(type(parameter["schema"], root: root))</td><td>\(inline(text(parameter["description"]) ?? ""))\(example(parameter["schema"]))</td></tr>"
            }
            html += "</table>"
        }
        if let body = raw["requestBody"], case .object(let content) = body["content"] ?? .null {
            let required = body["required"] == .bool(true) ? "" : " <span class=\"muted\">(opcional)</span>"
            html += "<h4>Cuerpo\(required)</h4>"
            for (mediaType, media) in content.sorted(by: { $0.key < $1.key }) {
                html += "<p><code>\(escape(mediaType))</code>: \(type(media["schema"], root: root))</p>"
                html += properties(APIDocument.resolve(media["schema"] ?? .null, in: root), root: root)
                if case .object(let examples) = media["examples"] ?? .null {
                    for (_, sample) in examples.sorted(by: { $0.key < $1.key }) {
                        html += "<pre>\(escape(json(sample["value"] ?? .null)))</pre>"
                    }
                }
            }
        }
        html += "<h4>Respuestas</h4><table>"
        if case .object(let responses) = raw["responses"] ?? .null {
            for (status, response) in responses.sorted(by: { $0.key < $1.key }) {
                let resolved = APIDocument.resolve(response, in: root)
                var schema = ""
                if case .object(let content) = resolved["content"] ?? .null {
                    schema = content.sorted(by: { $0.key < $1.key }).map { mediaType, media in
                        "<code>\(escape(mediaType))</code> \(type(media["schema"], root: root))"
                    }.joined(separator: "<br>")
                }
                let kind = status.hasPrefix("2") ? "ok" : "err"
                html +=
                    "<tr><td><span class=\"st \(kind)\">\(escape(status))</span></td><td>\(inline(text(resolved["description"]) ?? ""))</td><td>\(schema)</td></tr>"
            }
        }
        html += "</table></section>"
        return html
    }

    private static func errors(_ root: JSONValue) -> String {
        var html =
            "<h2 id=\"errores\">Errores</h2><p>Todos los errores tienen la forma <code>{\"error\": {\"codigo\", \"mensaje\", \"campos\"?}}</code>. Códigos por estado HTTP:</p><table><tr><th>estado</th><th>códigos</th><th>cuándo</th></tr>"
        if case .object(let responses) = root["components"]?["responses"] ?? .null {
            let rows = responses.compactMap { _, response -> (String, String, String)? in
                let codes = APIDocument.array(
                    APIDocument.array(response["content"]?["application/json"]?["schema"]?["allOf"]).last?[
                        "properties"]?[
                            "error"]?["properties"]?["codigo"]?["enum"])
                guard let status = statusOf(response, root: root) else { return nil }
                return (
                    status, codes.compactMap(text).map { "<code>\($0)</code>" }.joined(separator: " "),
                    inline(text(response["description"]) ?? "")
                )
            }
            for (status, codes, description) in rows.sorted(by: { $0.0 < $1.0 }) {
                html +=
                    "<tr><td><span class=\"st err\">\(status)</span></td><td>\(codes)</td><td>\(description)</td></tr>"
            }
        }
        return html + "</table>"
    }

    /// The status a shared error response is used with (from the first operation using it).
    private static func statusOf(_ response: JSONValue, root: JSONValue) -> String? {
        guard case .object(let paths) = root["paths"] ?? .null else { return nil }
        for (_, item) in paths {
            guard case .object(let operations) = item else { continue }
            for (_, operation) in operations {
                guard case .object(let responses) = operation["responses"] ?? .null else { continue }
                for (status, candidate) in responses where APIDocument.resolve(candidate, in: root) == response {
                    return status
                }
            }
        }
        return nil
    }

    private static func schemas(_ root: JSONValue) -> String {
        var html = "<h2 id=\"esquemas\">Esquemas</h2>"
        guard case .object(let schemas) = root["components"]?["schemas"] ?? .null else { return html }
        for (name, schema) in schemas.sorted(by: { $0.key < $1.key }) {
            html += "<section class=\"op\" id=\"esquema-\(escape(name))\"><h3><code>\(escape(name))</code></h3>"
            if let description = text(schema["description"]) { html += "<p>\(inline(description))</p>" }
            html += properties(schema, root: root)
            html += "</section>"
        }
        return html
    }

    private static func properties(_ schema: JSONValue, root: JSONValue) -> String {
        guard case .object(let properties) = schema["properties"] ?? .null, !properties.isEmpty else { return "" }
        let required = Set(APIDocument.array(schema["required"]).compactMap(text))
        var html = "<table><tr><th>campo</th><th>tipo</th><th>descripción</th></tr>"
        for (name, property) in properties.sorted(by: {
            (required.contains($0.key) ? 0 : 1, $0.key) < (required.contains($1.key) ? 0 : 1, $1.key)
        }) {
            let mark = required.contains(name) ? " <span class=\"req\">obligatorio</span>" : ""
            html +=
                "<tr><td><code>\(escape(name))</code>\(mark)</td><td>\(type(property, root: root))</td><td>\(inline(text(property["description"]) ?? ""))\(example(property))</td></tr>"
        }
        return html + "</table>"
    }

    /// A short type: a link to a named schema, `lista de …`, `texto o null`, the enum's values.
    private static func type(_ schema: JSONValue?, root: JSONValue) -> String {
        guard let schema else { return "" }
        if let reference = text(schema["$ref"]) {
            let name = String(reference.split(separator: "/").last ?? "")
            return "<a href=\"#esquema-\(escape(name))\">\(escape(name))</a>"
        }
        if let parts = schema["allOf"] { return APIDocument.array(parts).map { type($0, root: root) }.first ?? "" }
        var names: [String] = []
        switch schema["type"] {
        case .string(let name): names = [name]
        case .array(let list): names = list.compactMap(text)
        default: names = schema["type"] == nil ? ["cualquiera"] : []
        }
        var words = names.map { name -> String in
            switch name {
            case "string": "texto"
            case "integer": "entero"
            case "number": "número"
            case "boolean": "booleano"
            case "object": "objeto"
            case "null": "null"
            case "array": "lista de " + type(schema["items"], root: root)
            default: escape(name)
            }
        }.joined(separator: " o ")
        let values = APIDocument.array(schema["enum"]).compactMap(text)
        if !values.isEmpty { words += ": " + values.map { "<code>\(escape($0))</code>" }.joined(separator: " | ") }
        var bounds: [String] = []
        if case .integer(let low) = schema["minimum"] ?? .null { bounds.append("≥ \(low)") }
        if case .integer(let high) = schema["maximum"] ?? .null { bounds.append("≤ \(high)") }
        if case .string("date-time") = schema["format"] ?? .null { bounds.append("fecha ISO 8601") }
        return bounds.isEmpty ? words : words + " <span class=\"muted\">(\(bounds.joined(separator: ", ")))</span>"
    }

    private static func example(_ schema: JSONValue?) -> String {
        guard let first = APIDocument.array(schema?["examples"]).first else { return "" }
        return "<br><span class=\"muted\">ej.</span> <code>\(escape(json(first)))</code>"
    }

    private static func place(_ location: String?) -> String {
        switch location {
        case "query": "consulta"
        case "path": "ruta"
        case "header": "encabezado"
        default: location ?? ""
        }
    }

    private static func anchor(_ operation: APIDocument.Operation) -> String {
        operation.method.rawValue.lowercased() + "-"
            + operation.path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let text) = value ?? .null { text } else { nil }
    }

    private static func json(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Escaped text with `code` spans and **bold**, the only markup the document uses.
    static func inline(_ text: String) -> String {
        var out = ""
        var inCode = false
        var inBold = false
        var rest = Substring(text)
        while let character = rest.first {
            if character == "`" {
                out += inCode ? "</code>" : "<code>"
                inCode.toggle()
                rest = rest.dropFirst()
            } else if !inCode, rest.hasPrefix("**") {
                out += inBold ? "</strong>" : "<strong>"
                inBold.toggle()
                rest = rest.dropFirst(2)
            } else {
                out += escape(String(character))
                rest = rest.dropFirst()
            }
        }
        if inCode { out += "</code>" }
        if inBold { out += "</strong>" }
        return out
    }

    private static func head(title: String) -> String {
        """
        <!doctype html><html lang="es"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · referencia de la API</title><style>
        :root{--fg:#1d2330;--muted:#667085;--line:#e4e7ec;--bg:#f8fafc;--accent:#0b6e4f}
        *{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);display:flex}
        nav{position:sticky;top:0;height:100vh;overflow:auto;width:300px;flex:none;background:var(--bg);border-right:1px solid var(--line);padding:16px;font-size:13px}
        nav ul{list-style:none;margin:0 0 8px;padding:0}nav li a{display:block;padding:2px 4px;border-radius:4px;color:var(--fg);text-decoration:none;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        nav li a:hover{background:#eef2f6}.brand{font-weight:700;font-size:18px;margin:0 0 8px}.tag{font-weight:600;margin:12px 0 4px;color:var(--muted)}
        main{padding:24px 40px;max-width:1000px;min-width:0}h1 small{color:var(--muted);font-weight:400;font-size:60%}h2{border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:40px}
        .op{border:1px solid var(--line);border-radius:8px;padding:4px 18px 12px;margin:16px 0}.op h3{font-size:16px}.sum{font-weight:500;color:var(--muted)}
        .m{display:inline-block;min-width:52px;text-align:center;font:700 11px/18px ui-monospace,monospace;border-radius:4px;color:#fff;padding:0 4px}
        .get{background:#2f6fdf}.post{background:#0b8a5f}.put{background:#b7791f}.delete{background:#c0392b}.patch{background:#7d3cbd}
        .pill{background:#eef4ff;color:#1d4ed8;border-radius:10px;padding:1px 8px;font-size:12px}.pill.open{background:#f0fdf4;color:#15803d}
        .req{color:#b42318;font-size:11px}.muted{color:var(--muted)}.st{font:700 12px ui-monospace,monospace;padding:1px 6px;border-radius:4px}.st.ok{background:#dcfce7}.st.err{background:#fee2e2}
        table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}th{color:var(--muted);font-weight:600}
        code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f2f4f7;border-radius:3px;padding:0 3px}pre{background:#0f172a;color:#e2e8f0;padding:12px;border-radius:6px;overflow:auto;font-size:13px}
        a{color:var(--accent)}@media(max-width:800px){body{display:block}nav{position:static;width:auto;height:auto}main{padding:16px}}
        </style></head><body>
        """
    }
}
