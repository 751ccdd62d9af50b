import HTTPTypes
import Hummingbird
import Support

/// Records every request in the process's metrics: count by route template (`/jobs/{id}`,
/// never the concrete path), method and status class; latency histogram; requests in flight.
/// Requests that match no route are counted under `route="unmatched"`.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    static var requests: MetricFamily {
        MetricsRegistry.shared.counter(
            "vendedor_http_requests_total", "HTTP requests answered, by route template, method and status class.",
            labels: ["route", "method", "status_class"])
    }
    static var duration: MetricFamily {
        MetricsRegistry.shared.histogram(
            "vendedor_http_request_duration_seconds",
            "Time from a request's arrival to its response head, by route template and method.",
            labels: ["route", "method"])
    }
    static var inFlight: MetricFamily {
        MetricsRegistry.shared.gauge("vendedor_http_requests_in_flight", "HTTP requests being handled now.")
    }

    private let requests = Self.requests
    private let duration = Self.duration
    private let inFlight = Self.inFlight.labels()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        inFlight.add(1)
        defer { inFlight.add(-1) }
        let method = Self.method(request.method)
        do {
            let response = try await next(request, context)
            record(context: context, method: method, status: Int(response.status.code), since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(context: context, method: method, status: Int(status), since: start)
            throw error
        }
    }

    private func record(context: Context, method: String, status: Int, since start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "unmatched"
        let elapsed = ContinuousClock.now - start
        duration.labels(route, method).observe(elapsed.inSeconds)
        requests.labels(route, method, "\(min(max(status / 100, 1), 5))xx").increment()
    }

    /// The standard methods by name; any other is `other` (the label set stays bounded).
    private static func method(_ method: HTTPRequest.Method) -> String {
        switch method {
        case .get, .head, .post, .put, .patch, .delete, .options: method.rawValue
        default: "other"
        }
    }
}
