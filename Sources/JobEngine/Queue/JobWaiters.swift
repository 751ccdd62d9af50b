import Foundation
import Logging
import Synchronization

/// Lets requests wait for a job to finish without polling: one SUBSCRIBE connection per
/// process listens on `vd:done`; finishing scripts publish there only for awaited jobs.
///
/// A waiter is armed before the job is read, so a completion published between the read
/// and the wait still wakes it.
public final class JobWaiters: Sendable {
    private struct Armed {
        var woken = false
        var continuation: CheckedContinuation<Void, Never>?
    }

    private struct State {
        var next = 0
        var byJob: [String: [Int: Armed]] = [:]
    }

    private let client: JobClient
    private let state = Mutex(State())
    private let subscriber = Mutex<RedisSubscriber?>(nil)

    public init(client: JobClient) {
        self.client = client
    }

    /// Starts listening. Call once; `stop()` ends it.
    public func start() {
        guard subscriber.withLock({ $0 == nil }) else { return }
        let subscriber = RedisSubscriber(
            url: client.redis.url, channels: [QueueKeys.doneChannel], logger: client.logger,
            onMessage: { [weak self] _, id in self?.wake(id) },
            onReconnect: { [weak self] in self?.wakeAll() })
        self.subscriber.withLock { $0 = subscriber }
    }

    public func stop() {
        subscriber.withLock { $0?.stop() }
        wakeAll()
    }

    /// Returns the job's status once it is finished or `timeout` has passed (nil if the
    /// job does not exist).
    public func wait(for id: String, timeout: Duration) async throws -> JobStatus? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let token = arm(id)
            let status: JobStatus?
            do {
                status = try await client.watch(id)
            } catch {
                disarm(id, token)
                throw error
            }
            guard let status, !status.isFinished, ContinuousClock.now < deadline else {
                disarm(id, token)
                return status
            }
            await sleep(id, token, until: deadline)
        }
    }

    private func arm(_ id: String) -> Int {
        state.withLock { state in
            state.next += 1
            state.byJob[id, default: [:]][state.next] = Armed()
            return state.next
        }
    }

    /// Removes the waiter and resumes it if it is suspended.
    private func disarm(_ id: String, _ token: Int) {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            let armed = state.byJob[id]?.removeValue(forKey: token)
            if state.byJob[id]?.isEmpty == true { state.byJob[id] = nil }
            return armed?.continuation
        }
        continuation?.resume()
    }

    private func sleep(_ id: String, _ token: Int, until deadline: ContinuousClock.Instant) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let resumeNow = self.state.withLock { state -> Bool in
                        guard var armed = state.byJob[id]?[token], !armed.woken else { return true }
                        armed.continuation = continuation
                        state.byJob[id]?[token] = armed
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
            }
            await group.next()
            // Whichever came first, make sure the other child ends too.
            self.disarm(id, token)
            group.cancelAll()
        }
    }

    private func wake(_ id: String) {
        let continuations = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard var entries = state.byJob[id] else { return [] }
            var found: [CheckedContinuation<Void, Never>] = []
            for (token, var armed) in entries {
                armed.woken = true
                if let continuation = armed.continuation { found.append(continuation) }
                armed.continuation = nil
                entries[token] = armed
            }
            state.byJob[id] = entries
            return found
        }
        for continuation in continuations { continuation.resume() }
    }

    private func wakeAll() {
        let ids = state.withLock { Array($0.byJob.keys) }
        for id in ids { wake(id) }
    }
}
