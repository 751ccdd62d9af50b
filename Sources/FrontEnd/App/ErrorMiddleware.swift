import Hummingbird
import Logging

/// Turns every error into the JSON error shape; unexpected ones are logged, not shown.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error(
                    "Error atendiendo \(request.method) \(request.uri.path): \(error)")
            }
            return try apiError.response(from: request, context: context)
        }
    }
}
