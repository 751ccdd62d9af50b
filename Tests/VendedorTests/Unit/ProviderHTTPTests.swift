import Foundation
import Testing

@testable import Integrations
@testable import JobEngine

@Suite("One retry policy for every outside API, against a real server on loopback")
struct ProviderHTTPTests {
    let fast = ProviderHTTP.RetryPolicy(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 1)

    @Test func a503ThenSuccessIsRetriedWithTheSameBody() async throws {
        try await FakeAPIServer.run({ $0.route("POST", "/v1/x") { .json(#"{"eco":\#($0.text)}"#) } }) { server in
            server.inject("/v1/x", .json(#"{"error":{"message":"The model is overloaded."}}"#, status: 503))
            let http = ProviderHTTP(api: "gemini", transport: CurlTransport(), policy: fast)
            let response = try await http.send(
                OutboundRequest(method: "POST", url: server.baseURL + "/v1/x", body: Array("7".utf8)))
            #expect(response.text == #"{"eco":7}"#)
            #expect(server.requests.map(\.text) == ["7", "7"])
        }
    }

    @Test func serverDelaysAreReadFromEachAPIsOwnPlace() async throws {
        try await FakeAPIServer.run { server in
            server.inject(
                "/g",
                .json(
                    #"{"error":{"code":429,"message":"Quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}"#,
                    status: 429))
            server.inject(
                "/t",
                .json(
                    #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 12","parameters":{"retry_after":12}}"#,
                    status: 429))
            server.inject(
                "/o", .json(#"{"error":{"message":"Rate limit"}}"#, status: 429, headers: ["retry-after-ms": "1500"]))
            server.inject("/p", .json(#"{"error":{"message":"Invalid API key"}}"#, status: 401))
            let http = ProviderHTTP(api: "x", transport: CurlTransport(), policy: fast)
            for (path, seconds) in [("/g", 37.0), ("/t", 12.0)] {
                let error = await #expect(throws: ProviderError.self) {
                    try await http.send(OutboundRequest(url: server.baseURL + path))
                }
                #expect(error?.kind == .rateLimited)
                #expect(error?.retryAfter == seconds)
                if case .retryAfter(let delay, _)? = error?.jobError as? JobError {
                    #expect(delay == seconds)
                } else {
                    Issue.record("a 429 must become a retry-after")
                }
            }
            // 1.5 s is over maxWait (1 s): handed back, not slept.
            let openAI = await #expect(throws: ProviderError.self) {
                try await http.send(OutboundRequest(url: server.baseURL + "/o"))
            }
            #expect(openAI?.retryAfter == 1.5)
            let denied = await #expect(throws: ProviderError.self) {
                try await http.send(OutboundRequest(url: server.baseURL + "/p"))
            }
            #expect(denied?.kind == .permanent)
            #expect(denied?.message == "Invalid API key")
            #expect(server.requests(matching: "/p").count == 1)
        }
    }
}
