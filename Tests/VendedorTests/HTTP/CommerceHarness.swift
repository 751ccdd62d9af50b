import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Shop
@testable import Workers

/// The front end on a test's own Redis and temporary SQLite file (with the five fixture
/// products), plus helpers for tokens, JSON bodies and errors.
struct CommerceHarness: @unchecked Sendable {
    static let secret = "secreto-de-pruebas-comercio-0123456789"
    let fixture: QueueFixture
    let database: AppDatabase
    let uploads: URL
    let signer = TokenSigner(secret: CommerceHarness.secret)

    static func run(
        _ body: @escaping @Sendable (CommerceHarness, any TestClientProtocol) async throws -> Void
    ) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let database = try Fixtures.databaseWithProducts(in: directory)
        let uploads = directory.url.appendingPathComponent("uploads")
        let waiters = JobWaiters(client: fixture.jobs)
        waiters.start()
        defer { waiters.stop() }
        let harness = CommerceHarness(fixture: fixture, database: database, uploads: uploads)
        var deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: waiters, signer: harness.signer, database: database,
            uploadsDirectory: uploads.path)
        deps.exportsDirectory = harness.exports.path
        deps.blobsDirectory = harness.blobs.path
        let app = Application(router: buildRouter(deps))
        try await app.test(.router) { client in try await body(harness, client) }
        withExtendedLifetime(directory) {}
    }

    func worker(concurrency: Int? = nil) throws -> InProcessWorker {
        try InProcessWorker(
            fixture, queues: ["pedidos", "importar"], concurrency: concurrency, database: database,
            uploadsDirectory: uploads.path)
    }

    /// Customers' photos and audio (`BLOBS_DIR`).
    var blobs: URL { uploads.deletingLastPathComponent().appendingPathComponent("blobs") }

    /// Where export workers write and downloads are served from.
    var exports: URL { uploads.deletingLastPathComponent().appendingPathComponent("exports") }

    /// A worker for the `exportar` queue, signing links with the harness's secret.
    func exportWorker() throws -> InProcessWorker {
        let resources = ExportResources(
            config: ExportConfig(directory: exports.path), links: DownloadLinkSigner(tokens: signer))
        return try InProcessWorker(fixture, queues: ["exportar"], database: database, exports: resources)
    }

    func bearer(_ role: Role, _ subject: String = "pruebas") -> HTTPFields {
        [.authorization: "Bearer \(signer.sign(subject: subject, role: role, lifetime: 3600))"]
    }

    func json(_ role: Role, _ subject: String = "pruebas") -> HTTPFields {
        var headers = bearer(role, subject)
        headers[.contentType] = "application/json"
        return headers
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String
            var message: String

            enum CodingKeys: String, CodingKey {
                case code = "codigo"
                case message = "mensaje"
            }
        }
        var error: Detail
    }

    func error(_ response: TestResponse) throws -> ErrorBody.Detail {
        try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body)).error
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try DomainJSON.decoder().decode(T.self, from: Data(buffer: response.body))
    }

    struct Accepted: Decodable {
        var jobId: String
        var state: String

        enum CodingKeys: String, CodingKey {
            case jobId = "job_id"
            case state = "estado"
        }
    }

    /// Waits until the job is finished and returns its status.
    func finished(_ id: String, timeout: Duration = TestPaths.loadedWait) async throws -> JobStatus {
        var last: JobStatus?
        _ = try await eventually(timeout: timeout) {
            last = try await fixture.status(id)
            return last?.isFinished == true
        }
        let status = try #require(last)
        #expect(status.isFinished, "el trabajo \(id) sigue en \(status.state)")
        return status
    }
}

/// `{"resultados", "total", "limit", "offset"}` as read back by tests.
struct ListBody<T: Decodable>: Decodable {
    var results: [T]
    var total: Int
    var limit: Int
    var offset: Int

    enum CodingKeys: String, CodingKey {
        case results = "resultados"
        case total
        case limit
        case offset
    }
}
