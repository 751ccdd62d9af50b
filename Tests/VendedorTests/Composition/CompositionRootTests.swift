import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support
@testable import Workers

/// The processes as the executables start them: `buildFrontEnd(config:)` and
/// `buildWorkers(config:)` from configurations read out of an environment, with nothing
/// assembled by the test. A message goes in over HTTP and its reply comes back, and both
/// stop on a graceful shutdown.
@Suite("Composition roots: the front end and the workers as production starts them")
struct CompositionRootTests {
    @Test func aMessageSentToTheBuiltFrontEndIsAnsweredByTheBuiltWorkers() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let port = TestPaths.freePort()
        var env = fixture.environment
        env["SECRET_KEY"] = "secreto-de-pruebas-0123456789"
        env["PORT"] = String(port)
        env["EMBEDDINGS_PROVIDER"] = "none"
        env["LLM_PROVIDER"] = "none"
        env["TRANSCRIPTION_PROVIDER"] = "none"
        env["TELEGRAM_MODE"] = "off"
        env["SEARCH_DATA_DIR"] = TestPaths.repoRoot.appendingPathComponent("data/busqueda").path
        env["BLOBS_DIR"] = fixture.queuesDirectory.appendingPathComponent("blobs").path
        env["EXPORTS_DIR"] = fixture.queuesDirectory.appendingPathComponent("exports").path
        let environment = Support.Environment(env)

        var frontEndConfig = try FrontEndConfig(environment: environment)
        frontEndConfig.demoDataDirectory = TestPaths.repoRoot.appendingPathComponent("data").path
        let frontEnd = try await buildFrontEnd(config: frontEndConfig)
        let workers = try await buildWorkers(
            config: try WorkersConfig(
                environment: environment, options: .init(queues: ["chat", "pedidos", "entregas"])))
        let frontEndRun = Task { try await frontEnd.run() }
        let workersRun = Task { try await workers.run() }

        let token = TokenSigner(secret: "secreto-de-pruebas-0123456789").sign(
            subject: "widget", role: .channel, lifetime: 600)
        #expect(
            try await eventually(timeout: .seconds(20)) {
                (try? await Self.request(port: port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"))?.hasPrefix(
                    "HTTP/1.1 200") == true
            })
        let body = #"{"chat_id":"web-raiz","mensaje":"¿Tienen guantes de nitrilo?"}"#
        let accepted = try await Self.request(
            port: port,
            "POST /chat/texto HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(accepted.hasPrefix("HTTP/1.1 202"), "\(accepted)")
        let jobId = try #require(accepted.split(separator: "\"job_id\":\"").last?.split(separator: "\"").first)
        let status = try #require(try await fixture.waitFor(String(jobId), state: .completed))
        #expect(status.result?.contains("$7.800") == true, "\(status)")
        #expect(status.result?.contains("\"productos\":[34") == true, "\(status)")

        await frontEnd.triggerGracefulShutdown()
        await workers.triggerGracefulShutdown()
        try await frontEndRun.value
        try await workersRun.value
    }

    @Test func aFrontEndWithoutASecretKeyIsRefusedNamingIt() throws {
        #expect {
            try FrontEndConfig(environment: Support.Environment(["REDIS_URL": "redis://127.0.0.1:1/0"]))
        } throws: { error in
            "\(error)".contains("SECRET_KEY")
        }
        #expect {
            try WorkersConfig(environment: Support.Environment(["EMBEDDINGS_PROVIDER": "cohere"]))
        } throws: { error in
            "\(error)".contains("EMBEDDINGS_PROVIDER")
        }
    }

    /// One request on a fresh connection; the whole answer (the server closes after it).
    static func request(port: Int, _ text: String) async throws -> String {
        try await BlockingPool.shared.run {
            let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 10)
            defer { socket.close() }
            try socket.send(text.replacingOccurrences(of: "Host: x\r\n", with: "Host: x\r\nConnection: close\r\n"))
            var answer = ""
            while true {
                let more = socket.receive()
                if more.isEmpty { break }
                answer += more
            }
            return answer
        }
    }
}
