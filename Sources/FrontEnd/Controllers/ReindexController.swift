import Foundation
import Hummingbird
import JobEngine
import Pipeline
import Shop

/// `POST /admin/reindexar` (admin): starts a re-index of the catalog's vectors → `202` job
/// whose status shows `progreso` hechos/total until the new index is built and swapped in.
/// Optional body `{"motivo": "..."}`; an `Idempotency-Key` header makes a resubmission the same job.
struct ReindexController {
    let store: any ShopStore
    let jobs: JobClient
    let uploads: any CatalogUploads

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("reindexar", use: start)
    }

    struct Body: Decodable {
        var reason: String?

        enum CodingKeys: String, CodingKey {
            case reason = "motivo"
        }
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let raw = try await request.collectBody(upTo: context.maxUploadSize)
        var reason = "manual"
        if raw.readableBytes > 0 {
            guard let body = try? JSONDecoder().decode(Body.self, from: Data(raw.readableBytesView)) else {
                throw APIError.badRequest("El cuerpo debe ser JSON: {\"motivo\": \"...\"} o vacío.")
            }
            if let given = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !given.isEmpty {
                guard given.count <= 200 else {
                    throw ValidationErrors([
                        ValidationError(field: "motivo", message: "El motivo admite hasta 200 caracteres.")
                    ])
                }
                reason = given
            }
        }
        let id = try await CatalogEditor(store: store, jobs: jobs, uploads: uploads).reindex(
            reason: reason, idempotencyKey: request.headers[.idempotencyKey], owner: context.identity?.ownerKey)
        return ChatController.accepted(id)
    }
}
