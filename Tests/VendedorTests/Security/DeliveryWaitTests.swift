import Foundation
import Testing

@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

/// Found by reading (issue 16): a callback that always answers 429 blocked its chat for ever
/// (a 429 waits without using an attempt, and the chat's next turn waits behind it). Now
/// the wait is bounded (`DELIVERY_MAX_WAIT_S`): past it the delivery fails and the chat's
/// next job goes ahead; a `Retry-After: 0` waits at least 5 s, never a tight loop.
@Suite("Security: a receiver that always answers 429 cannot hold a chat")
struct DeliveryWaitTests {
    @Test func theDeliveryFailsAfterTheLongestWaitAndTheChatMovesOn() async throws {
        try await TelegramHarness.run { harness in
            try await FakeAPIServer.run({ receiver in
                receiver.route("POST", "/retorno") { request in
                    request.text.contains(#""texto":"uno""#)
                        ? .json(#"{"espere":true}"#, status: 429, headers: ["Retry-After": "0"]) : .json("{}")
                }
            }) { receiver in
                _ = try harness.database.setChannelCallback(
                    subject: "widget", callbackURL: receiver.baseURL + "/retorno")
                var delivery = harness.delivery()
                delivery.maxWaitSeconds = 2
                let first = try await harness.fixture.jobs.enqueue(
                    DeliverReplyJob(chatId: "h:widget:lento", channel: .http, text: "uno", owner: "widget")
                ).id
                let next = try await harness.fixture.jobs.enqueue(
                    DeliverReplyJob(chatId: "h:widget:lento", channel: .http, text: "dos", owner: "widget")
                ).id
                let worker = try harness.worker(["entregas"], delivery: delivery)
                let failed = try await harness.fixture.waitFor(first, state: .failed)
                let went = try await harness.fixture.waitFor(next, state: .completed)
                await worker.stop()
                #expect(failed?.state == .failed, "\(String(describing: failed))")
                #expect(failed?.error?.contains("DELIVERY_MAX_WAIT_S") == true)
                #expect(went?.state == .completed, "the chat's next job ran")
                #expect(
                    receiver.requests(matching: "/retorno").filter { $0.text.contains(#""texto":"uno""#) }.count <= 2,
                    "no tight loop of retries")
            }
        }
    }
}
