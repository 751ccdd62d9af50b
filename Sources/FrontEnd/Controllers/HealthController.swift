import Hummingbird
import JobEngine

/// `/health` (the process answers) and `/ready` (its dependencies answer; the body also says
/// how catalog search answers now, `SearchMode`).
struct HealthController {
    let redis: RedisClient
    let checks: [@Sendable () async -> (String, Bool)]
    var searchMode: @Sendable () async -> SearchMode = { .wordsOnly }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health") { _, _ in try APIJSON.response(["estado": "ok"]) }
        router.get("ready") { _, _ in try await ready() }
    }

    private func ready() async throws -> Response {
        var results = ["redis": await redis.ping() ? "ok" : "sin respuesta"]
        for check in checks {
            let (name, ok) = await check()
            results[name] = ok ? "ok" : "sin respuesta"
        }
        let failing = results.filter { $0.value != "ok" }.keys.sorted()
        guard failing.isEmpty else {
            throw APIError(.notReady, "No responde: \(failing.joined(separator: ", ")).")
        }
        results["estado"] = "listo"
        results["busqueda"] = await searchMode().rawValue
        return try APIJSON.response(results)
    }
}
