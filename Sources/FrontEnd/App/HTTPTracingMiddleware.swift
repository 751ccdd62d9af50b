import HTTPTypes
import Hummingbird
import Support
import Tracing

/// With tracing on, every request is a server span named by its route template
/// (`POST /chat/texto`, `GET /jobs/{id}`; never the concrete path, which may hold a token or
/// a chat id), continuing the caller's trace when it sends a valid `traceparent` header.
/// The jobs a request enqueues carry its span in their envelope. Off, it only passes the
/// request on.
struct HTTPTracingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard Traces.isEnabled else { return try await next(request, context) }
        var parent = ServiceContext.current ?? .topLevel
        if let header = request.headers[.traceparent], let traceParent = TraceParent(header) {
            parent.traceParent = traceParent
        }
        let method = request.method.rawValue
        return try await Traces.span("\(method)", kind: .server, context: parent) { span in
            span?.attributes["http.request.method"] = method
            do {
                let response = try await next(request, context)
                record(span, context: context, method: method, status: Int(response.status.code))
                return response
            } catch {
                record(
                    span, context: context, method: method,
                    status: (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500)
                throw error
            }
        }
    }

    private func record(_ span: RecordedSpan?, context: Context, method: String, status: Int) {
        guard let span else { return }
        let route = context.endpointPath ?? "unmatched"
        span.operationName = "\(method) \(route)"
        span.updateAttributes { attributes in
            attributes["http.route"] = route
            attributes["http.response.status_code"] = status
        }
        if status >= 500 { span.setStatus(SpanStatus(code: .error)) }
    }
}
