import Hummingbird
import Shop

/// Accepts only the query parameters the API document declares for the matched route: any
/// other is a 422 naming it, so a misspelled or unsupported filter can never silently return
/// unfiltered data. Routes the document leaves out (the HTML console) are not checked.
struct QueryParameterMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let document: APIDocument

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let path = context.endpointPath, let operation = document.operation(request.method, routerPath: path)
        else { return try await next(request, context) }
        var unknown: [String] = []
        for (name, _) in request.uri.queryParameters {
            let name = String(name)
            if !operation.queryParameters.contains(name), !unknown.contains(name) { unknown.append(name) }
        }
        guard unknown.isEmpty else {
            let accepted = operation.queryParameters.sorted()
            let hint =
                accepted.isEmpty ? "esta ruta no recibe parámetros" : "se aceptan: \(accepted.joined(separator: ", "))"
            throw APIError(
                .validation, "Parámetro desconocido: \(unknown.joined(separator: ", ")) (\(hint)).",
                fields: unknown.map {
                    ValidationError(field: $0, message: "El parámetro «\($0)» no existe en esta ruta; \(hint).")
                })
        }
        return try await next(request, context)
    }
}
