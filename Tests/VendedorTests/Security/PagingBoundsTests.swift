import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Shop

/// Finding 6 (issue 16): `GET /admin/colas/chat/muertos?offset=9223372036854775807` trapped
/// the front end (`offset + limit` overflowed). Every limit and offset is now read by one
/// parser (`Paging.parse` on `IntegerParameter`) within bounds, and the dead-letter range is
/// computed far from overflow whatever it is given.
@Suite("Security: limit and offset are bounded everywhere")
struct PagingBoundsTests {
    static let hostile = [
        "offset=9223372036854775807", "offset=-1", "limit=9223372036854775807", "limit=0", "limit=-5",
        "offset=1e9", "limit=abc", "offset=99999999999999999999999", "limit=501",
    ]

    @Test(arguments: [
        "/admin/colas/chat/muertos", "/productos", "/clientes", "/clientes/buscar?q=ana", "/pedidos",
        "/chat/historial/web-1", "/admin/colas/chat/muertos/reintentar",
    ])
    func everyListRouteAnswers400ToAnUnboundedNumber(_ route: String) async throws {
        try await SecurityHarness.run { h, client in
            for query in Self.hostile {
                let separator = route.contains("?") ? "&" : "?"
                let method: HTTPRequest.Method = route.hasSuffix("reintentar") ? .post : .get
                if method == .post, query.hasPrefix("offset") { continue }  // re-drive takes only limit
                if method == .post, query == "limit=501" { continue }  // re-drive allows up to 10000
                let response = try await client.execute(
                    uri: route + separator + query, method: method, headers: h.headers(.admin, "jefe"))
                #expect(response.status == .badRequest, "\(route)\(separator)\(query): \(response.status)")
                #expect(SecurityHarness.errorCode(response) == "solicitud_invalida")
            }
        }
    }

    @Test func theDeadLetterRangeNeverOverflows() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let (jobs, total) = try await fixture.jobs.deadJobs(queue: "chat", offset: Int.max, limit: Int.max)
        #expect(jobs.isEmpty && total == 0)
        #expect(Paging(limit: Int.max, offset: Int.max) == Paging(limit: 500, offset: Paging.maxOffset))
    }
}
