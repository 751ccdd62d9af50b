import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop

/// Hosts that share no disk (`BLOBS_BACKEND=database`): a photo uploaded to one front end is
/// read (real Tesseract) by a `vendedor-workers` process with its own directories, a catalog
/// CSV uploaded there is imported by that worker, and the
/// export that worker writes is downloaded from a second front end with directories of its
/// own. Only the database (SQLite file or PostgreSQL) and Redis are shared.
@Suite("End to end: photos and exports with no shared disk (BLOBS_BACKEND=database)")
struct DatabaseBlobEndToEndTests {
    static let secret = "secreto-de-pruebas-0123456789"

    /// The `DATABASE_URL` another process opens `test`'s storage with.
    static func databaseURL(_ test: TestStore) throws -> String {
        if let postgres = test.url.postgres { return TestPostgres.urlString(postgres) }
        return "sqlite:///" + test.url.path
    }

    /// A front end on `store` whose own directories are under `disk`.
    static func frontEnd(_ fixture: QueueFixture, _ store: any ShopStore, disk: URL, waiters: JobWaiters)
        -> Application<RouterResponder<AppRequestContext>>
    {
        var deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: waiters, signer: TokenSigner(secret: secret), store: store,
            uploadsDirectory: disk.appendingPathComponent("uploads").path,
            blobsDirectory: disk.appendingPathComponent("blobs").path,
            exportsDirectory: disk.appendingPathComponent("exports").path)
        deps.blobsBackend = .database
        return Application(router: buildRouter(deps))
    }

    /// Regular files under `directory` (none when it does not exist).
    static func files(under directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                found.append(name)
            }
        }
        return found
    }

    static func jobId(_ response: TestResponse) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return try #require(object?["job_id"] as? String)
    }

    @Test(arguments: TestEngine.allCases)
    func aPhotoAndAnExportCrossHostsThroughTheDatabase(engine: TestEngine) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        try await TestStore.withProducts(engine) { test in
            let firstFront = TestPaths.temporaryDirectory("frente-1")
            let secondFront = TestPaths.temporaryDirectory("frente-2")
            let workerDisk = TestPaths.temporaryDirectory("trabajador")
            defer {
                for directory in [firstFront, secondFront, workerDisk] {
                    try? FileManager.default.removeItem(at: directory)
                }
            }
            var environment = fixture.environment
            environment["DATABASE_URL"] = try Self.databaseURL(test)
            environment["BLOBS_BACKEND"] = "database"
            environment["BLOBS_DIR"] = workerDisk.appendingPathComponent("blobs").path
            environment["EXPORTS_DIR"] = workerDisk.appendingPathComponent("exports").path
            environment["UPLOADS_DIR"] = workerDisk.appendingPathComponent("uploads").path
            environment["SECRET_KEY"] = Self.secret
            environment["EMBEDDINGS_PROVIDER"] = "none"
            environment["LLM_PROVIDER"] = "none"
            environment["TRANSCRIPTION_PROVIDER"] = "none"
            environment["SEARCH_DATA_DIR"] = TestPaths.repoRoot.appendingPathComponent("data/busqueda").path
            let worker = try WorkerProcess(
                environment: environment, arguments: ["--queues", "vision,chat,entregas,exportar,importar"])
            defer { worker.kill() }

            let waiters = JobWaiters(client: fixture.jobs)
            waiters.start()
            defer { waiters.stop() }
            let signer = TokenSigner(secret: Self.secret)
            let label = try await RenderedImage.text(["CASCO DE SEGURIDAD"], format: "jpg")

            // Front end 1: the customer's photo and the staff's export request.
            let (photoId, exportId, importId) = try await Self.frontEnd(
                fixture, test.store, disk: firstFront, waiters: waiters
            )
            .test(.router) { client in
                let form = MediaHarness.form(
                    [("chat_id", "foto-db"), ("mensaje", "¿tienen esto?")],
                    file: ("imagen", "foto.jpg", label))
                var headers: HTTPFields = [
                    .authorization: "Bearer \(signer.sign(subject: "widget", role: .channel, lifetime: 600))",
                    .contentType: form.contentType,
                ]
                let upload = try await client.execute(
                    uri: "/chat/imagen", method: .post, headers: headers, body: form.body)
                #expect(upload.status == .accepted, "\(String(buffer: upload.body))")
                let photoId = try Self.jobId(upload)
                headers = [.authorization: "Bearer \(signer.sign(subject: "personal", role: .operator, lifetime: 600))"]
                let export = try await client.execute(
                    uri: "/exportar/productos?formato=csv", method: .post, headers: headers)
                #expect(export.status == .accepted, "\(String(buffer: export.body))")
                let csv =
                    "id,nombre,descripcion,precio,stock,activo,categoria\n40,Arnés de cuerpo entero,Arnés,180000,3,1,Alturas\n"
                headers = [
                    .authorization: "Bearer \(signer.sign(subject: "personal", role: .admin, lifetime: 600))",
                    .contentType: "text/csv",
                ]
                let catalog = try await client.execute(
                    uri: "/productos/importar", method: .post, headers: headers, body: ByteBuffer(string: csv))
                #expect(catalog.status == .accepted, "\(String(buffer: catalog.body))")
                return (photoId, try Self.jobId(export), try Self.jobId(catalog))
            }
            #expect(Self.files(under: firstFront).isEmpty, "the front end keeps nothing on its disk")

            let imported = try await fixture.waitFor(importId, state: .completed, timeout: TestPaths.loadedWait)
            #expect(imported?.state == .completed, "\(imported?.error ?? "") \(worker.log.suffix(3000))")
            #expect(try await test.store.product(id: 40)?.name == "Arnés de cuerpo entero")

            let photo = try await fixture.waitFor(photoId, state: .completed, timeout: TestPaths.loadedWait)
            #expect(photo?.state == .completed, "\(photo?.error ?? "") \(worker.log.suffix(3000))")
            let history = try await test.store.history(chatId: "h:widget:foto-db", limit: 10)
            let read = try #require(history.first { $0.kind == .image }, "\(history)")
            #expect(read.content.localizedCaseInsensitiveContains("casco"), "\(read.content)")

            let export = try await fixture.waitFor(exportId, state: .completed, timeout: TestPaths.loadedWait)
            #expect(export?.state == .completed, "\(export?.error ?? "") \(worker.log.suffix(3000))")
            let result = try JobCoding.decode(ExportJob.Result.self, from: try #require(export?.result))
            #expect(result.rows == Fixtures.products.count)
            #expect(
                Self.files(under: workerDisk).isEmpty,
                "the worker keeps nothing on its disk: \(Self.files(under: workerDisk))")

            // Front end 2, another disk: serves the link the worker signed.
            try await Self.frontEnd(fixture, test.store, disk: secondFront, waiters: waiters).test(.router) { client in
                let download = try await client.execute(uri: result.url, method: .get)
                #expect(download.status == .ok)
                let csv = String(buffer: download.body)
                #expect(download.body.readableBytes == result.bytes)
                #expect(csv.contains("Extintor PQS 10 libras"), "\(csv.prefix(300))")
                let forged = try await client.execute(uri: result.url + "x", method: .get)
                #expect(forged.status != .ok)
            }
            #expect(Self.files(under: secondFront).isEmpty)
        }
    }
}
