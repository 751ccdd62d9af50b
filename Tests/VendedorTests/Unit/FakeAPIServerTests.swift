import Foundation
import Testing

@testable import Integrations

@Suite("The fake outside-API server the provider tests build on")
struct FakeAPIServerTests {
    @Test func routesAnswerInjectedErrorsComeFirstAndRequestsAreRecorded() async throws {
        try await FakeAPIServer.run({ server in
            server.route("POST", "/v1/*") { received in .json(#"{"eco":\#(received.text)}"#) }
        }) { server in
            server.inject("/v1/*", .json(#"{"error":"lento"}"#, status: 429, headers: ["Retry-After": "2"]))
            let transport = CurlTransport()
            let first = try await transport.send(
                OutboundRequest(method: "POST", url: server.baseURL + "/v1/x?a=1", body: Array("1".utf8)))
            #expect(first.status == 429)
            #expect(first.headers["retry-after"] == "2")
            let second = try await transport.send(
                OutboundRequest(method: "POST", url: server.baseURL + "/v1/x", body: Array("2".utf8)))
            #expect(second.status == 200)
            #expect(second.text == #"{"eco":2}"#)
            let missing = try await transport.send(OutboundRequest(url: server.baseURL + "/otra"))
            #expect(missing.status == 404)
            #expect(server.requests.count == 3)
            #expect(server.requests(matching: "/v1/*").map(\.text) == ["1", "2"])
            #expect(server.requests.first?.query == "a=1")
        }
    }
}
