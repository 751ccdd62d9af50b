import Foundation

/// A child process started with posix_spawn and reaped with waitpid. (Foundation's
/// `Process.waitUntilExit` can spin forever on Linux when called from test tasks.)
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `path` with `arguments`; output (stdout and stderr) goes to `outputPath`.
    init(
        path: String, arguments: [String], environment: [String: String]? = nil, outputPath: String = "/dev/null",
        workingDirectory: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        // The spawning thread (a Dispatch worker) blocks signals; without this the child
        // would inherit that mask and ignore SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, env)
        guard result == 0 else { throw TestFailure("no se pudo ejecutar \(path): error \(result)") }
        pid = child
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
