import Foundation
import Testing

@testable import FaultInjection
@testable import JobEngine
@testable import Pipeline

@Suite("Retries, backoff, retry-after, permanent failures, dead letters and re-drive")
struct RetryTests {
    @Test func transientFailuresAreRetriedWithBackoffUntilSuccess() async throws {
        let fixture = try await QueueFixture(overrides: [
            "noop": ["max_attempts": 3, "backoff": ["base_ms": 150, "cap_ms": 1000, "jitter": 0]]
        ])
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let job = try await fixture.jobs.enqueue(FaultJob(failures: 2))
        let done = try await fixture.waitFor(job.id, state: .completed)
        await worker.stop()
        #expect(done?.attempts == 3)
        #expect(try await fixture.stats("noop").retried == 2)
        // Two retries waited base and 2×base: at least 450 ms between enqueue and the end.
        let elapsed = done!.updated.timeIntervalSince(done!.created)
        #expect(elapsed >= 0.45, "los reintentos no esperaron el backoff: \(elapsed) s")
    }

    @Test func exhaustedJobsAreDeadLetteredWithPayloadAndErrorThenRedriven() async throws {
        let fixture = try await QueueFixture(overrides: [
            "noop": ["max_attempts": 3, "backoff": ["base_ms": 20, "cap_ms": 50, "jitter": 0]]
        ])
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let job = try await fixture.jobs.enqueue(FaultJob(failures: 3, seq: 7))
        let dead = try await fixture.waitFor(job.id, state: .dead)
        #expect(dead?.attempts == 3)
        #expect(dead?.error?.contains("agotó sus 3 intentos") == true)
        #expect(dead?.error?.contains("fallo transitorio simulado") == true)
        let (list, total) = try await fixture.jobs.deadJobs(queue: "noop")
        #expect(total == 1)
        #expect(list.first?.id == job.id)
        let payload = try #require(try await fixture.jobs.payload(of: job.id))
        #expect(try JobCoding.decode(FaultJob.self, from: payload) == FaultJob(failures: 3, seq: 7))

        // The fourth run succeeds (the payload fails only its first three runs).
        let redriven = try await fixture.jobs.redrive(queue: "noop")
        #expect(redriven == [job.id])
        let done = try await fixture.waitFor(job.id, state: .completed)
        await worker.stop()
        #expect(done?.attempts == 1)
        #expect(try await fixture.jobs.deadJobs(queue: "noop").total == 0)
        // Completed, the record keeps its state and result but not the payload (issue 21:
        // small records); the TTL is the queue's completed retention.
        #expect(try await fixture.jobs.payload(of: job.id) == nil)
        let ttl = try await fixture.redis.send("TTL", "vd:job:\(job.id)").int ?? -1
        #expect(ttl > 0 && ttl <= 120)
    }

    @Test func retryAfterDoesNotUseUpAttempts() async throws {
        let fixture = try await QueueFixture(overrides: ["noop": ["max_attempts": 1]])
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let job = try await fixture.jobs.enqueue(FaultJob(retryAfterS: 0.2, pauses: 3))
        // waitFor returns the last status it read when time runs out: a loaded machine once
        // left this job queued after its third pause (attempts 0) past the 20 s default.
        let done = try await fixture.waitFor(job.id, state: .completed, timeout: TestPaths.loadedWait)
        await worker.stop()
        #expect(done?.state == .completed, "\(String(describing: done))")
        // Three "retry after" outcomes and one run, with max_attempts 1: none used an attempt.
        #expect(done?.attempts == 1)
        #expect(try await fixture.stats("noop").retried == 3)
        let elapsed = done!.updated.timeIntervalSince(done!.created)
        #expect(elapsed >= 0.6, "no esperó lo pedido: \(elapsed) s")
    }

    @Test func permanentFailureSkipsRetries() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let job = try await fixture.jobs.enqueue(FaultJob(failAlways: true))
        let failed = try await fixture.waitFor(job.id, state: .failed)
        await worker.stop()
        #expect(failed?.attempts == 1)
        #expect(failed?.error == "fallo permanente simulado")
        #expect(try await fixture.jobs.deadJobs(queue: "noop").total == 0)
        #expect(try await fixture.stats("noop").failed == 1)
    }

    @Test func backoffGrowsExponentiallyAndIsCapped() throws {
        let definition = try QueueDefinition.parse(
            Data(
                #"{"name":"q","concurrency":1,"batch_size":1,"max_attempts":5,"backoff":{"base_ms":100,"cap_ms":1000,"jitter":0.5},"visibility_timeout_ms":1000,"ordering_key":null,"rate_limit_per_s":0,"idempotency_window_s":10,"retention":{"completed_s":60,"dead_s":60}}"#
                    .utf8), file: "/x/q.json")
        #expect(definition.retryDelayMs(afterAttempt: 1, random: 1) == 100)
        #expect(definition.retryDelayMs(afterAttempt: 2, random: 1) == 200)
        #expect(definition.retryDelayMs(afterAttempt: 3, random: 0) == 200)  // 400 with half jitter at 0
        #expect(definition.retryDelayMs(afterAttempt: 9, random: 1) == 1000)
    }
}
