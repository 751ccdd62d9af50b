import Foundation

/// A `vendedor-workers` process, as deployed, for tests that kill or stop one; or, for the
/// engine tests whose no-op jobs wait or fail on request, `vendedor-fault-worker` (the same
/// workers plus the fault-injecting no-op handler).
final class WorkerProcess: @unchecked Sendable {
    let process: ChildProcess
    let output: URL

    static let production = "vendedor-workers"
    static let withFaults = "vendedor-fault-worker"

    init(environment: [String: String], arguments: [String] = [], binary name: String = production) throws {
        output = TestPaths.temporaryDirectory("worker").appendingPathComponent("worker.log")
        let binary = TestPaths.binDir.appendingPathComponent(name).path
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
