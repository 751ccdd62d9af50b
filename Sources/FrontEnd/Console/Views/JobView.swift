import Foundation
import JobEngine
import Pipeline
import Shop
import Support

/// A job in the console: while it runs, a progress bar the script keeps current; when it
/// ends, its outcome (an import's counts and row errors, an export's download link, a
/// re-index done, or why it failed).
enum JobView {
    static func box(_ status: JobStatus) -> HTML {
        guard status.isFinished else {
            let total = max(status.progress?.total ?? 0, 1)
            let done = status.progress?.facts ?? 0
            return """
                <div class="tarjeta" data-trabajo="\(status.id)" aria-live="polite">
                <p><strong>\(title(status.kind))</strong> · <span data-estado>\(stateText(status))</span></p>
                <progress max="\(total)" value="\(done)" aria-label="Progreso de \(title(status.kind))"></progress>
                </div>
                """
        }
        guard status.state == .completed else {
            return """
                <div class="tarjeta" id="resultado-trabajo"><p><strong>\(title(status.kind))</strong></p>
                <p class="aviso error" role="alert">\(stateText(status))</p></div>
                """
        }
        let result = status.result.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        let outcome: HTML =
            switch status.kind {
            case ImportCatalogJob.kind: importOutcome(result)
            case ExportJob.kind: exportOutcome(result)
            default: "<p class=\"aviso ok\">Terminado.</p>"
            }
        return """
            <div class="tarjeta" id="resultado-trabajo"><p><strong>\(title(status.kind))</strong> · completado</p>
            <progress max="1" value="1" aria-label="Completado"></progress>
            \(outcome)</div>
            """
    }

    static func title(_ kind: String) -> String {
        switch kind {
        case ImportCatalogJob.kind: "Importación del catálogo"
        case ReindexCatalogJob.kind: "Reindexación del catálogo"
        case ExportJob.kind: "Exportación"
        default: kind
        }
    }

    static func stateText(_ status: JobStatus) -> String {
        switch status.state {
        case .queued: return "En cola…"
        case .running:
            if let progress = status.progress, progress.total > 0 {
                return "Procesando: \(ConsoleFormat.number(progress.facts)) de \(ConsoleFormat.number(progress.total))"
            }
            return "Procesando…"
        case .completed: return "Completado"
        case .failed: return "Falló: \(status.error ?? "sin detalle")"
        case .dead: return "Falló después de varios intentos: \(status.error ?? "sin detalle")"
        }
    }

    private static func int(_ value: JSONValue?) -> Int {
        if case .integer(let number)? = value { number } else { 0 }
    }

    private static func string(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: text
        case .integer(let number)?: String(number)
        default: ""
        }
    }

    static func importOutcome(_ result: JSONValue?) -> HTML {
        let counts: HTML = """
            <ul class="cifras">
            <li class="cifra">Creados<strong>\(int(result?["creados"]))</strong></li>
            <li class="cifra">Actualizados<strong>\(int(result?["actualizados"]))</strong></li>
            <li class="cifra">Sin cambios<strong>\(int(result?["sin_cambios"]))</strong></li>
            <li class="cifra">Desactivados<strong>\(int(result?["desactivados"]))</strong></li>
            </ul>
            """
        guard case .array(let errors)? = result?["errores"], !errors.isEmpty else {
            return counts + "<p class=\"aviso ok\">Sin errores.</p>"
        }
        let rows = errors.prefix(500).map { error -> HTML in
            """
            <tr><td class="num" data-titulo="Fila">\(string(error["fila"]))</td><td data-titulo="Campo">\(string(error["campo"]))</td>\
            <td data-titulo="Error">\(string(error["mensaje"]))</td></tr>
            """
        }
        return counts + """
            <p class="aviso error" role="alert">\(errors.count) fila(s) con errores no se importaron:</p>
            <table class="tarjetas" id="errores-importacion"><thead><tr><th class="num">Fila</th><th>Campo</th><th>Error</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    static func exportOutcome(_ result: JSONValue?) -> HTML {
        let url = string(result?["url"])
        guard url.hasPrefix("/exportar/descargas/") else { return "<p>No hay enlace de descarga.</p>" }
        let file = string(result?["archivo"])
        return """
            <p><a class="boton" id="descargar" href="\(url)" download>Descargar \(file.isEmpty ? "archivo" : file)</a></p>
            <p>\(ConsoleFormat.number(int(result?["filas"]))) filas · \(ConsoleFormat.number(int(result?["bytes"]) / 1024)) KB · \
            el enlace vence \(string(result?["expira"]))</p>
            """
    }
}
