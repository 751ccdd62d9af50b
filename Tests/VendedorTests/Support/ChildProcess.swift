import Foundation

@testable import Support

/// A child process started with posix_spawn and reaped with waitpid. (Foundation's
/// `Process.waitUntilExit` can spin forever on Linux when called from test tasks.)
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `path` with `arguments` and `environment` (default: this process's); stdout
    /// and stderr are appended to `outputPath` (`Subprocess.spawn`).
    init(path: String, arguments: [String], environment: [String: String]? = nil, outputPath: String = "/dev/null")
        throws
    {
        pid = try Subprocess.spawn(
            path, arguments, environment: environment ?? ProcessInfo.processInfo.environment, stdout: outputPath,
            appending: true)
    }

    /// The exit status once the process has ended (nil while it runs).
    var exitStatus: Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        let reaped = waitpid(pid, &raw, WNOHANG)
        if reaped == pid {
            status = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        } else if reaped == -1 && errno == ECHILD {
            // Someone else reaped it (a SIGCHLD handler); it is gone, status unknown.
            status = -1
        }
        return status
    }

    var isRunning: Bool { exitStatus == nil }

    func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits (polling, without blocking a thread) for the process to end.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return exitStatus
    }

    /// Blocking wait, for synchronous cleanup paths.
    func waitForExitBlocking(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = exitStatus { return status }
            usleep(10_000)
        }
        return exitStatus
    }
}
