import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

/// The media pipeline on a test's own Redis: the front end (router), a blob directory, and
/// a worker running the real vision and transcription handlers beside recording stand-ins
/// for the reply worker (`chat`) and the delivery worker (`entregas`), which other issues
/// build. Queue backoffs and in-call retries are shortened so failures settle quickly.
struct MediaHarness: @unchecked Sendable {
    static let secret = "secreto-de-pruebas-medios-0123456789"
    /// In-call retries of the outside APIs: two tries, tiny delays, server waits up to 1 s.
    static let fastPolicy = ProviderHTTP.RetryPolicy(attempts: 2, baseDelay: 0.01, maxDelay: 0.05, maxWait: 1)
    static let maxAttempts = 3
    static var overrides: [String: [String: Any]] {
        Dictionary(
            uniqueKeysWithValues: ["vision", "transcripcion"].map {
                ($0, ["max_attempts": maxAttempts, "backoff": ["base_ms": 10, "cap_ms": 40, "jitter": 0.0]])
            })
    }

    let fixture: QueueFixture
    let blobs: LocalBlobStore
    let signer = TokenSigner(secret: MediaHarness.secret)
    let chats = JobRecorder<ChatMessageJob>()
    let deliveries = JobRecorder<DeliverReplyJob>()

    /// Runs `body` with the front end's test client; with `workers`, the media workers and
    /// the recording stand-ins serve the queues meanwhile.
    static func run(
        vision: VisionConfig = VisionConfig(), transcription: TranscriptionConfig = TranscriptionConfig(),
        workers: Bool = true, _ body: @escaping @Sendable (MediaHarness, any TestClientProtocol) async throws -> Void
    ) async throws {
        let fixture = try await QueueFixture(overrides: overrides)
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let blobsDirectory = directory.url.appendingPathComponent("blobs").path
        let harness = MediaHarness(fixture: fixture, blobs: LocalBlobStore(directory: blobsDirectory))
        var worker: InProcessWorker?
        if workers {
            let media = try MediaResources(
                blobs: LocalBlobStore(directory: blobsDirectory), vision: vision, transcription: transcription,
                policy: fastPolicy)
            var registry = WorkerHandlers.registry(media: media)
            registry.register(harness.chats.handler)
            registry.register(harness.deliveries.handler)
            worker = try InProcessWorker(
                fixture, registry: registry, queues: ["vision", "transcripcion", "chat", "entregas"])
        }
        let waiters = JobWaiters(client: fixture.jobs)
        waiters.start()
        defer { waiters.stop() }
        var deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: waiters, signer: harness.signer, database: try directory.openDatabase())
        deps.blobsDirectory = blobsDirectory
        let app = Application(router: buildRouter(deps))
        var failure: (any Error)?
        do {
            try await app.test(.router) { client in try await body(harness, client) }
        } catch {
            failure = error
        }
        await worker?.stop()
        withExtendedLifetime(directory) {}
        if let failure { throw failure }
    }

    func bearer(_ role: Role = .channel, _ subject: String = "widget") -> HTTPFields {
        [.authorization: "Bearer \(signer.sign(subject: subject, role: role, lifetime: 3600))"]
    }

    /// A multipart body with `fields` (in order) and one file.
    static func form(
        _ fields: [(String, String)], file: (name: String, filename: String, data: Data)?
    ) -> (contentType: String, body: ByteBuffer) {
        var form = MultipartFormData()
        for (name, value) in fields { form.add(name, value) }
        if let file {
            form.add(file.name, filename: file.filename, contentType: "application/octet-stream", data: file.data)
        }
        return (form.contentType, ByteBuffer(bytes: form.body))
    }

    /// Posts to `/chat/imagen` or `/chat/audio` and returns the response.
    func post(
        _ client: any TestClientProtocol, _ route: String, chatId: String? = "web-7", caption: String? = nil,
        file: Data?, filename: String = "archivo.bin", headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields: [(String, String)] = []
        if let chatId { fields.append(("chat_id", chatId)) }
        if let caption { fields.append(("mensaje", caption)) }
        let field = route == "imagen" ? "imagen" : "audio"
        let form = Self.form(fields, file: file.map { (field, filename, $0) })
        var all = bearer()
        all[.contentType] = form.contentType
        for header in headers { all[header.name] = header.value }
        return try await client.execute(uri: "/chat/\(route)", method: .post, headers: all, body: form.body)
    }

    /// Posts and expects 202; returns the job id.
    func upload(
        _ client: any TestClientProtocol, _ route: String, chatId: String = "web-7", caption: String? = nil,
        file: Data
    ) async throws -> String {
        let response = try await post(client, route, chatId: chatId, caption: caption, file: file)
        #expect(response.status == .accepted, "\(String(buffer: response.body))")
        struct Accepted: Decodable { var jobId: String; enum CodingKeys: String, CodingKey { case jobId = "job_id" } }
        return try JSONDecoder().decode(Accepted.self, from: Data(buffer: response.body)).jobId
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

    /// The job's stored result as a chat reply.
    func reply(_ status: JobStatus) throws -> ChatReply {
        try JSONDecoder().decode(ChatReply.self, from: Data(try #require(status.result).utf8))
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
}

/// Bytes that pass for each format by their magic numbers (the front end looks no further).
enum MediaSamples {
    static func padded(_ head: [UInt8], to size: Int = 2_048) -> Data {
        var data = Data(head)
        data.append(Data(repeating: 0x11, count: max(0, size - head.count)))
        return data
    }

    static let png = padded([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
    static let jpeg = padded([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
    static let webp = padded(Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8))
    static let ogg = padded(Array("OggS".utf8) + [0, 2] + Array(repeating: 0, count: 22) + Array("OpusHead".utf8))
    static let mp3ID3 = padded(Array("ID3".utf8) + [3, 0, 0])
    static let mp3Frame = padded([0xFF, 0xFB, 0x90, 0x64])
    static let m4a = padded([0, 0, 0, 0x20] + Array("ftypM4A ".utf8))
    static let wav = padded(Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WAVEfmt ".utf8))
    static let aacADTS = padded([0xFF, 0xF1, 0x50, 0x80])
    static let heic = padded([0, 0, 0, 0x18] + Array("ftypheic".utf8))
    static let pdf = padded(Array("%PDF-1.7\n".utf8))
    static let gif = padded(Array("GIF89a".utf8))
}
