import Hummingbird
import JobEngine
import Support

/// `GET /metrics`: this process's figures (HTTP, long polls, outside calls), Redis' memory and
/// the queues' depths and totals read from Redis, in the Prometheus text format. No token;
/// bind the front end to loopback or filter it at the proxy if that matters. Workers serve
/// their own on `METRICS_PORT`.
struct MetricsController {
    let jobs: JobClient

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("metrics") { _, _ in try await metrics() }
    }

    private func metrics() async throws -> Response {
        var lines: [String] = []
        let memory = try await jobs.redisMemory()
        lines.append("# HELP vendedor_redis_memory_used_bytes Memory Redis uses (INFO memory used_memory).")
        lines.append("# TYPE vendedor_redis_memory_used_bytes gauge")
        lines.append("vendedor_redis_memory_used_bytes \(memory.usedBytes)")
        lines.append(
            "# HELP vendedor_redis_memory_max_bytes Redis' maxmemory (0 = no limit); near it the front end answers 503."
        )
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
