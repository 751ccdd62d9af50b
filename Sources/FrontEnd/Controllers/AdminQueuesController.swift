import Hummingbird
import JobEngine
import Shop
import Support

/// Queue administration: stats and live workers, dead-letter inspection and re-drive.
struct AdminQueuesController {
    let jobs: JobClient

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("colas", use: stats)
        group.get("colas/{cola}/muertos", use: dead)
        group.post("colas/{cola}/muertos/reintentar", use: redrive)
    }

    struct Overview: Encodable {
        var queues: [QueueStats]
        var workers: [WorkerInfo]
        var providers: [ProviderState]

        enum CodingKeys: String, CodingKey {
            case queues = "colas"
            case workers = "trabajadores"
            case providers = "proveedores"
        }
    }

    @Sendable func stats(_ request: Request, context: AppRequestContext) async throws -> Response {
        try APIJSON.response(
            Overview(
                queues: try await jobs.stats(), workers: try await jobs.liveWorkers(),
                providers: try await jobs.providers()))
    }

    struct DeadJob: Encodable {
        var job: JobStatus
        var payload: JSONValue?

        enum CodingKeys: String, CodingKey {
            case job = "trabajo"
            case payload
        }
    }

    struct Page<T: Encodable>: Encodable {
        var results: [T]
        var total: Int
        var limit: Int
        var offset: Int

        enum CodingKeys: String, CodingKey {
            case results = "resultados"
            case total
            case limit
            case offset
        }
    }

    @Sendable func dead(_ request: Request, context: AppRequestContext) async throws -> Response {
        let queue = try queueName(context)
        let (limit, offset) = try Pagination.parse(request)
        let (list, total) = try await jobs.deadJobs(queue: queue, offset: offset, limit: limit)
        var rows: [DeadJob] = []
        for job in list {
            let raw = try await jobs.payload(of: job.id) ?? ""
            let payload = try? JobCoding.decode(JSONValue.self, from: raw)
            rows.append(DeadJob(job: job, payload: payload ?? .string(raw)))
        }
        return try APIJSON.response(Page(results: rows, total: total, limit: limit, offset: offset))
    }

    struct Redriven: Encodable {
        var retried: [String]

        enum CodingKeys: String, CodingKey {
            case retried = "reintentados"
        }
    }

    @Sendable func redrive(_ request: Request, context: AppRequestContext) async throws -> Response {
        let queue = try queueName(context)
        let id = request.uri.queryParameters.get("id")
        if let id, !JobID.isValid(id) { throw APIError.badRequest("El parámetro id no es un id de trabajo válido.") }
        let limit = try IntegerParameter.parse(
            request.uri.queryParameters.get("limit"), name: "limit", range: 1...10_000, default: 100)
        let ids = try await jobs.redrive(queue: queue, id: id, limit: limit)
        return try APIJSON.response(Redriven(retried: ids))
    }

    private func queueName(_ context: AppRequestContext) throws -> String {
        let name = context.parameters.get("cola") ?? ""
        guard jobs.catalog.queues[name] != nil else {
            throw APIError.notFound(
                "No existe la cola \(name). Colas: \(jobs.catalog.queues.keys.sorted().joined(separator: ", ")).")
        }
        return name
    }
}
