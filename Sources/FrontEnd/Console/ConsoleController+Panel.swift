import Foundation
import Hummingbird
import JobEngine
import Shop

// Panel (admin): the statistics of `GET /admin/estadisticas` and the queues of
// `GET /admin/colas` as charts and tables; re-drive dead letters like
// `POST /admin/colas/{cola}/muertos/reintentar`.
extension ConsoleController {
    @Sendable func panel(_ request: Request, context: AppRequestContext) async throws -> Response {
        let since = request.query("desde")
        let until = request.query("hasta")
        let counts = try await store.statistics()
        let panel = try await store.salesPanel(since: since, until: until, top: 10, stockThreshold: 5, now: Date())
        let queues = try await jobs.stats()
        let workers = try await jobs.liveWorkers()
        var latencies: [QueueLatency]?
        do {
            latencies = try await jobs.latencySample()
        } catch {
            context.logger.warning("No se pudo medir la latencia de las colas: \(error)")
        }
        var dead: [PanelView.DeadLetters] = []
        for queue in queues where queue.dead > 0 {
            let (list, total) = try await jobs.deadJobs(queue: queue.queue, offset: 0, limit: 20)
            var rows: [(status: JobStatus, payload: String)] = []
            for job in list { rows.append((job, try await jobs.payload(of: job.id) ?? "")) }
            dead.append(PanelView.DeadLetters(queue: queue.queue, total: total, jobs: rows))
        }
        return try await page(
            context, title: "Panel", section: .panel, flash: flash(request),
            content: PanelView.page(
                counts: counts, panel: panel, queues: queues, workers: workers, latencies: latencies, dead: dead,
                session: try session(context)))
    }

    /// One dead letter (`id`) or all of the queue's back to work.
    @Sendable func redrive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let queue = context.parameters.get("cola") ?? ""
        guard jobs.catalog.queues[queue] != nil else { throw APIError.notFound("No existe la cola \(queue).") }
        let id = try await form(request).text("id")
        if let id, !JobID.isValid(id) { throw APIError.badRequest("El id no es un id de trabajo válido.") }
        let ids = try await jobs.redrive(queue: queue, id: id, limit: 1000)
        await audit(context, "cola.reintentar", "\(queue): \(ids.count) trabajo(s)\(id.map { " (\($0))" } ?? "")")
        return ConsoleResponses.redirect("/consola/panel?aviso=\(ConsoleFlash.redriven.rawValue)#colas")
    }
}
