import Foundation
import HTTPTypes
import Hummingbird
import Shop
import Support

/// Guards the console's pages: a live session from the `vd_sesion` cookie (else a GET is
/// sent to the login page and anything else gets 401), at least `minimum` role (else 403),
/// and for every request that changes state (any method but GET/HEAD) the session's CSRF
/// token, in the `X-CSRF-Token` header or the form's `_csrf` field (else 403).
struct ConsoleAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let sessions: ConsoleSessionStore
    let minimum: Role

    static let cookieName = "vd_sesion"
    static let csrfField = "_csrf"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// Forms are small; the catalog upload is the one big one (5 MB and its envelope).
    static let maxFormBytes = 64 * 1024
    static let maxMultipartBytes = ProductsController.maxUploadBytes + 64 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let token = Self.cookie(Self.cookieName, in: request),
            let session = try await sessions.session(token: token)
        else {
            if request.method == .get || request.method == .head, !Self.wantsData(request) {
                return ConsoleResponses.redirect(
                    ConsoleFormat.url("/consola/login", [("siguiente", Self.returnPath(request))]))
            }
            throw APIError(.unauthenticated, "La sesión terminó o no existe; vuelva a ingresar.")
        }
        guard session.role >= minimum else {
            throw APIError(.forbidden, "Su rol (\(session.role.rawValue)) no permite esta página.")
        }
        var request = request
        if request.method != .get && request.method != .head {
            let given = try await Self.csrfToken(&request)
            guard let given, ConstantTime.equals(given, session.csrfToken) else {
                throw APIError(.forbidden, "Falta el token CSRF o no es válido; recargue la página e intente de nuevo.")
            }
        }
        var context = context
        context.consoleSession = session
        context.identity = session.identity
        return try await next(request, context)
    }

    /// The CSRF token a request carries: the header, else the `_csrf` field of its form body
    /// (the body is collected, bounded, and stays readable for the handler).
    static func csrfToken(_ request: inout Request) async throws -> String? {
        if let header = request.headers[csrfHeader] { return header }
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            return try await form(&request)[csrfField]
        }
        if contentType.hasPrefix("multipart/form-data") {
            let body = try await collect(&request, limit: maxMultipartBytes)
            let parts = try Multipart.parts(in: body, contentType: request.headers[.contentType] ?? "")
            return parts.first { $0.name == csrfField }?.text
        }
        return nil
    }

    /// The request's urlencoded form (at most `maxFormBytes`).
    static func form(_ request: inout Request) async throws -> FormData {
        let body = try await collect(&request, limit: maxFormBytes)
        return try FormData(urlEncoded: String(decoding: body, as: UTF8.self))
    }

    static func collect(_ request: inout Request, limit: Int) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError(.bodyTooLarge, "El formulario supera el máximo de \(limit / 1024) KB.")
        }
        do {
            return Data(try await request.collectBody(upTo: limit).readableBytesView)
        } catch {
            throw APIError(.bodyTooLarge, "El formulario supera el máximo de \(limit / 1024) KB.")
        }
    }

    /// A cookie's value from the `Cookie` header(s).
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// Event streams and JSON polls get a 401 instead of a redirect to a page.
    static func wantsData(_ request: Request) -> Bool {
        let accept = request.headers[.accept] ?? ""
        return accept.contains("text/event-stream") || accept.contains("application/json")
    }

    /// Where to come back after logging in: the console path asked for (never another site).
    static func returnPath(_ request: Request) -> String? {
        let path = request.uri.path
        guard path.hasPrefix("/consola/"), !path.hasPrefix("/consola/login"), path.utf8.count <= 200,
            !path.contains("//")
        else { return nil }
        return path
    }
}
