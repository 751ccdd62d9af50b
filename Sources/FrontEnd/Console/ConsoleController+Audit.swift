import Hummingbird
import Shop

// Auditoría (admin).
extension ConsoleController {
    @Sendable func auditLog(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        let user = request.query("usuario")
        // The longest name an audit line holds (`NewAuditEntry`).
        guard (user?.count ?? 0) <= 80 else { throw APIError.badRequest("El usuario admite máximo 80 caracteres.") }
        let (entries, total) = try await store.auditPage(user: user, limit: limit, offset: offset)
        return try await page(
            context, title: "Auditoría", section: .audit,
            content: AuditView.page(entries, total: total, limit: limit, offset: offset, user: user, request: request))
    }
}
