import Foundation

/// A `vendedor-workers` process, as deployed, for tests that kill or stop one.
final class WorkerProcess: @unchecked Sendable {
    let process: ChildProcess
    let output: URL

    init(environment: [String: String], arguments: [String] = []) throws {
        output = TestPaths.temporaryDirectory("worker").appendingPathComponent("worker.log")
        let binary = TestPaths.binDir.appendingPathComponent("vendedor-workers").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TestFailure("no existe \(binary); ejecute ops/test (compila antes de probar)")
        }
        process = try ChildProcess(
            path: binary, arguments: arguments, environment: environment, outputPath: output.path)
    }

    var pid: Int32 { process.pid }

    /// The consumer name this process uses on `queue` (see WorkerService).
    func consumer(_ queue: String) -> String {
        "\(ProcessInfo.processInfo.hostName)-\(pid)-\(queue)"
    }

    func kill() {
        process.signal(SIGKILL)
        _ = process.waitForExitBlocking()
    }

    func terminate() {
        process.signal(SIGTERM)
    }

    /// Waits for the process to exit; nil if it is still running after `timeout`.
    func waitForExit(timeout: Duration) async -> Int32? {
        await process.waitForExit(timeout: timeout)
    }

    var log: String {
        (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    deinit {
        process.signal(SIGKILL)
        _ = process.waitForExitBlocking(timeout: 2)
    }
}
