import Hummingbird
import JobEngine
import Support

/// `GET /metrics`: this process's figures (HTTP, long polls, outside calls) and the queues'
/// depths read from Redis, in the Prometheus text format, after the eight older queue
/// families (kept for existing dashboards). No token; bind the front end to loopback or
/// filter it at the proxy if that matters. Workers serve their own on `METRICS_PORT`.
struct MetricsController {
    let jobs: JobClient

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("metrics") { _, _ in try await metrics() }
    }

    private func metrics() async throws -> Response {
        let stats = try await jobs.stats()
        let workers = try await jobs.liveWorkers()
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String, _ value: (QueueStats) -> Int) {
            lines.append("# HELP vendedor_cola_\(name) \(help)")
            lines.append("# TYPE vendedor_cola_\(name) \(type)")
            for queue in stats { lines.append("vendedor_cola_\(name){cola=\"\(queue.queue)\"} \(value(queue))") }
        }
        family("pendientes", "gauge", "Trabajos listos que ningún trabajador ha tomado.", \.pendingCount)
        family("en_proceso", "gauge", "Trabajos entregados a un trabajador y sin confirmar.", \.inFlight)
        family("diferidos", "gauge", "Trabajos esperando un reintento o el límite de tasa.", \.delayed)
        family("muertos", "gauge", "Trabajos en la cola de muertos.", \.dead)
        family("procesados_total", "counter", "Trabajos terminados con éxito.", \.processed)
        family("fallidos_total", "counter", "Trabajos terminados con fallo o enviados a muertos.", \.failed)
        family("reintentados_total", "counter", "Reintentos programados.", \.retried)
        lines.append("# HELP vendedor_trabajadores_vivos Procesos trabajadores con latido reciente.")
        lines.append("# TYPE vendedor_trabajadores_vivos gauge")
        lines.append("vendedor_trabajadores_vivos \(workers.count)")
        let memory = try await jobs.redisMemory()
        lines.append("# HELP vendedor_redis_memory_used_bytes Memoria usada por Redis (INFO memory).")
        lines.append("# TYPE vendedor_redis_memory_used_bytes gauge")
        lines.append("vendedor_redis_memory_used_bytes \(memory.usedBytes)")
        lines.append("# HELP vendedor_redis_memory_max_bytes maxmemory de Redis (0 = sin límite); al llegar, 503.")
        lines.append("# TYPE vendedor_redis_memory_max_bytes gauge")
        lines.append("vendedor_redis_memory_max_bytes \(memory.maxBytes)")
        let text =
            lines.joined(separator: "\n") + "\n"
            + MetricsRegistry.shared.exposition(adding: await jobs.depthMetrics())
        return Response(
            status: .ok, headers: [.contentType: "\(MetricsRegistry.contentType)"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
