import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import Enqueuer

#if canImport(Glibc)
    import Glibc
#endif

@Suite("HTTP front end as served: Expect: 100-continue")
struct ExpectContinueTests {
    /// The production server (`buildApplication`) answers `100 Continue` to a request that
    /// asks before sending its body, then takes the body: a client that waits for it (curl
    /// over 1 MB) is not held up. Without the answer the server would wait for the body and
    /// the client for the answer, and the first read here would time out empty.
    @Test func aBodyAnnouncedWithExpectContinueIsAskedForThenAccepted() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let signer = TokenSigner(secret: "secreto-de-pruebas-0123456789")
        let deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: JobWaiters(client: fixture.jobs), signer: signer,
            database: try directory.openDatabase())
        let app = buildApplication(deps, host: "127.0.0.1", port: 0, logger: Logger(label: "pruebas"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let body = #"{"chat_id":"web-continuar","mensaje":"Hola"}"#
            let head =
                "POST /chat/texto HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer \(signer.sign(subject: "widget", role: .canal, lifetime: 600))\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Expect: 100-continue\r\n\r\n"
            let (interim, final) = try await BlockingPool.shared.run {
                let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 10)
                defer { socket.close() }
                try socket.send(head)
                let interim = socket.receive()
                try socket.send(body)
                var final = ""
                while !final.contains("\r\n\r\n{") {
                    let more = socket.receive()
                    if more.isEmpty { break }
                    final += more
                }
                return (interim, final)
            }
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue\r\n"), "\(interim)")
            #expect(final.hasPrefix("HTTP/1.1 202 Accepted"), "\(final)")
            #expect(final.contains(#""estado":"encolado""#))
        }
    }
}

/// A blocking TCP client on 127.0.0.1, for speaking raw HTTP/1.1 (run it off the
/// cooperative pool).
private final class LoopbackSocket: @unchecked Sendable {
    private let fd: Int32

    init(port: Int, receiveTimeoutSeconds: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() falló") }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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

    /// What one read returns ("" on timeout or close).
    func receive() -> String {
        var buffer = [UInt8](repeating: 0, count: 8_192)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    func close() { Glibc.close(fd) }
}
