import Hummingbird
import JobEngine
import Logging
import ServiceLifecycle
import Support

/// `GET /metrics` of a worker process, on `METRICS_HOST:METRICS_PORT` (loopback unless set
/// otherwise): the figures this process keeps (queue wait and run times and outcomes of
/// the jobs it ran, outside calls, the agent) and the queue depths read from Redis. Each
/// process is scraped on its own; nothing is aggregated through Redis.
enum WorkerMetricsServer {
    static func make(host: String, port: Int, jobs: JobClient, logger: Logger) -> some Service {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            let text = MetricsRegistry.shared.exposition(adding: await jobs.depthMetrics())
            return Response(
                status: .ok, headers: [.contentType: MetricsRegistry.contentType],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("health") { _, _ in "ok" }
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "vendedor-workers"),
            logger: logger)
    }
}
