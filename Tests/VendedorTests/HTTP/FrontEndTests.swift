import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FaultInjection
@testable import FrontEnd
@testable import JobEngine
@testable import Pipeline
@testable import Shop

@Suite("HTTP front end: health, chat ingestion, jobs, auth, bad input")
struct FrontEndTests {
    static let secret = "secreto-de-pruebas-0123456789"
    let signer = TokenSigner(secret: FrontEndTests.secret)

    func withApp(_ body: @escaping @Sendable (QueueFixture, any TestClientProtocol) async throws -> Void) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let waiters = JobWaiters(client: fixture.jobs)
        waiters.start()
        defer { waiters.stop() }
        let directory = try TemporaryDirectory()
        let deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: waiters, signer: signer, database: try directory.openDatabase())
        let app = Application(router: buildRouter(deps))
        try await app.test(.router) { client in try await body(fixture, client) }
    }

    func bearer(_ role: Role, _ subject: String = "pruebas") -> HTTPFields {
        [.authorization: "Bearer \(signer.sign(subject: subject, role: role, lifetime: 3600))"]
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

    @Test func healthAndReadyAnswerWithoutToken() async throws {
        try await withApp { _, client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"redis\":\"ok\""))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("vendedor_queue_depth{queue=\"chat\",state=\"pending\"} 0"))
                #expect(text.contains("vendedor_queue_redis_jobs_total{queue=\"chat\",outcome=\"completed\"} 0"))
                #expect(!text.contains("vendedor_cola_"))
            }
        }
    }

    @Test func chatTextIsEnqueuedAsAnOrderedJobAndAnswered202() async throws {
        try await withApp { fixture, client in
            let body = ByteBuffer(string: #"{"chat_id":"web-1","mensaje":"  Hola, ¿tienen guantes?  "}"#)
            try await client.execute(uri: "/chat/texto", method: .post, headers: bearer(.channel), body: body) {
                response in
                #expect(response.status == .accepted)
                struct Accepted: Decodable {
                    var jobId: String
                    var state: String

                    enum CodingKeys: String, CodingKey {
                        case jobId = "job_id"
                        case state = "estado"
                    }
                }
                let accepted = try JSONDecoder().decode(Accepted.self, from: Data(buffer: response.body))
                #expect(accepted.state == "encolado")
                #expect(response.headers[.location] == "/jobs/\(accepted.jobId)")
                let payload = try #require(try await fixture.jobs.payload(of: accepted.jobId))
                let job = try JobCoding.decode(ChatMessageJob.self, from: payload)
                #expect(job.chatId == "h:pruebas:web-1", "the chat lives in the channel's namespace")
                #expect(job.message == "Hola, ¿tienen guantes?")
                #expect(job.channel == .http)
                // Ordered by chat: the job waits in its chat's list.
                let keyList = try await fixture.redis.send("LRANGE", "vd:o:h:pruebas:web-1", "0", "-1")
                #expect(keyList.array?.compactMap(\.string) == [accepted.jobId])
            }
        }
    }

    @Test func badChatInputGetsA4xxJSONError() async throws {
        try await withApp { _, client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("{mal json", .badRequest, "JSON válido"),
                ("", .badRequest, "vacío"),
                (#"{"chat_id":5,"mensaje":"hola"}"#, .badRequest, "\"chat_id\" debe ser un texto"),
                (#"{"chat_id":"a"}"#, .badRequest, "Falta el campo \"mensaje\""),
                (#"{"chat_id":"a","mensaje":"   "}"#, .unprocessableContent, "no puede estar vacío"),
                (#"{"chat_id":"a b/../c","mensaje":"hola"}"#, .unprocessableContent, "chat_id"),
                ("[1,2,3]", .badRequest, "un objeto"),
                (#"{"chat_id":"a","mensaje":"hola","x":""#, .badRequest, "JSON válido"),
                (String(repeating: "a", count: 10 * 1024 * 1024), .contentTooLarge, "supera"),
                (
                    #"{"chat_id":"a","mensaje":"hola","extra":"\#(String(repeating: "z", count: 100_000))"}"#,
                    .contentTooLarge, "supera"
                ),
            ]
            for (body, status, fragment) in cases {
                try await client.execute(
                    uri: "/chat/texto", method: .post, headers: bearer(.channel), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "cuerpo: \(body.prefix(40))")
                    let detail = try error(response)
                    #expect(detail.message.contains(fragment), "\(detail.message)")
                }
            }
        }
    }

    @Test func tokensAndRolesAreEnforced() async throws {
        try await withApp { _, client in
            let body = ByteBuffer(string: #"{"chat_id":"a","mensaje":"hola"}"#)
            try await client.execute(uri: "/chat/texto", method: .post, body: body) { response in
                #expect(response.status == .unauthorized)
                #expect((try? error(response))?.code == "no_autenticado")
            }
            let forged = TokenSigner(secret: "otro-secreto-distinto-123").sign(subject: "x", role: .admin, lifetime: 60)
            try await client.execute(
                uri: "/admin/colas", method: .get, headers: [.authorization: "Bearer \(forged)"]
            ) { #expect($0.status == .unauthorized) }
            let expired = signer.sign(subject: "x", role: .admin, lifetime: 60, now: Date().addingTimeInterval(-3600))
            try await client.execute(
                uri: "/admin/colas", method: .get, headers: [.authorization: "Bearer \(expired)"]
            ) { response in
                #expect(response.status == .unauthorized)
                #expect((try? error(response))?.code == "token_expirado")
            }
            try await client.execute(uri: "/admin/colas", method: .get, headers: bearer(.channel)) { response in
                #expect(response.status == .forbidden)
                #expect((try? error(response))?.code == "prohibido")
            }
            try await client.execute(uri: "/admin/colas", method: .get, headers: bearer(.admin)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/no-existe", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((try? error(response))?.code == "no_encontrado")
            }
        }
    }

    @Test func jobWaitReturnsWhenTheWorkerFinishesAndChannelSeesOnlyItsOwn() async throws {
        try await withApp { fixture, client in
            let job = try await fixture.jobs.enqueue(FaultJob(sleepMs: 200), owner: "canal:canal-web")
            let worker = try InProcessWorker(fixture)
            try await client.execute(
                uri: "/jobs/\(job.id)?wait=10", method: .get, headers: bearer(.channel, "canal-web")
            ) {
                response in
                #expect(response.status == .ok)
                struct Status: Decodable {
                    var id: String
                    var state: String
                    var attempts: Int
                    var result: NoopJob.Result?

                    enum CodingKeys: String, CodingKey {
                        case id
                        case state = "estado"
                        case attempts = "intentos"
                        case result = "resultado"
                    }
                }
                let status = try JSONDecoder().decode(Status.self, from: Data(buffer: response.body))
                #expect(status.state == "completado")
                #expect(status.attempts == 1)
                #expect(status.result?.attempt == 1)
            }
            await worker.stop()
            try await client.execute(uri: "/jobs/\(job.id)", method: .get, headers: bearer(.channel, "otro-canal")) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/jobs/\(job.id)", method: .get, headers: bearer(.operator)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/jobs/\(job.id)?wait=99", method: .get, headers: bearer(.admin)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/jobs/nope-\u{7f}", method: .get, headers: bearer(.admin)) {
                #expect($0.status.code >= 400 && $0.status.code < 500)
            }
        }
    }

    @Test func deadLettersCanBeInspectedAndRedrivenOverHTTP() async throws {
        try await withApp { fixture, client in
            try await fixture.redis.send("RPUSH", QueueKeys.ready("noop"), "sin id")
            let worker = try InProcessWorker(fixture)
            #expect(try await eventually { try await fixture.jobs.deadJobs(queue: "noop").total == 1 })
            await worker.stop()
            try await client.execute(uri: "/admin/colas/noop/muertos", method: .get, headers: bearer(.admin)) {
                response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("entrada malformada"))
                #expect(text.contains("\"total\":1"))
            }
            try await client.execute(uri: "/admin/colas/nada/muertos", method: .get, headers: bearer(.admin)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(
                uri: "/admin/colas/noop/muertos/reintentar", method: .post, headers: bearer(.admin)
            ) {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("malformado-"))
            }
        }
    }
}
