import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP client on 127.0.0.1, for speaking raw HTTP/1.1 (run it off the
/// cooperative pool).
final class LoopbackSocket: @unchecked Sendable {
    private let fd: Int32
    /// For a read that must get an answer: under the whole suite's load on two cores an
    /// answer once took more than 10 s (2026-12-06); only a failing test waits this long.
    static let loadedReceiveSeconds = Int(TestPaths.loadedWait.components.seconds)

    /// `sendTimeoutSeconds` > 0: a send blocked that long fails (a server that stopped reading).
    init(port: Int, receiveTimeoutSeconds: Int, sendTimeoutSeconds: Int = 0) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() falló") }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if sendTimeoutSeconds > 0 {
            var send = timeval(tv_sec: sendTimeoutSeconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send, socklen_t(MemoryLayout<timeval>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw TestFailure("no se pudo conectar al puerto \(port)")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw TestFailure("send() falló")
        }
    }

    /// Writes all of `bytes` as a plain client does before reading the answer (Python's
    /// urllib); throws when a write fails or blocks past the send timeout.
    func sendAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else {
                throw TestFailure("send() falló tras \(offset) de \(bytes.count) bytes (errno \(errno))")
            }
            offset += sent
        }
    }

    /// Everything the peer sends until it closes or the receive timeout passes.
    func receiveAll() -> String {
        var text = ""
        while case .data(let more) = read() { text += more }
        return text
    }

    /// What one read returns ("" on timeout or close).
    func receive() -> String {
        if case .data(let text) = read() { return text }
        return ""
    }

    enum ReadResult: Equatable {
        case data(String)
        case closed
        case timedOut
    }

    /// One read, telling the peer's close from the receive timeout.
    func read() -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: 8_192)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count > 0 { return .data(String(decoding: buffer[0..<count], as: UTF8.self)) }
        return count == 0 ? .closed : .timedOut
    }

    func close() { Glibc.close(fd) }
}
