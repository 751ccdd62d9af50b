import Foundation

/// A real redis-server process of the test's own (port and data directory), with AOF and
/// `appendfsync always` as in production, so tests can kill and restart it.
final class RedisServer: @unchecked Sendable {
    private(set) var port: Int
    let directory: URL
    let extraArguments: [String]
    private var process: ChildProcess?

    var url: String { "redis://127.0.0.1:\(port)/0" }

    /// Starts on a free port, trying another one if the first is taken meanwhile.
    init(extraArguments: [String] = []) async throws {
        port = TestPaths.freePort()
        directory = TestPaths.temporaryDirectory("redis")
        self.extraArguments = extraArguments
        for attempt in 1...3 {
            do {
                try await start()
                return
            } catch  where attempt < 3 {
                process?.signal(SIGKILL)
                port = TestPaths.freePort()
            }
        }
    }

    /// Starts (again) on the same port and data directory. Polls without blocking a thread:
    /// tests run in parallel on the two threads of the cooperative pool.
    func start() async throws {
        let process = try ChildProcess(
            path: "/usr/bin/redis-server",
            arguments: [
                "--port", String(port), "--bind", "127.0.0.1", "--dir", directory.path, "--appendonly", "yes",
                "--appendfsync", "always", "--save", "", "--daemonize", "no", "--loglevel", "warning",
            ] + extraArguments)
        self.process = process
        for _ in 0..<500 {
            if Self.ping(port) { return }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("redis-server no arrancó en el puerto \(port)")
    }

    /// SIGKILL: no shutdown save; only what the AOF already holds survives.
    func kill() {
        process?.signal(SIGKILL)
        _ = process?.waitForExitBlocking()
        process = nil
    }

    func stop() {
        process?.signal(SIGTERM)
        if process?.waitForExitBlocking() == nil { process?.signal(SIGKILL) }
        process = nil
        try? FileManager.default.removeItem(at: directory)
    }

    deinit {
        process?.signal(SIGKILL)
    }

    /// True when Redis on the port is up: it answers PING with PONG, or with NOAUTH when it
    /// requires a password.
    static func ping(_ port: Int) -> Bool {
        guard let reply = probe(port) else { return false }
        return reply.hasPrefix("+PONG") || reply.hasPrefix("-NOAUTH")
    }

    /// Sends PING to the port and returns the first reply bytes, or nil if nothing listens.
    private static func probe(_ port: Int) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("PING\r\n".utf8)
        guard write(fd, request, request.count) == request.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(fd, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
