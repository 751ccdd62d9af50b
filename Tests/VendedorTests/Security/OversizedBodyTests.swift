import Foundation
import Testing

@testable import FrontEnd
@testable import Shop
@testable import Support

/// Finding 5 (issue 16): a plain client (Python's urllib: no `Expect`, the whole body written
/// before the answer is read) posting 10 MB to `/chat/texto` never got its 413: the front
/// end stopped reading and the client's write blocked until its own timeout. Now the
/// response says `Connection: close`, the rest of the body is read and dropped (up to 32 MB)
/// and the client reads its 413. The raw client here writes everything first, with a send
/// timeout of 20 s: a server that stops reading makes the write fail.
@Suite("Security: an oversized body still gets its answer")
struct OversizedBodyTests {
    /// Like Python's urllib: `Connection: close`, the whole body written, then the answer read.
    static func post(port: Int, token: String?, bytes: Int, path: String = "/chat/texto", close: Bool = true) throws
        -> String
    {
        let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 20, sendTimeoutSeconds: 20)
        defer { socket.close() }
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        if close { head += "Connection: close\r\n" }
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        head += "Content-Length: \(bytes)\r\n\r\n"
        try socket.send(head)
        // A JSON string of `bytes` bytes: {"chat_id":"a","mensaje":"xxxx…"}
        let prefix = Array(#"{"chat_id":"a","mensaje":""#.utf8)
        var body = prefix + [UInt8](repeating: 0x78, count: bytes - prefix.count - 2)
        body += Array(#""}"#.utf8)
        try socket.sendAll(body)
        return socket.receiveAll()
    }

    @Test(arguments: [true, false])
    func aTenMegabyteJSONBodyGetsIts413(connectionClose: Bool) async throws {
        try await SecurityHarness.served { h, port in
            let token = h.token(.channel, "widget")
            let answer = try await BlockingPool.shared.run {
                try Self.post(port: port, token: token, bytes: 10 << 20, close: connectionClose)
            }
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(answer.lowercased().contains("connection: close"))
            #expect(answer.contains(#""codigo":"cuerpo_demasiado_grande""#))
        }
    }

    @Test func anUnauthenticatedLargeBodyGetsIts401() async throws {
        try await SecurityHarness.served { _, port in
            let answer = try await BlockingPool.shared.run { try Self.post(port: port, token: nil, bytes: 4 << 20) }
            #expect(answer.hasPrefix("HTTP/1.1 401"), "\(answer.prefix(200))")
            #expect(answer.contains(#""codigo":"no_autenticado""#))
        }
    }

    @Test func aSmallRequestOnTheSameConnectionStillWorksAfterAnAnswerWithABody() async throws {
        try await SecurityHarness.served { h, port in
            let token = h.token(.channel, "widget")
            let answer = try await BlockingPool.shared.run {
                // The loop ends with both answers; the timeout only bounds a hang (a loaded CI
                // machine took more than 10 s to answer).
                let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 60, sendTimeoutSeconds: 10)
                defer { socket.close() }
                let body = #"{"chat_id":"web-1","mensaje":"hola"}"#
                let request =
                    "POST /chat/texto HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                    + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                try socket.send(request + request)
                var text = ""
                while text.components(separatedBy: "HTTP/1.1 202").count < 3 {
                    let more = socket.receive()
                    if more.isEmpty { break }
                    text += more
                }
                return text
            }
            #expect(answer.components(separatedBy: "HTTP/1.1 202").count == 3, "keep-alive still works: \(answer)")
        }
    }
}
