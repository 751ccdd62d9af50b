import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline

@Suite("Shutdown without Redis")
struct ShutdownWithoutRedisTests {
    /// Reported: with Redis gone, a worker ignored SIGTERM for 15+ s (each connection waited
    /// out its reconnect window, one after another). Stopping must not wait for a Redis
    /// that is not there: the worker exits within its grace period.
    @Test func workerWhoseRedisIsGoneExitsOnSigtermWithinItsGrace() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let grace = 10
        let worker = try WorkerProcess(environment: fixture.environment, arguments: ["--grace", String(grace)])
        // A finished job proves the worker serves its queues (every connection is open).
        let job = try await fixture.jobs.enqueue(NoopJob())
        #expect(try await fixture.waitFor(job.id, state: .completed) != nil)

        fixture.redisServer.kill()
        // Let its connections notice (BLPOP waits up to 1 s) and start reconnecting.
        try await Task.sleep(for: .milliseconds(1_500))
        let start = ContinuousClock.now
        worker.terminate()
        let status = await worker.waitForExit(timeout: .seconds(grace))
        let elapsed = ContinuousClock.now - start
        #expect(status != nil, "sigue vivo \(elapsed) después de SIGTERM (gracia \(grace) s); log: \(worker.log)")
        #expect(status == 0, "log: \(worker.log)")
    }
}
