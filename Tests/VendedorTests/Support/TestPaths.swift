import Foundation

/// Where the repository and the built executables are.
enum TestPaths {
    static let repoRoot: URL = {
        if let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] {
            return URL(fileURLWithPath: root)
        }
        // Tests/VendedorTests/Support/TestPaths.swift → repository root
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// The intent bank's directory (`data/entendimiento`), for an `ExampleReader`.
    static let bankDirectory = repoRoot.appendingPathComponent("data/entendimiento").path

    static let binDir: URL = {
        if let dir = ProcessInfo.processInfo.environment["VENDEDOR_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        return repoRoot.appendingPathComponent(".build/debug")
    }()

    static func temporaryDirectory(_ label: String) -> URL {
        let base = ProcessInfo.processInfo.environment["VENDEDOR_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// How long a job or a condition may take while the whole suite runs at once on a
    /// 2-core machine. There the tests that start first share two threads with hundreds of
    /// others: a re-index of ReindexTests that takes about a second alone took 50–60 s, and
    /// its 60 s wait failed on CI (2026-12-06). A condition that holds returns at once, so
    /// only a failing test waits this long.
    static let loadedWait: Duration = .seconds(300)

    /// A TCP port nobody listens on right now, taken below the kernel's ephemeral range.
    /// A port the kernel hands out (bind to 0) can be given to an outgoing connection — the
    /// tests open hundreds to Redis and PostgreSQL — between this call and the server's own
    /// bind; CI lost a front end that way (port 39955, 2026-12-06). Ports below the range
    /// are never picked for outgoing connections, and a process-wide counter never hands out
    /// the same one twice.
    static func freePort() -> Int {
        let low = ephemeralLow
        let span = max(1, low - firstPort)
        for _ in 0..<span {
            let candidate = firstPort + nextPortOffset.add(1) % span
            if canBind(candidate) { return candidate }
        }
        return 0
    }

    private static let firstPort = 20_000

    /// Where the test process starts counting, so two runs one after the other do not meet
    /// the same ports in TIME_WAIT.
    private static let nextPortOffset = SharedCounter(Int(getpid()) * 37)

    /// The low end of `ip_local_port_range` (32768 by default).
    private static let ephemeralLow: Int = {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let low = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.flatMap { Int($0) }
        return min(max(low ?? 32_768, firstPort + 1_000), 65_535)
    }()

    /// Whether a listening socket can take `port` on 127.0.0.1 right now.
    static func canBind(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        return bound == 0
    }
}

/// A counter shared by the test process's threads.
final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int

    init(_ start: Int) { value = abs(start) }

    /// The value before adding `step`.
    func add(_ step: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let old = value
        value = (value + step) % 1_000_000
        return old
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held. The default
/// is generous (`TestPaths.loadedWait`): a condition that holds returns at once.
func eventually(timeout: Duration = TestPaths.loadedWait, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(25))
    }
    return try await condition()
}
