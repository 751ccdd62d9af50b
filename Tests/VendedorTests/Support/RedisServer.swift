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
            switch Self.owner(port) {
            case .process(let pid) where pid == process.pid: return
            case .locked where process.isRunning: return  // a password: cannot ask, ours is up
            case .process, .locked:
                // Another test's Redis holds the port (ours failed to bind): never share it.
                process.signal(SIGKILL)
                throw TestFailure("el puerto \(port) ya lo usa otro redis-server")
            case .nobody:
                if !process.isRunning { throw TestFailure("redis-server no arrancó en el puerto \(port)") }
            }
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

    /// SIGTERM, then reaps the process and removes its data on a thread of its own: tests
    /// stop their Redis in `defer`, on the cooperative pool, and a blocking wait there held
    /// up every other test's tasks.
    func stop() {
        guard let process else { return }
        self.process = nil
        process.signal(SIGTERM)
        let directory = self.directory
        Thread.detachNewThread {
            if process.waitForExitBlocking() == nil {
                process.signal(SIGKILL)
                _ = process.waitForExitBlocking(timeout: 2)
            }
            try? FileManager.default.removeItem(at: directory)
        }
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

    enum Owner: Equatable {
        case nobody
        /// It requires a password, so it cannot be asked who it is.
        case locked
        case process(pid_t)
    }

    /// Which Redis answers on the port (its `process_id`).
    static func owner(_ port: Int) -> Owner {
        guard let reply = probe(port, command: "INFO server") else { return .nobody }
        if reply.hasPrefix("-NOAUTH") { return .locked }
        guard let line = reply.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("process_id:") }),
            let pid = pid_t(line.dropFirst("process_id:".count).trimmingCharacters(in: .whitespaces))
        else { return .nobody }
        return .process(pid)
    }

    /// Sends `command` (inline) to the port and returns what the first reads bring back
    /// (up to 4 KB), or nil if nothing listens.
    private static func probe(_ port: Int, command: String = "PING") -> String? {
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
        let request = Array("\(command)\r\n".utf8)
        guard write(fd, request, request.count) == request.count else { return nil }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        // INFO's process_id comes in its first few hundred bytes.
        while received.count < 4_096 {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
            let text = String(decoding: received, as: UTF8.self)
            if command == "PING" || text.hasPrefix("-") { break }
            if let found = text.range(of: "process_id:"), text[found.upperBound...].contains("\n") { break }
        }
        return received.isEmpty ? nil : String(decoding: received, as: UTF8.self)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
