import Foundation
import Testing

@testable import FaultInjection
@testable import JobEngine
@testable import Pipeline

@Suite("Redis restarts")
struct RedisRestartTests {
    @Test func nothingAcknowledgedIsLostWhenRedisIsKilledDuringLoad() async throws {
        // A start whose reply was lost in the crash is taken over after the visibility
        // timeout: keep it short so the test does not wait 30 s for that.
        let fixture = try await QueueFixture(overrides: ["noop": ["visibility_timeout_ms": 2000]])
        defer { fixture.tearDown() }
        let worker = try WorkerProcess(environment: fixture.environment, binary: WorkerProcess.withFaults)
        // Enqueue continuously from another task while Redis is killed and brought back, so
        // calls are in flight at the crash. Phases are counted, not timed: the machine may be
        // slow.
        let tally = Tally()
        let jobs = fixture.jobs
        let loader = Task {
            while await !tally.stopped {
                do {
                    let batch = try (0..<20).map { _ in try NewJob(FaultJob(sleepMs: 1)) }
                    let ids = try await jobs.enqueue(batch).map(\.id)
                    await tally.acknowledge(ids)
                } catch {
                    await tally.fail()
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
        }
        #expect(await eventually { await tally.batches >= 5 }, "la carga no arrancó")
        fixture.redisServer.kill()
        try await Task.sleep(for: .milliseconds(500))
        try await fixture.redisServer.start()
        await tally.markRestart()
        _ = await eventually(timeout: TestPaths.loadedWait) { await tally.afterRestart >= 5 }
        await tally.stop()
        _ = await loader.value
        let acknowledged = await tally.acknowledged
        let afterRestart = await tally.afterRestart
        #expect(afterRestart > 0, "el cliente no se reconectó")
        for id in acknowledged {
            let status = try await fixture.waitFor(id, state: .completed, timeout: TestPaths.loadedWait)
            #expect(status?.state == .completed, "trabajo confirmado \(id) perdido o atascado")
        }
        #expect(acknowledged.count >= 200)
        worker.terminate()
        _ = await worker.waitForExit(timeout: .seconds(15))
    }

    @Test func workersRecreateTheirGroupsWhenRedisLostEverything() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let before = try await fixture.jobs.enqueue(NoopJob())
        #expect(try await fixture.waitFor(before.id, state: .completed) != nil)
        try await fixture.redis.send("FLUSHALL")
        let after = try await fixture.jobs.enqueue(NoopJob())
        #expect(try await fixture.waitFor(after.id, state: .completed) != nil)
        await worker.stop()
    }
}

/// What the loader of the restart test saw.
private actor Tally {
    var acknowledged: [String] = []
    var batches = 0
    var failures = 0
    var afterRestart = 0
    var restarted = false
    var stopped = false

    func acknowledge(_ ids: [String]) {
        acknowledged += ids
        batches += 1
        if restarted { afterRestart += 1 }
    }

    func fail() { failures += 1 }
    func markRestart() { restarted = true }
    func stop() { stopped = true }
}
