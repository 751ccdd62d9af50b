import Foundation
import Hummingbird
import JobEngine
import Shop
import SpanishText
import Support

/// Exports: staff ask for one (`POST /exportar/{recurso}` → 202 job, filters in the JSON body
/// or the query string); the worker's result is a signed link that anyone holding it can
/// download without a bearer token until it expires (`GET /exportar/descargas/{token}`).
struct ExportController {
    let jobs: JobClient
    let links: DownloadLinkSigner
    /// Where finished exports are read from (`BLOBS_BACKEND`: the exports directory or the
    /// database, so any front end serves any link).
    let shelf: any ExportShelf

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("{recurso}", use: create)
    }

    /// The download route: mounted without the auth middleware, the signature is the key.
    func addDownloadRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("{token}", use: download)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        var fields: [String: JSONValue] = [:]
        for (key, value) in request.uri.queryParameters {
            fields[String(key)] = .string(String(value))
        }
        for (key, value) in try await Self.bodyFields(request) {
            // The same filter in the URL and in the body must agree: one of them would be ignored.
            if let query = fields[key], query != value, query != .string(Self.text(of: value)) {
                throw APIError(
                    .validation, "«\(key)» llega en la URL y en el cuerpo con valores distintos; envíe solo uno.",
                    fields: [ValidationError(field: key, message: "No coincide con el valor de la URL.")])
            }
            fields[key] = value
        }
        try Self.foldAliases(&fields)
        let id = try await ExportRequester(jobs: jobs).request(
            context.pathString("recurso"), fields: fields, owner: context.identity?.ownerKey ?? "",
            idempotencyKey: request.headers[.idempotencyKey])
        return ChatController.accepted(id)
    }

    /// How a JSON scalar reads in a URL (`4`, `true`), to compare it with a query parameter.
    private static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: ""
        }
    }

    /// The old backend's date filter names (`fecha_desde`, `fecha_hasta`) as ours; both
    /// names with different values is a 422.
    static func foldAliases(_ fields: inout [String: JSONValue]) throws {
        for (alias, name) in Request.dateFilterAliases {
            guard let old = fields.removeValue(forKey: alias) else { continue }
            if let value = fields[name], value != old {
                throw Request.conflictingAlias(alias, of: name)
            }
            fields[name] = old
        }
    }

    /// The members of a JSON object body; an empty body means no filters.
    static func bodyFields(_ request: Request) async throws -> [String: JSONValue] {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: 16 * 1024)
        } catch {
            throw APIError(.bodyTooLarge, "El cuerpo supera el máximo de 16 KB.")
        }
        let data = Data(buffer.readableBytesView)
        guard data.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) else { return [:] }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw APIError.badRequest("El cuerpo no es JSON válido.")
        }
        guard case .object(let members) = value else {
            throw APIError.badRequest("El cuerpo debe ser un objeto JSON con los filtros y el formato.")
        }
        return members
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let link: DownloadLink
        do {
            link = try links.verify(context.parameters.get("token") ?? "")
        } catch .expired {
            throw APIError(.linkExpired, "El enlace de descarga venció; pida una nueva exportación.")
        } catch {
            throw APIError(.invalidLink, "El enlace de descarga no es válido.")
        }
        guard ExportFiles.isSafeName(link.file), ExportFiles.isSafeName(link.name) else {
            throw APIError(.invalidLink, "El enlace de descarga no es válido.")
        }
        guard let download = try await shelf.download(link.file) else {
            throw APIError(.fileGone, "El archivo ya no está disponible; pida una nueva exportación.")
        }
        let format: ExportFormat = link.file.hasSuffix(".xlsx") ? .xlsx : .csv
        let body: ResponseBody
        switch download {
        case .file(let path):
            body = try await FileIO().loadFile(path: path, context: context)
        case .chunks(let size, let read):
            // Streamed a chunk at a time from the database (never the whole file in memory).
            body = ResponseBody(contentLength: size) { writer in
                try await read { chunk in try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            }
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: format.contentType,
                .contentDisposition: "attachment; filename=\"\(link.name)\"",
                .cacheControl: "private, no-store",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: body)
    }
}
