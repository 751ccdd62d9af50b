import Foundation
import JobEngine
import Shop

/// Panel: the period's sales (per day and per week), average ticket, conversion chat → order,
/// top products and low stock as charts with their numbers; then the queues (depth, in
/// flight, rate, wait and run time), the live workers and the dead letters with a re-drive.
enum PanelView {
    struct DeadLetters {
        var queue: String
        var total: Int
        var jobs: [(status: JobStatus, payload: String)]
    }

    static func page(
        counts: Statistics, panel: SalesPanel, queues: [QueueStats], workers: [WorkerInfo],
        latencies: [QueueLatency]?, dead: [DeadLetters], session: ConsoleSession
    ) -> HTML {
        let sales = panel.sales
        let days = sales.byDay.map {
            SVGChart.Point(label: ConsoleFormat.day($0.day), value: $0.total, text: ConsoleFormat.money($0.total))
        }
        let weeks = sales.byWeek.map {
            SVGChart.Point(
                label: "Sem. " + ConsoleFormat.day($0.week), value: $0.total, text: ConsoleFormat.money($0.total))
        }
        let top = panel.topProducts.map {
            SVGChart.Point(label: $0.name, value: $0.total, text: "\($0.units) u · \(ConsoleFormat.money($0.total))")
        }
        let low = panel.lowStock.products.map { item -> HTML in
            "<li>\(item.name) <small>(#\(item.id))</small>: <strong>\(item.stock)</strong> unidades</li>"
        }
        let conversion = panel.conversion
        return """
            <form method="get" action="/consola/panel" class="filtros" aria-label="Periodo">
            <div><label for="p-desde">Desde</label><input id="p-desde" name="desde" type="date" value="\(panel.period.since)"></div>
            <div><label for="p-hasta">Hasta</label><input id="p-hasta" name="hasta" type="date" value="\(panel.period.until)"></div>
            <div><button type="submit">Ver periodo</button></div>
            </form>
            <ul class="cifras">
            <li class="cifra">Ventas del periodo<strong>\(ConsoleFormat.money(sales.total))</strong></li>
            <li class="cifra">Pedidos<strong>\(ConsoleFormat.number(sales.orders))</strong></li>
            <li class="cifra">Ticket promedio<strong>\(ConsoleFormat.money(sales.averageTicket))</strong></li>
            <li class="cifra">Conversión chat → pedido<strong>\(ConsoleFormat.percent(conversion.rate))</strong>\
            <small>\(conversion.chatsWithOrder) de \(conversion.chats) chats</small></li>
            <li class="cifra">Productos activos<strong>\(ConsoleFormat.number(counts.activeProducts))</strong></li>
            <li class="cifra">Clientes<strong>\(ConsoleFormat.number(counts.clients))</strong></li>
            </ul>
            <h2>Ventas por día</h2>
            \(SVGChart.columns(days, description: "Ventas por día del \(ConsoleFormat.day(panel.period.since)) al \(ConsoleFormat.day(panel.period.until))"))
            <h2>Ventas por semana (desde el lunes)</h2>
            \(SVGChart.columns(weeks, description: "Ventas por semana", height: 180))
            <h2>Productos más vendidos</h2>
            \(SVGChart.bars(top, description: "Productos más vendidos del periodo"))
            <h2>Stock bajo (≤ \(panel.lowStock.threshold) unidades)</h2>
            \(low.isEmpty ? ("<p>Ningún producto activo con stock bajo.</p>" as HTML) : ("<ul>\(low)</ul>" as HTML))
            \(queueTable(queues, latencies: latencies))
            \(workerList(workers))
            \(deadLetters(dead, session: session))
            """
    }

    static func queueTable(_ queues: [QueueStats], latencies: [QueueLatency]?) -> HTML {
        let byQueue = Dictionary((latencies ?? []).map { ($0.queue, $0) }, uniquingKeysWith: { first, _ in first })
        func times(_ values: QueueLatency.Percentiles?) -> String {
            guard let values else { return "—" }
            return "\(ConsoleFormat.duration(ms: values.p50)) / \(ConsoleFormat.duration(ms: values.p95))"
        }
        let rows = queues.map { queue -> HTML in
            let latency = byQueue[queue.queue]
            return """
                <tr><td data-titulo="Cola">\(queue.queue)</td>\
                <td class="num" data-titulo="En cola">\(ConsoleFormat.number(queue.pendingCount))</td>\
                <td class="num" data-titulo="En proceso">\(queue.inFlight)</td>\
                <td class="num" data-titulo="Diferidos">\(queue.delayed)</td>\
                <td class="num" data-titulo="Muertos">\(queue.dead)</td>\
                <td class="num" data-titulo="Por minuto">\(queue.perMinute)</td>\
                <td class="num" data-titulo="Procesados">\(ConsoleFormat.number(queue.processed))</td>\
                <td class="num" data-titulo="Espera p50/p95">\(times(latency?.waitMs))</td>\
                <td class="num" data-titulo="Ejecución p50/p95">\(times(latency?.runMs))</td></tr>
                """
        }
        return """
            <h2>Colas</h2>
            <table class="tarjetas" id="colas"><thead><tr><th>Cola</th><th class="num">En cola</th><th class="num">En proceso</th>\
            <th class="num">Diferidos</th><th class="num">Muertos</th><th class="num">Por minuto</th><th class="num">Procesados</th>\
            <th class="num">Espera p50/p95</th><th class="num">Ejecución p50/p95</th></tr></thead><tbody>\(rows)</tbody></table>
            \(latencies == nil ? "<p>No se pudo medir la latencia de las colas.</p>" : "")
            """
    }

    static func workerList(_ workers: [WorkerInfo]) -> HTML {
        let items = workers.map { worker -> HTML in
            """
            <li>\(worker.host) · pid \(worker.pid) · \(worker.queues.joined(separator: ", ")) · \(worker.inFlight) en proceso</li>
            """
        }
        return """
            <h2>Trabajadores vivos: \(workers.count)</h2>
            \(workers.isEmpty ? ("<p class=\"aviso error\">No hay trabajadores vivos: nadie atiende las colas.</p>" as HTML) : ("<ul>\(items)</ul>" as HTML))
            """
    }

    static func deadLetters(_ queues: [DeadLetters], session: ConsoleSession) -> HTML {
        guard !queues.isEmpty else { return "<h2>Trabajos muertos</h2><p>No hay trabajos muertos.</p>" }
        let sections = queues.map { queue -> HTML in
            let path = "/consola/panel/colas/\(ConsoleFormat.segment(queue.queue))/reintentar"
            let rows = queue.jobs.map { job -> HTML in
                let payload = job.payload.count > 2000 ? String(job.payload.prefix(2000)) + "…" : job.payload
                return """
                    <tr><td data-titulo="Trabajo">\(job.status.id)<br><small>\(job.status.kind)</small></td>\
                    <td data-titulo="Intentos" class="num">\(job.status.attempts)</td>\
                    <td data-titulo="Error">\(job.status.error ?? "—")</td>\
                    <td data-titulo="Payload"><pre>\(payload)</pre></td>\
                    <td><form method="post" action="\(path)">\(ConsoleLayout.csrf(session))\
                    <input type="hidden" name="id" value="\(job.status.id)"><button type="submit">Reintentar</button></form></td></tr>
                    """
            }
            return """
                <section class="tarjeta" id="muertos-\(queue.queue)"><h3>\(queue.queue): \(queue.total) muerto(s)</h3>
                <form method="post" action="\(path)">\(ConsoleLayout.csrf(session))\
                <button type="submit" class="secundario">Reintentar todos</button></form>
                <table class="tarjetas"><thead><tr><th>Trabajo</th><th class="num">Intentos</th><th>Error</th><th>Payload</th>\
                <th>Acción</th></tr></thead><tbody>\(rows)</tbody></table></section>
                """
        }
        return "<h2>Trabajos muertos</h2>\(sections)"
    }
}
