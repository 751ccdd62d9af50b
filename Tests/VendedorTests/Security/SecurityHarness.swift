import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop

/// The front end on a test Redis and database, for the security tests: through the router
/// (`router`) or served on a real port (`served`, for raw-socket clients).
struct SecurityHarness: @unchecked Sendable {
    static let secret = "secreto-de-pruebas-0123456789"
    let signer = TokenSigner(secret: SecurityHarness.secret)
    let fixture: QueueFixture
    let database: AppDatabase
    let directory: TemporaryDirectory

    static func run(
        limits: LimitsConfig = LimitsConfig(), addresses: AddressPolicy = .publicOnly, live: Bool = false,
        _ body: @escaping @Sendable (SecurityHarness, any TestClientProtocol) async throws -> Void
    ) async throws {
        let harness = try await SecurityHarness.make()
        defer { harness.fixture.tearDown() }
        var deps = harness.dependencies()
        deps.limits = limits
        deps.callbackAddresses = addresses
        try await Application(router: buildRouter(deps)).test(live ? .live : .router) { client in
            try await body(harness, client)
        }
    }

    /// The production server (`buildApplication`: its channel handlers included) on a port.
    static func served(
        limits: LimitsConfig = LimitsConfig(), _ body: @escaping @Sendable (SecurityHarness, Int) async throws -> Void
    ) async throws {
        let harness = try await SecurityHarness.make()
        defer { harness.fixture.tearDown() }
        var deps = harness.dependencies()
        deps.limits = limits
        let app = buildApplication(deps, host: "127.0.0.1", port: 0, logger: Logger(label: "pruebas"))
        try await app.test(.live) { client in try await body(harness, try #require(client.port)) }
    }

    static func make() async throws -> SecurityHarness {
        let fixture = try await QueueFixture()
        let directory = try TemporaryDirectory()
        return SecurityHarness(fixture: fixture, database: try directory.openDatabase(), directory: directory)
    }

    func dependencies() -> FrontEndDependencies {
        FrontEndDependencies(
            jobs: fixture.jobs, waiters: JobWaiters(client: fixture.jobs), signer: signer, database: database,
            blobsDirectory: directory.url.appendingPathComponent("blobs").path)
    }

    func token(_ role: Role, _ subject: String = "pruebas", id: String = TokenSigner.newId()) -> String {
        signer.sign(subject: subject, role: role, lifetime: 3600, id: id)
    }

    func headers(_ role: Role, _ subject: String = "pruebas", json: Bool = true) -> HTTPFields {
        var fields: HTTPFields = [.authorization: "Bearer \(token(role, subject))"]
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    func headers(token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    /// `{"error": {"codigo", "mensaje"}}` of a response.
    static func errorCode(_ response: TestResponse) -> String? {
        struct Body: Decodable {
            struct Detail: Decodable { var codigo: String }
            var error: Detail
        }
        return (try? JSONDecoder().decode(Body.self, from: Data(buffer: response.body)))?.error.codigo
    }

    static func jobId(_ response: TestResponse) -> String? {
        struct Accepted: Decodable {
            var jobId: String
            enum CodingKeys: String, CodingKey { case jobId = "job_id" }
        }
        return (try? JSONDecoder().decode(Accepted.self, from: Data(buffer: response.body)))?.jobId
    }
}
