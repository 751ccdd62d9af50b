import Hummingbird
import JobEngine
import Shop
import Support

// Exportes: request an export (`ExportRequester`, like `POST /exportar/{recurso}`), follow its
// progress, download it; each user's last 10 exports are remembered in Redis for a day.
extension ConsoleController {
    static let exportFields = ["desde", "hasta", "cedula", "producto_id", "estado", "formato", "separador", "bom"]

    @Sendable func exports(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let current = try await requestedJob(request)
        let ids =
            (try await jobs.redis.send(RedisCommand("LRANGE", Self.exportsKey(session.userId), "0", "9"))
            .checked().array ?? []).compactMap(\.string).filter { $0 != current?.id }
        var recent: [JobStatus] = []
        for id in ids where JobID.isValid(id) {
            if let status = try await jobs.status(id) { recent.append(status) }
        }
        return try await page(
            context, title: "Exportes", section: .exports,
            content: ExportsView.page(current: current, recent: recent, session: session))
    }

    @Sendable func requestExport(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let form = try await form(request)
        var fields: [String: JSONValue] = [:]
        for name in Self.exportFields {
            if let value = form.text(name) { fields[name] = .string(value) }
        }
        let resource = form.text("recurso") ?? ""
        let id = try await ExportRequester(jobs: jobs).request(
            resource, fields: fields, owner: session.identity.ownerKey, idempotencyKey: nil)
        let key = Self.exportsKey(session.userId)
        _ = try await jobs.redis.pipeline([
            RedisCommand("LREM", key, "0", id), RedisCommand("LPUSH", key, id), RedisCommand("LTRIM", key, "0", "9"),
            RedisCommand("EXPIRE", key, "86400"),
        ])
        await audit(context, "exportar", "\(resource.prefix(40)) (trabajo \(id))")
        return ConsoleResponses.redirect(ConsoleFormat.url("/consola/exportes", [("trabajo", id)]))
    }

    static func exportsKey(_ userId: Int64) -> String { "vd:consola:exportes:\(userId)" }
}
