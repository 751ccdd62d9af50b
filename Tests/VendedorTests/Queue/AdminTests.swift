import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline

@Suite("Rate limits, stats and the worker registry")
struct AdminTests {
    @Test func rateLimitSpreadsJobsOverSecondsWithoutUsingAttempts() async throws {
        let fixture = try await QueueFixture(overrides: ["noop": ["rate_limit_per_s": 5, "max_attempts": 1]])
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let jobs = try await fixture.jobs.enqueue((0..<12).map { _ in try NewJob(NoopJob()) })
        var startedAt: [Int] = []
        for job in jobs {
            let status = try await fixture.waitFor(job.id, state: .completed)
            #expect(status?.attempts == 1)
            let admitted = try await fixture.redis.send("HGET", QueueKeys.job(job.id), "inicio")
            startedAt.append(try #require(admitted.int))
        }
        await worker.stop()
        // Admission times are the limiter's own clock: at most 5 per second window, so 12
        // jobs need at least three windows (without the limit all start at once).
        let perWindow = Dictionary(grouping: startedAt, by: { $0 / 1000 }).mapValues(\.count)
        #expect(perWindow.count >= 3, "ventanas: \(perWindow)")
        #expect(perWindow.values.allSatisfy { $0 <= 5 }, "ventanas: \(perWindow)")
    }

    @Test func statsAndLiveWorkersReflectWhatHappened() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        _ = try await fixture.jobs.enqueue((0..<5).map { _ in try NewJob(NoopJob()) })
        let before = try await fixture.stats("noop")
        #expect(before.pendingCount == 5)
        #expect(before.processed == 0)
        let worker = try InProcessWorker(fixture)
        #expect(try await eventually { try await fixture.stats("noop").processed == 5 })
        // The registry is refreshed by the worker's heartbeat: on a starved machine (this
        // test once took 127 s in a full run on 2 cores) the entry may lapse between two beats
        // and come back with the next one.
        #expect(
            try await eventually {
                try await fixture.jobs.liveWorkers().contains {
                    $0.id == worker.service.id && $0.queues.contains("noop")
                }
            })
        let after = try await fixture.stats("noop")
        #expect(after.pendingCount == 0)
        #expect(after.inFlight == 0)
        #expect(after.perMinute >= 0)
        await worker.stop()
        #expect(try await fixture.jobs.liveWorkers().allSatisfy { $0.id != worker.service.id })
    }
}
