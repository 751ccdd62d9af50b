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

    /// A TCP port nobody listens on right now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
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
