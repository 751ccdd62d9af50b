import HTTPTypes
import Hummingbird

/// CORS for browser front ends on other origins (`CORSPolicy`): a preflight from a listed
/// origin is answered 204 with the methods and headers the API takes; one from any other
/// origin gets 403 and no CORS headers; ordinary requests from a listed origin get the
/// `Access-Control-Allow-Origin` they need (also on errors). Requests without `Origin` are
/// untouched.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: CORSPolicy

    static var allowMethods: String { "GET, POST, PUT, DELETE, OPTIONS" }
    static var allowHeaders: String { "Authorization, Content-Type, Accept, Idempotency-Key" }
    static var exposeHeaders: String { "Location, Retry-After" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowed = policy.allow(origin)
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            guard let allowed else {
                throw APIError(.originNotAllowed, "El origen \(origin.prefix(100)) no puede usar esta API.")
            }
            var headers = Self.headers(allowed)
            headers[.accessControlAllowMethods] = Self.allowMethods
            headers[.accessControlAllowHeaders] = Self.allowHeaders
            headers[.accessControlMaxAge] = "600"
            return Response(status: .noContent, headers: headers)
        }
        guard let allowed else { return try await next(request, context) }
        do {
            var response = try await next(request, context)
            for field in Self.headers(allowed) { response.headers[field.name] = field.value }
            return response
        } catch {
            var response = try APIError.from(error).response(from: request, context: context)
            for field in Self.headers(allowed) { response.headers[field.name] = field.value }
            return response
        }
    }

    static func headers(_ allowed: (value: String, credentials: Bool)) -> HTTPFields {
        var headers: HTTPFields = [
            .accessControlAllowOrigin: allowed.value, .accessControlExposeHeaders: exposeHeaders, .vary: "Origin",
        ]
        if allowed.credentials { headers[.accessControlAllowCredentials] = "true" }
        return headers
    }
}
