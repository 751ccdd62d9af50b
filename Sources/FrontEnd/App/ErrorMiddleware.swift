import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into the JSON error shape; unexpected ones are logged, not shown. A path
/// the API document has, called with a method it does not have, is a 405 with `Allow`.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    var document: APIDocument = .shared

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let methods = document.methods(forConcretePath: request.uri.path)
            guard !methods.isEmpty else { return try APIError.from(error).response(from: request, context: context) }
            let allowed = methods.map(\.rawValue) + (methods.contains(.get) ? ["HEAD"] : [])
            guard !methods.contains(request.method), request.method != .head || !methods.contains(.get) else {
                return try APIError.from(error).response(from: request, context: context)
            }
            var response = try APIError(.methodNotAllowed, "Esta ruta admite: \(allowed.joined(separator: ", ")).")
                .response(from: request, context: context)
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch {
            let apiError = APIError.from(error)
            apiError.log(error, "Error atendiendo \(request.method) \(request.uri.path)", to: context.logger)
            return try apiError.response(from: request, context: context)
        }
    }
}
