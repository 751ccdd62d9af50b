import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import Enqueuer

@Suite("HTTP front end as served: idle connections")
struct IdleConnectionTests {
    /// A kept-alive connection that goes quiet is closed by the server after the idle
    /// timeout; a long-poll that outlasts the timeout is answered, not cut. The read waits
    /// up to 20 s for the close: in the full suite the response's end part (which restarts
    /// the idle clock) is written seconds late while the cooperative pool is busy (the close
    /// came 4–5 s after the response there, 0.3 s alone).
    @Test func anIdleConnectionIsClosedButALongPollIsAnswered() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let signer = TokenSigner(secret: "secreto-de-pruebas-0123456789")
        let deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: JobWaiters(client: fixture.jobs), signer: signer,
            database: try directory.openDatabase())
        let job = try await fixture.jobs.enqueue(NoopJob(), owner: "widget")  // no worker: stays queued
        let token = signer.sign(subject: "widget", role: .canal, lifetime: 600)
        let app = buildApplication(
            deps, host: "127.0.0.1", port: 0, logger: Logger(label: "pruebas"), idleTimeout: .milliseconds(300))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let (health, afterSilence, longPoll, elapsed) = try await BlockingPool.shared.run {
                let quiet = try LoopbackSocket(port: port, receiveTimeoutSeconds: 20)
                defer { quiet.close() }
                try quiet.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let health = quiet.receive()
                let afterSilence = quiet.read()

                let waiting = try LoopbackSocket(port: port, receiveTimeoutSeconds: 10)
                defer { waiting.close() }
                let started = Date()
                try waiting.send(
                    "GET /jobs/\(job.id)?wait=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer \(token)\r\n\r\n")
                let longPoll = waiting.receive()
                return (health, afterSilence, longPoll, Date().timeIntervalSince(started))
            }
            #expect(health.hasPrefix("HTTP/1.1 200"), "\(health)")
            #expect(afterSilence == .closed)
            #expect(longPoll.hasPrefix("HTTP/1.1 200"), "\(longPoll)")
            #expect(longPoll.contains(#""estado":"encolado""#))
            #expect(elapsed >= 0.9)
        }
    }
}
