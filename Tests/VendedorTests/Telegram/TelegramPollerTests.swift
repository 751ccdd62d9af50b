import Foundation
import ServiceLifecycle
import Testing

@testable import FrontEnd
@testable import Pipeline
@testable import Workers

@Suite("Telegram: long polling with a persisted offset")
struct TelegramPollerTests {
    func poller(_ harness: TelegramHarness, holder: String = "frente-1") throws -> TelegramPoller {
        var poller = try #require(
            harness.frontEnd(mode: .polling, pollTimeout: 1).poller(
                harness.fixture.jobs, logger: harness.fixture.logger))
        poller.holder = holder
        return poller
    }

    func storedOffset(_ harness: TelegramHarness) async throws -> Int64? {
        try await harness.fixture.redis.send("GET", TelegramKeys.pollOffset).string.flatMap { Int64($0) }
    }

    @Test func theOffsetMovesOnlyAfterEnqueueingAndSurvivesARestart() async throws {
        try await TelegramHarness.run { harness in
            let fake = harness.fake
            let first = fake.addUpdate(message: FakeTelegram.message(chatId: 1, text: "uno"))
            fake.addUpdate(message: FakeTelegram.message(chatId: 2, text: "dos"))
            try await poller(harness).pollOnce()
            #expect(try await storedOffset(harness) == first + 2)
            #expect(try await harness.jobs(ChatMessageJob.self).map(\.payload.message).sorted() == ["dos", "uno"])

            // "Restart": a new poller (new process) continues from the stored offset; the
            // confirmed updates are not asked for again.
            let third = fake.addUpdate(message: FakeTelegram.message(chatId: 1, text: "tres"))
            try await poller(harness, holder: "frente-2").pollOnce()
            #expect(try await storedOffset(harness) == third + 1)
            #expect(try await harness.jobs(ChatMessageJob.self).count == 3)
            let offsets = fake.calls("getUpdates").compactMap {
                FakeTelegram.int64(FakeTelegram.parameters(of: $0)["offset"])
            }
            #expect(offsets == [first + 2])
        }
    }

    @Test func aCrashAfterEnqueueingBeforeTheOffsetMovedRepeatsNothing() async throws {
        try await TelegramHarness.run { harness in
            let fake = harness.fake
            fake.addUpdate(message: FakeTelegram.message(chatId: 1, text: "uno"))
            let second = fake.addUpdate(message: FakeTelegram.message(chatId: 2, text: "dos"))
            // The first process got the batch and enqueued it, then died before storing the offset.
            let batch = try await harness.client().getUpdates(offset: nil, timeout: 0)
            #expect(try await harness.intake().accept(batch) == 4)
            #expect(try await storedOffset(harness) == nil)
            // The next one is given the same updates again: no new job.
            try await poller(harness).pollOnce()
            #expect(try await storedOffset(harness) == second + 1)
            #expect(try await harness.jobs(ChatMessageJob.self).count == 2)
            #expect(try await harness.allJobs().count == 4)
        }
    }

    @Test func theServiceDeletesAWebhookPollsUntilShutdownAndHoldsTheLeaseAlone() async throws {
        try await TelegramHarness.run { harness in
            let fake = harness.fake
            try await harness.client().setWebhook(url: "https://ejemplo.com.co/telegram/webhook", secret: "abc")
            let running = try poller(harness, holder: "frente-1")
            let waiting = try poller(harness, holder: "frente-2")
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: running), .init(service: waiting)], gracefulShutdownSignals: [],
                    logger: harness.fixture.logger))
            let task = Task { try await group.run() }
            #expect(await eventually { fake.webhookURL == nil })
            let update = fake.addUpdate(message: FakeTelegram.message(chatId: 9, text: "¿Venden botas?"))
            #expect(await eventually { (try? await harness.jobs(ChatMessageJob.self).count) == 1 })
            #expect(await eventually { (try? await storedOffset(harness)) == update + 1 })
            // Only the lease holder polls: a second concurrent getUpdates would have cut the
            // first one off with a 409.
            try await Task.sleep(for: .milliseconds(1500))
            #expect(fake.supersededPolls == 0)
            let holder = try await harness.fixture.redis.send("GET", TelegramKeys.pollLease).string
            #expect(holder == "frente-1" || holder == "frente-2")
            await group.triggerGracefulShutdown()
            try await task.value
            #expect(try await harness.fixture.redis.send("GET", TelegramKeys.pollLease).isNull)
        }
    }
}
