import Foundation
import Integrations
import Testing

@testable import Workers

@Suite("Telegram: the shared send limiter (Redis script)")
struct TelegramLimiterTests {
    func seconds(_ grant: TelegramRateLimiter.Grant) -> Double {
        switch grant {
        case .reserved(let wait), .busy(let wait): Double(wait) / 1_000_000
        }
    }

    @Test func aChatWaitsAFullIntervalFromItsLastMessageAndGroupsThreeSeconds() async throws {
        try await TelegramHarness.run { harness in
            // One message per 5 s per chat (Telegram's is 1 s), so that a busy machine taking
            // a second between two calls cannot pass the interval by itself; groups keep
            // Telegram's 20 per minute.
            var limiter = harness.limiter(TelegramRateLimits(perChatPerSecond: 0.2))
            limiter.maxWait = .seconds(60)
            guard case .reserved = try await limiter.reserve(chatId: 1, token: "a") else {
                Issue.record("el primer mensaje de un chat debía tener turno")
                return
            }
            let again = try await limiter.reserve(chatId: 1, token: "b")
            guard case .busy = again else {
                Issue.record("el segundo mensaje al mismo chat debía esperar")
                return
            }
            #expect(seconds(again) > 0 && seconds(again) <= 5.0)
            // Reported sent half a second after its slot (a slow request): the next message
            // waits a full interval from the report, not the 4.5 s left from the slot. (What
            // passed between the report and the reservation is subtracted.)
            try await Task.sleep(for: .milliseconds(500))
            let clock = ContinuousClock()
            let reported = clock.now
            try await limiter.sent(chatId: 1, token: "a")
            let wait = seconds(try await limiter.reserve(chatId: 1, token: "b"))
            let since = reported.duration(to: clock.now).components
            let elapsed = Double(since.seconds) + Double(since.attoseconds) / 1e18
            #expect(wait > 4.75 - elapsed, "\(wait)")
            // Another chat is not held up by chat 1.
            guard case .reserved = try await limiter.reserve(chatId: 2, token: "c") else {
                Issue.record("otro chat no debía esperar al chat 1")
                return
            }
            // A group waits 3 s (20 per minute); what a busy machine spends between the two
            // calls is subtracted, as above.
            let group: Int64 = -1_001_234_567_890_123
            let asked = clock.now
            guard case .reserved = try await limiter.reserve(chatId: group, token: "d") else {
                Issue.record("el primer mensaje al grupo debía tener turno")
                return
            }
            let groupWait = seconds(try await limiter.reserve(chatId: group, token: "e"))
            let sinceAsked = asked.duration(to: clock.now).components
            let groupElapsed = Double(sinceAsked.seconds) + Double(sinceAsked.attoseconds) / 1e18
            #expect(groupWait > 2.95 - groupElapsed && groupWait <= 3.1, "\(groupWait)")
        }
    }

    @Test func atMostThirtyMessagesCountInAnySecondEvenIfTheyAreSlow() async throws {
        try await TelegramHarness.run { harness in
            var limiter = harness.limiter()
            limiter.maxWait = .seconds(60)
            var reserved = 0
            for chat in 0..<30 {
                if case .reserved = try await limiter.reserve(chatId: Int64(100 + chat), token: "t\(chat)") {
                    reserved += 1
                }
            }
            #expect(reserved == 30)
            // All thirty still in flight: the thirty-first waits, however far the global slot is.
            guard case .busy = try await limiter.reserve(chatId: 500, token: "t30") else {
                Issue.record("el mensaje 31 del segundo debía esperar")
                return
            }
        }
    }
}
