import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support

/// Found by reading (issue 16): `filename="x; name=imagen"` renamed a multipart part (the
/// parameters were split at every `;`, quotes or not), and uploads had no concurrency cap
/// (each held up to three copies of the file). Parameters are now read as RFC 2183 says,
/// at most `MAX_CONCURRENT_UPLOADS` uploads are read at once (503 with `Retry-After` over
/// it), and the file is stored straight from the body's buffer.
@Suite("Security: uploads")
struct UploadTests {
    static func body(disposition: String, data: Data, boundary: String = "XyZ") -> Data {
        var text = "--\(boundary)\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\nweb-9\r\n"
        text += "--\(boundary)\r\nContent-Disposition: \(disposition)\r\nContent-Type: image/png\r\n\r\n"
        return Data(text.utf8) + data + Data("\r\n--\(boundary)--\r\n".utf8)
    }

    @Test func aFileNameCannotRenameItsPart() throws {
        let parts = try Multipart.parts(
            in: Self.body(disposition: #"form-data; filename="x; name=imagen"; name="otro""#, data: MediaSamples.png),
            contentType: "multipart/form-data; boundary=XyZ")
        #expect(parts.map(\.name) == ["chat_id", "otro"])
        #expect(parts[1].filename == "x; name=imagen")
        let escaped = Multipart.parameters(#"form-data; name="a\"b"; filename="c;d""#)
        #expect(escaped["name"] == #"a"b"# && escaped["filename"] == "c;d")
        #expect(throws: APIError.self) {
            _ = try Multipart.parts(
                in: Data("--\(String(repeating: "b", count: 71))\r\n".utf8),
                contentType: "multipart/form-data; boundary=\(String(repeating: "b", count: 71))")
        }
    }

    @Test func aRenamedPartIsNotTakenForThePhoto() async throws {
        try await SecurityHarness.run { h, client in
            var headers = h.headers(.channel, "widget", json: false)
            headers[.contentType] = "multipart/form-data; boundary=XyZ"
            let response = try await client.execute(
                uri: "/chat/imagen", method: .post, headers: headers,
                body: ByteBuffer(
                    data: Self.body(
                        disposition: #"form-data; filename="x; name=imagen"; name="otro""#, data: MediaSamples.png)))
            #expect(response.status == .unprocessableContent, "\(String(buffer: response.body))")
        }
    }

    @Test func uploadSlotsAreCapped() {
        let slots = UploadSlots(capacity: 2)
        let first = slots.take()
        let second = slots.take()
        #expect(first != nil && second != nil)
        #expect(slots.take() == nil, "a third upload at once is refused")
        first?.release()
        first?.release()  // twice is once
        #expect(slots.inUse == 1)
        #expect(slots.take() != nil)
    }

    /// One slot, held by an upload whose body is still arriving: the next upload gets 503 at
    /// once, with `Retry-After`, before its body is read.
    @Test func anUploadOverTheCapIsAnswered503() async throws {
        var limits = LimitsConfig()
        limits.maxConcurrentUploads = 1
        try await SecurityHarness.served(limits: limits) { h, port in
            let token = h.token(.channel, "widget")
            let answer = try await BlockingPool.shared.run { () throws -> String in
                let slow = try LoopbackSocket(port: port, receiveTimeoutSeconds: 5)
                defer { slow.close() }
                try slow.send(
                    "POST /chat/imagen HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                        + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 500000\r\n\r\n--XyZ\r\n")
                var last = ""
                for _ in 0..<50 {
                    let other = try LoopbackSocket(port: port, receiveTimeoutSeconds: 5)
                    defer { other.close() }
                    try other.send(
                        "POST /chat/imagen HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                            + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 10\r\n\r\n0123456789")
                    last = other.receiveAll()
                    if last.hasPrefix("HTTP/1.1 503") { break }
                    Thread.sleep(forTimeInterval: 0.1)
                }
                return last
            }
            #expect(answer.hasPrefix("HTTP/1.1 503"), "\(answer.prefix(300))")
            #expect(answer.lowercased().contains("retry-after: 2"))
        }
    }
}
