import Hummingbird
import JobEngine
import Shop
import Support

/// `GET /jobs/{id}[?wait=S]`: a job's status, optionally held until it finishes.
struct JobsController {
    let jobs: JobClient
    let waiters: JobWaiters
    var polls = WaitPolls(capacity: 512, perToken: 32)
    static let maxWaitSeconds = 30.0
    /// `GET /jobs/{id}?wait=S` requests held now.
    static let longPolls = MetricsRegistry.shared.gauge(
        "vendedor_http_long_polls_waiting", "GET /jobs/{id}?wait=S requests held until their job finishes."
    ).labels()

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("{id}", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        var wait = 0.0
        if let raw = request.uri.queryParameters.get("wait") {
            guard let seconds = Double(raw), seconds >= 0, seconds <= Self.maxWaitSeconds else {
                throw APIError.badRequest("El parámetro wait debe ser un número de segundos entre 0 y 30.")
            }
            wait = seconds
        }
        let status: JobStatus?
        if wait > 0 {
            let token = context.tokenId ?? ""
            guard polls.enter(token) else {
                throw APIError(
                    .tooManyRequests,
                    "Hay demasiadas consultas con wait abiertas; intente de nuevo en 1 s o consulte sin wait.",
                    retryAfter: 1)
            }
            defer { polls.leave(token) }
            Self.longPolls.add(1)
            defer { Self.longPolls.add(-1) }
            status = try await waiters.wait(for: id, timeout: .milliseconds(Int(wait * 1000)))
        } else {
            status = try await jobs.status(id)
        }
        guard let status, Self.canSee(status, context.identity) else {
            throw APIError.notFound("No existe el trabajo \(id) (o ya venció su tiempo de retención).")
        }
        return try APIJSON.response(status)
    }

    /// A `canal` sees only the jobs it created (role and subject: a channel named like an
    /// operator does not see the operator's exports); staff see all.
    static func canSee(_ status: JobStatus, _ identity: Identity?) -> Bool {
        guard let identity else { return false }
        return identity.role > .channel || status.owner == identity.ownerKey
    }
}
