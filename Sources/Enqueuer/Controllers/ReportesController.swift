import Core
import Hummingbird

/// Sales report (`GET /ventas`) and administration counts (`GET /admin/estadisticas`).
struct ReportesController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: ventas)
    }

    func addStatisticsRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("estadisticas", use: statistics)
    }

    @Sendable func ventas(_ request: Request, context: AppRequestContext) async throws -> Response {
        let desde = request.query("desde")
        let hasta = request.query("hasta")
        return try APIJSON.response(try await database.perform { try $0.ventas(desde: desde, hasta: hasta) })
    }

    @Sendable func statistics(_ request: Request, context: AppRequestContext) async throws -> Response {
        try APIJSON.response(try await database.perform { try $0.statistics() })
    }
}

/// The active company text the agent answers from: staff read it, admins replace it (the
/// previous version is kept, inactive).
struct ContextoController {
    let database: AppDatabase

    struct Reemplazo: Decodable {
        var contenido: String
    }

    func addReadRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: show)
    }

    func addWriteRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put(use: replace)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let contexto = try await database.perform({ try $0.activeCompanyContext() }) else {
            throw APIError.notFound("Todavía no hay texto de la empresa; cárguelo con PUT /contexto.")
        }
        return try APIJSON.response(contexto)
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(Reemplazo.self, limit: 512 * 1024)
        let contexto = try await database.perform { try $0.replaceCompanyContext(body.contenido) }
        return try APIJSON.response(contexto)
    }
}
