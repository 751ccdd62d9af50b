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
        var limit = 100
        if let raw = request.uri.queryParameters.get("limit") {
            guard let value = Int(raw), (1...10_000).contains(value) else {
                throw APIError.badRequest("El parámetro limit debe estar entre 1 y 10000.")
            }
            limit = value
        }
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

/// `limit` (1–500, default 50) and `offset` (≥ 0) query parameters.
enum Pagination {
    static func parse(_ request: Request, defaultLimit: Int = 50) throws -> (limit: Int, offset: Int) {
        var limit = defaultLimit
        var offset = 0
        if let raw = request.uri.queryParameters.get("limit") {
            guard let value = Int(raw), (1...500).contains(value) else {
                throw APIError.badRequest("El parámetro limit debe ser un entero entre 1 y 500.")
            }
            limit = value
        }
        if let raw = request.uri.queryParameters.get("offset") {
            guard let value = Int(raw), value >= 0 else {
                throw APIError.badRequest("El parámetro offset debe ser un entero mayor o igual a 0.")
            }
            offset = value
        }
        return (limit, offset)
    }
}
