import Hummingbird
import Logging

/// Errors under `/consola` as a person should see them: an HTML page with the message and
/// the status (JSON for the console's scripts: event streams, job polls, fetches).
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error("Error en la consola \(request.method) \(request.uri.path): \(error)")
            }
            if ConsoleAuthMiddleware.wantsData(request) || request.headers[ConsoleAuthMiddleware.csrfHeader] != nil {
                return try apiError.response(from: request, context: context)
            }
            return ConsoleResponses.html(ErrorView.page(apiError), status: apiError.status)
        }
    }
}
