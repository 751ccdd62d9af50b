import Core
import Foundation
import Testing

@Suite("Redis restarts")
struct RedisRestartTests {
    @Test func nothingAcknowledgedIsLostWhenRedisIsKilledDuringLoad() async throws {
        // A start whose reply was lost in the crash is taken over after the visibility
        // timeout: keep it short so the test does not wait 30 s for that.
        let fixture = try await QueueFixture(overrides: ["noop": ["visibility_timeout_ms": 2000]])
        defer { fixture.tearDown() }
        let worker = try WorkerProcess(environment: fixture.environment)
        var acknowledged: [String] = []
        var failures = 0
        var afterRestart = 0
        let start = ContinuousClock.now
        var restarted = false
        // Enqueue for ~3 s; kill Redis after 1 s and bring it back 0.5 s later.
        while ContinuousClock.now - start < .seconds(3) {
            if !restarted && ContinuousClock.now - start > .seconds(1) {
                fixture.redisServer.kill()
                try await Task.sleep(for: .milliseconds(500))
                try fixture.redisServer.start()
                restarted = true
            }
            do {
                let batch = try (0..<20).map { _ in try NewJob(NoopJob(dormir_ms: 1)) }
                acknowledged += try await fixture.jobs.enqueue(batch).map(\.id)
                if restarted { afterRestart += 1 }
            } catch {
                failures += 1
            }
        }
        #expect(afterRestart > 0, "el cliente no se reconectó")
        for id in acknowledged {
            let status = try await fixture.waitFor(id, estado: "completado", timeout: .seconds(60))
            #expect(status?.estado == "completado", "trabajo confirmado \(id) perdido o atascado")
        }
        #expect(acknowledged.count > 100)
        worker.terminate()
        _ = await worker.waitForExit(timeout: .seconds(15))
    }

    @Test func workersRecreateTheirGroupsWhenRedisLostEverything() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let before = try await fixture.jobs.enqueue(NoopJob())
        #expect(try await fixture.waitFor(before.id, estado: "completado") != nil)
        try await fixture.redis.send("FLUSHALL")
        let after = try await fixture.jobs.enqueue(NoopJob())
        #expect(try await fixture.waitFor(after.id, estado: "completado", timeout: .seconds(30)) != nil)
        await worker.stop()
    }
}
