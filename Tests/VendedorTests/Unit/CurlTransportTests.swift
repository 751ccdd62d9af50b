import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import Integrations

@Suite("libcurl transport against a real HTTP server on loopback")
struct CurlTransportTests {
    /// A small server: echoes requests, answers 429 with Retry-After, sleeps, sends a lot.
    func withServer(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("eco") { request, _ -> Response in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            var headers: HTTPFields = [.contentType: "text/plain"]
            headers[.init("X-Metodo")!] = request.method.rawValue
            headers[.init("X-Clave")!] = request.headers[.init("X-Api-Key")!] ?? "-"
            return Response(status: .created, headers: headers, body: .init(byteBuffer: bytes))
        }
        router.get("limite") { _, _ -> Response in
            Response(
                status: .tooManyRequests, headers: [.retryAfter: "3", .contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"code":429}}"#)))
        }
        router.get("lento") { _, _ -> String in
            try await Task.sleep(for: .milliseconds(1500))
            return "tarde"
        }
        router.get("grande") { _, _ -> String in String(repeating: "x", count: 100_000) }
        router.get("espera") { _, _ -> String in
            let now = Self.waiting.add(1, ordering: .relaxed).newValue
            Self.mostWaiting.max(now, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(600))
            Self.waiting.subtract(1, ordering: .relaxed)
            return "listo"
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)")
        }
    }

    @Test func postsABodyWithHeadersAndReadsStatusHeadersAndBody() async throws {
        try await withServer { base in
            let response = try await CurlTransport().send(
                OutboundRequest(
                    method: "POST", url: "\(base)/eco", headers: [("X-Api-Key", "clave-1")],
                    body: Array(#"{"hola":"mundo ñ"}"#.utf8)))
            #expect(response.status == 201)
            #expect(response.text == #"{"hola":"mundo ñ"}"#)
            #expect(response.headers["x-metodo"] == "POST")
            #expect(response.headers["x-clave"] == "clave-1")
        }
    }

    @Test func a429KeepsItsRetryAfterHeaderAndBody() async throws {
        try await withServer { base in
            let response = try await CurlTransport().send(OutboundRequest(url: "\(base)/limite"))
            #expect(response.status == 429)
            #expect(response.headers["retry-after"] == "3")
            #expect(response.text.contains("429"))
        }
    }

    @Test func timeoutsAndOversizedResponsesAreErrors() async throws {
        try await withServer { base in
            let transport = CurlTransport()
            await #expect(throws: HTTPTransportError.timeout) {
                try await transport.send(OutboundRequest(url: "\(base)/lento", timeout: .milliseconds(300)))
            }
            await #expect(throws: HTTPTransportError.responseTooLarge) {
                try await transport.send(OutboundRequest(url: "\(base)/grande", maxResponseBytes: 10_000))
            }
            let whole = try await transport.send(OutboundRequest(url: "\(base)/grande"))
            #expect(whole.body.count == 100_000)
        }
    }

    static let waiting = Atomic<Int>(0)
    static let mostWaiting = Atomic<Int>(0)
    static let mostThreads = Atomic<Int>(0)

    /// The process's threads that a call could take: unnamed ones (named like the process's
    /// main thread) and `BlockingPool`'s. Threads other suites name for themselves (NIO's event
    /// loops, Redis connections, worker loops) are left out, so suites running at the same
    /// time do not count against this one.
    static func threads() -> Int {
        func name(_ path: String) -> String {
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let main = name("/proc/self/comm")
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            let comm = name("/proc/self/task/\(task)/comm")
            return comm == main || comm.hasPrefix("vendedor-bloque")
        }.count
    }

    @Test func hundredsOfCallsInFlightTakeNoThreadEach() async throws {
        try await withServer { base in
            let transport = CurlTransport(maxConcurrent: 500)
            let before = Self.threads()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        let response = try await transport.send(OutboundRequest(url: "\(base)/espera"))
                        #expect(response.text == "listo")
                    }
                }
                group.addTask {
                    // Look while the calls wait in the server.
                    for _ in 0..<20 {
                        try await Task.sleep(for: .milliseconds(25))
                        Self.mostThreads.max(Self.threads(), ordering: .relaxed)
                    }
                }
                try await group.waitForAll()
            }
            // The server held most of them at once; the process did not grow a thread per call.
            #expect(Self.mostWaiting.load(ordering: .relaxed) > 32)
            #expect(Self.mostThreads.load(ordering: .relaxed) - before < 40)
        }
    }

    @Test func aClosedPortIsAConnectionError() async throws {
        let port = TestPaths.freePort()
        await #expect(throws: HTTPTransportError.self) {
            try await CurlTransport().send(OutboundRequest(url: "http://127.0.0.1:\(port)/", timeout: .seconds(2)))
        }
    }
}
