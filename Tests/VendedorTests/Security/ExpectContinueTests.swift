import Foundation
import Testing

@testable import FrontEnd
@testable import Shop
@testable import Support

/// Found by reading (issue 16): `100 Continue` was sent before authentication, so anyone was
/// invited to send a 10 MB body. Now a request without a valid token, or with a role the
/// route does not allow, gets its 401/403 at once and is never asked for the body.
@Suite("Security: 100 Continue only after authorization")
struct ExpectContinueTests {
    static func firstAnswer(port: Int, path: String, token: String?) throws -> String {
        let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: LoopbackSocket.loadedReceiveSeconds)
        defer { socket.close() }
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        head += "Content-Length: 2000000\r\nExpect: 100-continue\r\n\r\n"
        try socket.send(head)
        return socket.receive()
    }

    @Test func noTokenOrTheWrongRoleIsRefusedWithoutAskingForTheBody() async throws {
        try await SecurityHarness.served { h, port in
            let channel = h.token(.channel, "widget")
            let operatorToken = h.token(.operator, "laura")
            let (none, forged, wrongRole, allowed) = try await BlockingPool.shared.run {
                (
                    try Self.firstAnswer(port: port, path: "/chat/texto", token: nil),
                    try Self.firstAnswer(port: port, path: "/chat/texto", token: "x.y.z"),
                    try Self.firstAnswer(port: port, path: "/productos/importar", token: channel),
                    try Self.firstAnswer(port: port, path: "/productos/importar", token: operatorToken)
                )
            }
            #expect(none.hasPrefix("HTTP/1.1 401"), "\(none)")
            #expect(forged.hasPrefix("HTTP/1.1 401"), "\(forged)")
            #expect(wrongRole.hasPrefix("HTTP/1.1 403"), "\(wrongRole)")
            #expect(allowed.hasPrefix("HTTP/1.1 403"), "operador cannot import either: \(allowed)")
            for answer in [none, forged, wrongRole, allowed] { #expect(!answer.contains("100 Continue")) }
        }
    }

    @Test func anAuthorizedCallerIsAskedForTheBody() async throws {
        try await SecurityHarness.served { h, port in
            let admin = h.token(.admin, "jefe")
            let answer = try await BlockingPool.shared.run {
                try Self.firstAnswer(port: port, path: "/productos/importar", token: admin)
            }
            #expect(answer.hasPrefix("HTTP/1.1 100 Continue"), "\(answer)")
        }
    }
}
