import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

@Suite("HTTP channel: callback URL registration and signed reply delivery")
struct HTTPCallbackTests {
    static let secret = "secreto-de-pruebas-0123456789"
    let signer = TokenSigner(secret: HTTPCallbackTests.secret)

    func headers(_ role: Role) -> HTTPFields {
        [
            .authorization: "Bearer \(signer.sign(subject: "pruebas", role: role, lifetime: 3600))",
            .contentType: "application/json",
        ]
    }

    @Test func anAdminRegistersAChannelsCallbackAndItsSecretIsKept() async throws {
        let directory = try TemporaryDirectory()
        let database = try directory.openDatabase()
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: JobWaiters(client: fixture.jobs), signer: signer, database: database)
        try await Application(router: buildRouter(deps)).test(.router) { client in
            let body = ByteBuffer(string: #"{"callback_url":"https://tienda.example.com/vendedor/respuestas"}"#)
            let refused = try await client.execute(
                uri: "/admin/canales/widget-web", method: .put, headers: headers(.operator), body: body)
            #expect(refused.status == .forbidden)
            let created = try await client.execute(
                uri: "/admin/canales/widget-web", method: .put, headers: headers(.admin), body: body)
            #expect(created.status == .ok)
            let channel = try DomainJSON.decoder().decode(HTTPChannel.self, from: Data(buffer: created.body))
            #expect(channel.subject == "widget-web")
            #expect(channel.callbackURL == "https://tienda.example.com/vendedor/respuestas")
            #expect(channel.secret.count == 64)

            let moved = try await client.execute(
                uri: "/admin/canales/widget-web", method: .put, headers: headers(.admin),
                body: ByteBuffer(string: #"{"callback_url":"https://otra.example.com/r"}"#))
            #expect(
                try DomainJSON.decoder().decode(HTTPChannel.self, from: Data(buffer: moved.body)).secret
                    == channel.secret
            )
            let rotated = try await client.execute(
                uri: "/admin/canales/widget-web", method: .put, headers: headers(.admin),
                body: ByteBuffer(string: #"{"callback_url":"https://otra.example.com/r","rotar_secreto":true}"#))
            #expect(
                try DomainJSON.decoder().decode(HTTPChannel.self, from: Data(buffer: rotated.body)).secret
                    != channel.secret)

            let invalid = try await client.execute(
                uri: "/admin/canales/widget-web", method: .put, headers: headers(.admin),
                body: ByteBuffer(string: #"{"callback_url":"ftp://x"}"#))
            #expect(invalid.status == .unprocessableContent)
            #expect(String(buffer: invalid.body).contains("callback_url"))

            let shown = try await client.execute(
                uri: "/admin/canales/widget-web", method: .get, headers: headers(.admin))
            #expect(String(buffer: shown.body).contains("https://otra.example.com/r"))
            let deleted = try await client.execute(
                uri: "/admin/canales/widget-web", method: .delete, headers: headers(.admin))
            #expect(deleted.status == .ok)
            let gone = try await client.execute(
                uri: "/admin/canales/widget-web", method: .get, headers: headers(.admin))
            #expect(gone.status == .notFound)
        }
    }

    @Test func eachReplyIsPostedSignedAndRetriedUntilTheReceiverTakesIt() async throws {
        try await TelegramHarness.run { harness in
            try await FakeAPIServer.run({ receiver in
                receiver.route("POST", "/retorno") { _ in .json(#"{"recibido":true}"#) }
            }) { receiver in
                receiver.inject("/retorno", .json(#"{"error":"ocupado"}"#, status: 503))
                let channel = try harness.database.setChannelCallback(
                    subject: "widget-web", callbackURL: receiver.baseURL + "/retorno")
                let reply = DeliverReplyJob(
                    chatId: "web-7", channel: .http, text: "Tenemos el casco dieléctrico a $39.000.",
                    origin: .operator,
                    jobId: "trabajo-del-chat", owner: "widget-web")
                let other = DeliverReplyJob(
                    chatId: "web-8", channel: .http, text: "Sin retorno", owner: "otro-canal")
                let ids = try await harness.fixture.jobs.enqueue([try NewJob(reply), try NewJob(other)]).map(\.id)
                let worker = try harness.worker(["entregas"])
                let delivered = try await harness.fixture.waitFor(ids[0], state: .completed)
                let skipped = try await harness.fixture.waitFor(ids[1], state: .completed)
                await worker.stop()
                #expect(delivered?.attempts == 2)  // the 503, then the retry
                #expect(delivered?.result?.contains("\"callback\":true") == true)
                #expect(skipped?.result?.contains("\"callback\":false") == true)

                let calls = receiver.requests(matching: "/retorno")
                #expect(calls.count == 2)
                let last = try #require(calls.last)
                let timestamp = try #require(last.headers["x-vendedor-timestamp"])
                let mac = HMAC<SHA256>.authenticationCode(
                    for: Data("\(timestamp).".utf8) + last.body, using: SymmetricKey(data: Data(channel.secret.utf8)))
                #expect(last.headers["x-vendedor-firma"] == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
                #expect(last.headers["x-vendedor-entrega"] == ids[0])
                let body = try JSONDecoder().decode(ReplyCallback.Body.self, from: last.body)
                #expect(body.chatId == "web-7")
                #expect(body.text == "Tenemos el casco dieléctrico a $39.000.")
                #expect(body.origin == "operador")
                #expect(body.jobId == "trabajo-del-chat")
                #expect(body.deliveryId == ids[0])
            }
        }
    }
}
