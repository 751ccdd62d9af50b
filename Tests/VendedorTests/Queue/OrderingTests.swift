import Foundation
import Testing

@testable import FaultInjection
@testable import JobEngine
@testable import Pipeline

@Suite("Per-key ordering, idempotent enqueue and chains")
struct OrderingTests {
    @Test func sameKeyJobsRunOneAtATimeInOrderAcrossTwoWorkerProcesses() async throws {
        let fixture = try await QueueFixture(overrides: ["noop": ["ordering_key": "clave", "concurrency": 8]])
        defer { fixture.tearDown() }
        let workers = [
            try WorkerProcess(environment: fixture.environment, binary: WorkerProcess.withFaults),
            try WorkerProcess(environment: fixture.environment, binary: WorkerProcess.withFaults),
        ]
        // Both processes are up and reading before any job exists, so both take part.
        #expect(try await eventually { try await fixture.jobs.liveWorkers().count == 2 })
        let keys = ["chat-a", "chat-b", "chat-c", "chat-d"]
        var ids: [String] = []
        for seq in 0..<10 {
            var batch: [NewJob] = []
            for key in keys {
                batch.append(try NewJob(FaultJob(sleepMs: Int.random(in: 0...25), mark: key, seq: seq, key: key)))
            }
            ids += try await fixture.jobs.enqueue(batch).map(\.id)
        }
        for id in ids {
            #expect(try await fixture.waitFor(id, state: .completed, timeout: TestPaths.loadedWait) != nil)
        }
        for key in keys {
            let expected = (0..<10).flatMap { ["inicio:\($0)", "fin:\($0)"] }
            #expect(try await fixture.marks(key) == expected, "orden de \(key)")
        }
        // Both processes took part.
        var takers = Set<String>()
        for id in ids {
            let result = try JobCoding.decode(
                NoopJob.Result.self, from: try #require(try await fixture.status(id)?.result))
            takers.insert(result.worker)
        }
        #expect(takers.count == 2)
        for worker in workers { worker.terminate() }
        for worker in workers { _ = await worker.waitForExit(timeout: .seconds(15)) }
    }

    @Test func followUpsOnTheSameKeyKeepTheirParentsTurnAcrossQueues() async throws {
        // A chat's photo (queue noop) whose text goes on to another queue (noop2) must be
        // answered before the chat's next message, queued meanwhile.
        let ordered: [String: Any] = ["ordering_key": "clave"]
        let fixture = try await QueueFixture(overrides: ["noop": ordered, "noop2": ordered], copies: ["noop2": "noop"])
        defer { fixture.tearDown() }
        let photo = try await fixture.jobs.enqueue(
            FaultJob(sleepMs: 200, followUps: 2, mark: "chat-z", seq: 0, key: "chat-z", followUpQueue: "noop2"))
        let next = try await fixture.jobs.enqueue(FaultJob(mark: "chat-z", seq: 10, key: "chat-z"))
        let other = try await fixture.jobs.enqueue(FaultJob(mark: "chat-y", seq: 0, key: "chat-y"))
        let worker = try InProcessWorker(fixture, extraQueues: ["noop2"])
        #expect(try await fixture.waitFor(photo.id, state: .completed) != nil)
        #expect(try await fixture.waitFor(next.id, state: .completed) != nil)
        #expect(try await fixture.waitFor(other.id, state: .completed) != nil)
        await worker.stop()
        #expect(
            try await fixture.marks("chat-z") == [
                "inicio:0", "fin:0", "inicio:1", "fin:1", "inicio:2", "fin:2", "inicio:10", "fin:10",
            ])
        #expect(try await fixture.stats("noop2").processed == 2)
        #expect(try await fixture.redis.send("EXISTS", "vd:o:chat-z").int == 0)
    }

    @Test func aDeadLetterWithAReplyStillSendsItInTheJobsTurn() async throws {
        // A photo that could not be read: the notice to the customer (queue noop2, served
        // only later) keeps the photo's turn, the job is dead-lettered, and it shows the notice.
        let ordered: [String: Any] = ["ordering_key": "clave"]
        let fixture = try await QueueFixture(overrides: ["noop": ordered, "noop2": ordered], copies: ["noop2": "noop"])
        defer { fixture.tearDown() }
        let photo = try await fixture.jobs.enqueue(
            FaultJob(
                followUps: 1, dieWithReply: true, mark: "chat-m", seq: 0, key: "chat-m", followUpQueue: "noop2"))
        let next = try await fixture.jobs.enqueue(FaultJob(mark: "chat-m", seq: 10, key: "chat-m"))
        let worker = try InProcessWorker(fixture)
        #expect(try await eventually { try await fixture.jobs.deadJobs(queue: "noop").jobs.map(\.id) == [photo.id] })
        let record = try await fixture.redis.send("HMGET", QueueKeys.job(photo.id), "resultado", "error")
        #expect(record.array?.first?.string == #"{"respuesta":"aviso"}"#)
        #expect(record.array?.last?.string?.contains("muerte simulada") == true)
        // The chat's next message waits for the notice.
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await fixture.status(next.id)?.state == .queued)
        let notices = try InProcessWorker(fixture, extraQueues: ["noop2"])
        #expect(try await fixture.waitFor(next.id, state: .completed) != nil)
        #expect(try await fixture.waitFor(photo.id, state: .dead) != nil)
        await worker.stop()
        await notices.stop()
        #expect(try await fixture.marks("chat-m") == ["inicio:0", "inicio:1", "fin:1", "inicio:10", "fin:10"])
    }

    @Test func aKeyIsNotBlockedByAJobWhoseRecordVanished() async throws {
        let fixture = try await QueueFixture(overrides: ["noop": ["ordering_key": "clave"]])
        defer { fixture.tearDown() }
        let lost = try await fixture.jobs.enqueue(FaultJob(key: "chat-x"))
        let next = try await fixture.jobs.enqueue(FaultJob(key: "chat-x"))
        try await fixture.redis.send("DEL", QueueKeys.job(lost.id))
        let worker = try InProcessWorker(fixture)
        #expect(try await fixture.waitFor(next.id, state: .completed) != nil)
        await worker.stop()
        let dead = try await fixture.jobs.deadJobs(queue: "noop").jobs
        #expect(dead.count == 1)
        #expect(dead.first?.error?.contains("no existe") == true)
    }

    @Test func sameIdempotencyKeyGivesTheSameJobOnce() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let first = try await fixture.jobs.enqueue(FaultJob(seq: 1), idempotencyKey: "pedido-42")
        let again = try await fixture.jobs.enqueue(FaultJob(seq: 2), idempotencyKey: "pedido-42")
        let other = try await fixture.jobs.enqueue(FaultJob(seq: 3), idempotencyKey: "pedido-43")
        #expect(first.created)
        #expect(!again.created)
        #expect(again.id == first.id)
        #expect(other.id != first.id)
        #expect(try await fixture.redis.send("LLEN", QueueKeys.ready("noop")).int == 2)
        let payload = try JobCoding.decode(
            FaultJob.self, from: try #require(try await fixture.jobs.payload(of: first.id)))
        #expect(payload.seq == 1)

        let worker = try InProcessWorker(fixture)
        #expect(try await fixture.waitFor(first.id, state: .completed) != nil)
        #expect(try await fixture.waitFor(other.id, state: .completed) != nil)
        await worker.stop()
        #expect(try await fixture.stats("noop").processed == 2)
    }

    @Test func rootFinishesWhenItsChainDoes() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let worker = try InProcessWorker(fixture)
        let root = try await fixture.jobs.enqueue(FaultJob(sleepMs: 300, followUps: 2, mark: "cadena"))
        let waiters = JobWaiters(client: fixture.jobs)
        waiters.start()
        let finished = try await waiters.wait(for: root.id, timeout: TestPaths.loadedWait)
        waiters.stop()
        await worker.stop()
        #expect(finished?.state == .completed)
        // Both follow-ups ran before the root counted as finished.
        #expect(
            try await fixture.marks("cadena").filter { $0.hasPrefix("fin:") }.sorted() == ["fin:0", "fin:1", "fin:2"])
        #expect(try await fixture.stats("noop").processed == 3)
        let result = try JobCoding.decode(NoopJob.Result.self, from: try #require(finished?.result))
        #expect(result.attempt == 1)
    }
}
