import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Integrations
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Shop
@testable import Support

/// The API document (`Resources/openapi.json`) against the code: every route of the router
/// is in it and it names no other; its error codes are `ErrorCode`'s with the statuses the
/// edge gives them; it is served at `/openapi.json` and rendered at `/docs`; query parameters
/// it does not declare are refused with a 422 naming them; the old date filter names work.
@Suite("API document: the router and /openapi.json agree")
struct APIDocumentTests {
    let signer = TokenSigner(secret: "secreto-de-pruebas-0123456789")
    /// HTML pages of the staff console are not part of the JSON API.
    static let excludedPrefixes = [ConsoleController.pathPrefix]

    func deps(_ fixture: QueueFixture, _ database: AppDatabase) throws -> FrontEndDependencies {
        var deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: JobWaiters(client: fixture.jobs), signer: signer, database: database)
        // Webhook mode, so the Telegram route exists too.
        deps.telegram = try TelegramFrontEnd(
            config: TelegramConfig(token: "123:abc", webhookSecret: "secreto-webhook", mode: .webhook),
            queuesDirectory: TestPaths.repoRoot.appendingPathComponent("queues").path)
        return deps
    }

    func withApp(_ body: @escaping @Sendable (any TestClientProtocol, AppDatabase) async throws -> Void)
        async throws
    {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let database = try Fixtures.databaseWithProducts(in: directory)
        try await Application(router: buildRouter(try deps(fixture, database))).test(.router) {
            try await body($0, database)
        }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let router = buildRouter(try deps(fixture, try directory.openDatabase()))
        let served = Set(
            router.routes.filter { $0.method != .head && $0.method != .options }
                .map { "\($0.method.rawValue) \(APIDocument.normalized($0.path.description))" }
                .filter { route in !Self.excludedPrefixes.contains { route.split(separator: " ")[1].hasPrefix($0) } })
        let documented = Set(APIDocument.shared.operations.map { "\($0.method.rawValue) \($0.path)" })
        #expect(served.count > 40)
        #expect(served.subtracting(documented).sorted() == [], "rutas que faltan en openapi.json")
        #expect(documented.subtracting(served).sorted() == [], "rutas de openapi.json que no existen")
    }

    /// Each shared error response lists exactly the codes `ErrorCode+HTTPStatus` gives its
    /// status, and every code a caller can get (all but the 5xx) is in one of them.
    @Test func errorResponsesListTheCodesOfTheirStatus() throws {
        let root = APIDocument.shared.root
        guard case .object(let responses) = root["components"]?["responses"] ?? .null else {
            Issue.record("sin components.responses")
            return
        }
        var listed = Set<String>()
        var statusesSeen = Set<Int>()
        for (name, response) in responses {
            let codes = APIDocument.array(
                APIDocument.array(response["content"]?["application/json"]?["schema"]?["allOf"]).last?["properties"]?[
                    "error"]?["properties"]?["codigo"]?["enum"]
            ).compactMap { value -> String? in if case .string(let text) = value { text } else { nil } }
            let statuses = Set(codes.compactMap { ErrorCode(rawValue: $0)?.status.code })
            #expect(statuses.count == 1, "\(name): \(codes)")
            guard let status = statuses.first else { continue }
            statusesSeen.insert(status)
            let expected = ErrorCode.allCases.filter { $0.status.code == status }.map(\.rawValue).sorted()
            #expect(codes.sorted() == expected, "\(name)")
            listed.formUnion(codes)
        }
        let callerCodes = ErrorCode.allCases.filter { $0.status.code < 500 }.map(\.rawValue)
        #expect(Set(callerCodes).subtracting(listed).sorted() == [])
        let all = APIDocument.array(
            root["components"]?["schemas"]?["Error"]?["properties"]?["error"]?["properties"]?["codigo"]?["enum"])
        #expect(all.count == ErrorCode.allCases.count)
        #expect(statusesSeen.contains(422) && statusesSeen.contains(401))
    }

    @Test func theDocumentAndThePageAreServedWithoutAToken() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                #expect(value["openapi"] == .string("3.1.0"))
                #expect(value["paths"]?["/pedidos"]?["get"] != nil)
            }
            try await client.execute(uri: "/docs", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let page = String(buffer: response.body)
                #expect(page.contains("<code>/pedidos/{id}/estado</code>"))
                #expect(page.contains("fecha_desde"))
                #expect(page.contains("transicion_invalida"))
                #expect(!page.contains("<script"))
                #expect(!page.contains("<link") && !page.contains("src="), "la página no carga nada de fuera")
            }
        }
    }

    @Test func unknownQueryParametersAreRefusedNamingThem() async throws {
        try await withApp { client, _ in
            let staff: HTTPFields = [
                .authorization: "Bearer \(signer.sign(subject: "t", role: .operator, lifetime: 600))"
            ]
            try await client.execute(
                uri: "/pedidos?fecha_desd=2025-01-01&estado=pendiente", method: .get, headers: staff
            ) {
                #expect($0.status == .unprocessableContent)
                let body = String(buffer: $0.body)
                #expect(body.contains("fecha_desd"))
                #expect(body.contains("\"validacion\""))
            }
            try await client.execute(uri: "/clientes?limit=5&offset=0", method: .get, headers: staff) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/health?x=1", method: .get) {
                #expect($0.status == .unprocessableContent)
            }
        }
    }

    @Test func aKnownPathWithAnotherMethodIsA405() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/pedidos/12", method: .delete) {
                #expect($0.status == .methodNotAllowed)
                #expect($0.headers[.allow]?.contains("GET") == true)
                #expect(String(buffer: $0.body).contains("metodo_no_permitido"))
            }
            try await client.execute(uri: "/no/existe", method: .get) { #expect($0.status == .notFound) }
        }
    }

    /// `fecha_desde` / `fecha_hasta` (the old backend's names) filter like `desde` / `hasta`.
    @Test func theOldDateFilterNamesFilterOrders() async throws {
        try await withApp { client, database in
            for (key, day) in [("a", "2025-01-10T15:00:00Z"), ("b", "2025-02-10T15:00:00Z")] {
                let order = try database.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: key).order
                try StorageReportTests.backdate(database, order: order.id, to: day)
            }
            let staff: HTTPFields = [
                .authorization: "Bearer \(signer.sign(subject: "t", role: .operator, lifetime: 600))"
            ]
            func total(_ query: String) async throws -> Int {
                try await client.execute(uri: "/pedidos?\(query)", method: .get, headers: staff) { response in
                    #expect(response.status == .ok, "\(query): \(String(buffer: response.body))")
                    let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
                    guard case .integer(let count) = body["total"] ?? .null else { return -1 }
                    return count
                }
            }
            #expect(try await total("") == 2)
            #expect(try await total("fecha_desde=2025-02-01") == 1)
            #expect(try await total("fecha_hasta=2025-01-31") == 1)
            #expect(try await total("desde=2025-02-01") == 1)
            #expect(try await total("fecha_desde=2025-03-01") == 0)
            try await client.execute(
                uri: "/pedidos?desde=2025-01-01&fecha_desde=2025-02-01", method: .get, headers: staff
            ) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/ventas?fecha_desde=2025-02-01", method: .get, headers: staff) {
                #expect($0.status == .ok)
                let report = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: $0.body))
                #expect(report["pedidos"] == .integer(1))
            }
        }
    }
}
