import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program as a child process (posix_spawn) and awaits its end without blocking
/// Swift's cooperative pool: the wait happens on a thread of its own. A time limit or the
/// task's cancellation kills the child (SIGKILL). Output goes to files, so a chatty child can
/// never fill a pipe and hang. (Foundation's `Process` can spin forever on Linux.)
public enum Subprocess {
    public struct Outcome: Sendable, Equatable {
        /// The exit status, nil when a signal ended the process.
        public var exitCode: Int32?
        public var signal: Int32?
        public var timedOut: Bool

        public var succeeded: Bool { exitCode == 0 }
    }

    public struct SpawnError: Error, CustomStringConvertible, Sendable {
        public var executable: String
        public var code: Int32

        public var description: String {
            "no se pudo ejecutar \(executable): \(String(cString: strerror(code)))"
        }
    }

    /// Only the time limit's timer: waiting for a child blocks, so it runs on `BlockingPool`.
    private static let waiters = DispatchQueue(label: "vendedor.subprocess")

    /// Runs `executable` (looked up in PATH when it has no "/") with `arguments`; stdout and
    /// stderr go to the given files (created or truncated). `environment` adds to (and
    /// overrides) the process's own.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        stdout: String = "/dev/null", stderr: String = "/dev/null", timeout: Duration
    ) async throws -> Outcome {
        let child = try Child(executable, arguments, environment: environment, stdout: stdout, stderr: stderr)
        let seconds = timeout.inSeconds
        waiters.asyncAfter(deadline: .now() + seconds) { child.kill(timedOut: true) }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                BlockingPool.shared.submit { continuation.resume(returning: child.waitForExit()) }
            }
        } onCancel: {
            child.kill(timedOut: false)
        }
    }

    /// Starts `executable` (looked up in PATH when it has no "/") with exactly `environment`,
    /// stdin from /dev/null, stdout to a file and stderr to another (nil: the same as stdout),
    /// truncated or appended to; returns the pid, which the caller reaps. The child starts
    /// with no signal blocked and default handlers, whatever the spawning thread had.
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], stdout: String,
        stderr: String? = nil, appending: Bool = false
    ) throws -> pid_t {
        let mode = O_WRONLY | O_CREAT | (appending ? O_APPEND : O_TRUNC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, mode, 0o600)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, mode, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        // The spawning thread may block signals; the child must start with none blocked
        // and default handlers, or it would ignore a kill (timeout) or SIGTERM (shutdown).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result =
            executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(executable: executable, code: result) }
        return pid
    }

    /// One spawned process; `kill` never signals a pid that was already reaped.
    private final class Child: @unchecked Sendable {
        let pid: pid_t
        private let lock = NSLock()
        private var exited = false
        private var timedOut = false

        init(_ executable: String, _ arguments: [String], environment: [String: String], stdout: String, stderr: String)
            throws
        {
            var merged = ProcessInfo.processInfo.environment
            for (key, value) in environment { merged[key] = value }
            pid = try Subprocess.spawn(executable, arguments, environment: merged, stdout: stdout, stderr: stderr)
        }

        /// Blocks until the child ends (call on a thread of its own), then reaps it.
        func waitForExit() -> Outcome {
            var info = siginfo_t()
            // WNOWAIT: the pid stays ours until `exited` is set, so `kill` cannot hit a reused pid.
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
            lock.withLock { exited = true }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let signal = status & 0x7f
            return lock.withLock {
                Outcome(
                    exitCode: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal,
                    timedOut: timedOut)
            }
        }

        func kill(timedOut: Bool) {
            lock.withLock {
                guard !exited else { return }
                if timedOut { self.timedOut = true }
                _ = Glibc.kill(pid, SIGKILL)
            }
        }
    }
}
