import Hummingbird
import JobEngine
import Shop

/// The active company text the agent answers from: staff read it, admins replace it (the
/// previous version is kept, inactive).
struct CompanyContextController {
    let store: any ShopStore

    struct Replacement: Decodable {
        var content: String

        enum CodingKeys: String, CodingKey {
            case content = "contenido"
        }
    }

    func addReadRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: show)
    }

    func addWriteRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put(use: replace)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let companyText = try await store.activeCompanyContext() else {
            throw APIError.notFound("Todavía no hay texto de la empresa; cárguelo con PUT /contexto.")
        }
        return try APIJSON.response(companyText)
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(Replacement.self, limit: 512 * 1024)
        let companyText = try await store.replaceCompanyContext(body.content)
        return try APIJSON.response(companyText)
    }
}
