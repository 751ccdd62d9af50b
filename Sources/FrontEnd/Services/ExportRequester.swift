import Foundation
import JobEngine
import Shop
import SpanishText
import Support

/// Asks for an export, shared by the API (`ExportController`) and the console: the resource
/// and its filters are checked (`ExportRequest`, every wrong field named) and an `exportar`
/// job is enqueued; its result is a signed download link.
struct ExportRequester: Sendable {
    let jobs: JobClient

    /// → the job's id. With an idempotency key (≤ 150 characters), a resubmission by the same
    /// owner is the same job.
    func request(_ name: String, fields: [String: JSONValue], owner: String, idempotencyKey: String?) async throws
        -> String
    {
        guard let resource = ExportResource(rawValue: TextFold.fold(name)) else {
            throw APIError.notFound("No se puede exportar «\(name)»; se puede exportar \(ExportResource.names).")
        }
        let job = try ExportRequest.job(resource, fields: fields)
        var key: String?
        if let header = idempotencyKey?.trimmed, !header.isEmpty {
            guard header.count <= 150 else {
                throw APIError.badRequest("El encabezado Idempotency-Key admite máximo 150 caracteres.")
            }
            key = "exportar:\(owner):\(header)"
        }
        return try await jobs.enqueue(job, idempotencyKey: key, owner: owner).id
    }
}
