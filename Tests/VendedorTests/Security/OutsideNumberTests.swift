import Foundation
import Testing

@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support
@testable import Workers

/// Finding 4 (issue 16): a channel callback answering 429 with `Retry-After: 1e300` (or inf,
/// nan, a negative) trapped `vendedor-workers` on every attempt (`Int(seconds * 1000)`).
/// Every delay from outside is clamped (`OutsideNumber`) before any conversion.
@Suite("Security: numbers from outside cannot crash a process")
struct OutsideNumberTests {
    struct Answering: HTTPTransport {
        var status: Int
        var headers: [String: String]
        var body = ""
        func send(_ request: OutboundRequest) async throws -> OutboundResponse {
            OutboundResponse(status: status, headers: headers, body: Array(body.utf8))
        }
    }

    static let delays = ["1e300", "inf", "-inf", "nan", "-5", "1e-320", "99999999999999999999", "infinity"]

    @Test func retryAfterHeadersAndBodiesAreClamped() async throws {
        for value in Self.delays {
            for headers in [["retry-after": value], ["retry-after-ms": value]] {
                let http = ProviderHTTP(api: "callback", transport: Answering(status: 429, headers: headers))
                do {
                    _ = try await http.send(OutboundRequest(url: "https://x.example/"))
                    Issue.record("a 429 must throw")
                } catch let error as ProviderError {
                    if let delay = error.retryAfter {
                        #expect(delay.isFinite && delay >= 0 && delay <= OutsideNumber.maxDelaySeconds, "\(value)")
                    }
                    _ = error.jobError
                }
            }
            let telegram = ProviderHTTP(
                api: "telegram",
                transport: Answering(
                    status: 429, headers: [:], body: #"{"ok":false,"parameters":{"retry_after":"# + value + "}}"))
            await #expect(throws: ProviderError.self) {
                _ = try await telegram.send(OutboundRequest(url: "https://t/"))
            }
        }
        var error = ProviderError(kind: .rateLimited, api: "x", status: 429, message: "", retryAfter: .infinity)
        #expect(error.retryAfter == OutsideNumber.maxDelaySeconds)
        error.retryAfter = -.infinity
        #expect(error.retryAfter == 0)
        #expect(OutsideNumber.milliseconds(.nan) == 0)
        #expect(OutsideNumber.milliseconds(1e300) == Int(OutsideNumber.maxDelaySeconds * 1000))
        #expect(OutsideNumber.integer(-.infinity, in: 0...10) == 0)
    }

    /// The whole path: a callback answering `Retry-After: 1e300` makes the delivery fail (its
    /// wait would pass `DELIVERY_MAX_WAIT_S`) and the worker goes on with the next job.
    @Test func aCallbackAskingForAnAbsurdWaitDoesNotTrapTheWorker() async throws {
        try await TelegramHarness.run { harness in
            try await FakeAPIServer.run({ receiver in
                receiver.route("POST", "/retorno") { _ in
                    .json(#"{"ocupado":true}"#, status: 429, headers: ["Retry-After": "1e300"])
                }
            }) { receiver in
                _ = try harness.database.setChannelCallback(
                    subject: "widget-web", callbackURL: receiver.baseURL + "/retorno")
                let ids = try await harness.fixture.jobs.enqueue([
                    try NewJob(
                        DeliverReplyJob(chatId: "h:widget-web:a", channel: .http, text: "uno", owner: "widget-web")),
                    try NewJob(
                        DeliverReplyJob(chatId: "h:widget-web:b", channel: .http, text: "dos", owner: "widget-web")),
                ]).map(\.id)
                let worker = try harness.worker(["entregas"])
                let first = try await harness.fixture.waitFor(ids[0], state: .failed)
                let second = try await harness.fixture.waitFor(ids[1], state: .failed)
                await worker.stop()
                #expect(first?.error?.contains("429") == true, "\(String(describing: first?.error))")
                #expect(second != nil, "the worker lived on to take the next job")
            }
        }
    }
}
