import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import Enqueuer

#if canImport(Glibc)
    import Glibc
#endif

@Suite("HTTP front end as served: Expect: 100-continue")
struct ExpectContinueTests {
    /// The production server (`buildApplication`) answers `100 Continue` to a request that
    /// asks before sending its body, then takes the body: a client that waits for it (curl
    /// over 1 MB) is not held up. Without the answer the server would wait for the body and
    /// the client for the answer, and the first read here would time out empty.
    @Test func aBodyAnnouncedWithExpectContinueIsAskedForThenAccepted() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let signer = TokenSigner(secret: "secreto-de-pruebas-0123456789")
        let deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: JobWaiters(client: fixture.jobs), signer: signer,
            database: try directory.openDatabase())
        let app = buildApplication(deps, host: "127.0.0.1", port: 0, logger: Logger(label: "pruebas"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let body = #"{"chat_id":"web-continuar","mensaje":"Hola"}"#
            let head =
                "POST /chat/texto HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer \(signer.sign(subject: "widget", role: .canal, lifetime: 600))\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Expect: 100-continue\r\n\r\n"
            let (interim, final) = try await BlockingPool.shared.run {
                let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 10)
                defer { socket.close() }
                try socket.send(head)
                let interim = socket.receive()
                try socket.send(body)
                var final = ""
                while !final.contains("\r\n\r\n{") {
                    let more = socket.receive()
                    if more.isEmpty { break }
                    final += more
                }
                return (interim, final)
            }
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue\r\n"), "\(interim)")
            #expect(final.hasPrefix("HTTP/1.1 202 Accepted"), "\(final)")
            #expect(final.contains(#""estado":"encolado""#))
        }
    }
}
