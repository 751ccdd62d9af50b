import PostgresNIO
import Support
import Synchronization

/// A call that got no pooled connection in time: the pool granted no connection to anyone
/// for the whole wait (the server is down or unreachable and the pool could not (re)connect).
/// The call fails instead of waiting for ever, so its job is retried with its queue's backoff
/// (maybe on another worker) and nothing hangs on a wedged pool.
public struct PostgresUnavailable: Error, CustomStringConvertible, Sendable {
    public var waited: Duration

    public var description: String {
        "PostgreSQL no entregó una conexión en \(waited.inSeconds) s (servidor caído o inalcanzable)"
    }
}

extension PostgresStore {
    /// Runs `body` on a pooled connection, waiting for the connection as long as the pool
    /// keeps granting connections to other calls, and at most `leaseTimeout` without a single
    /// grant (the body itself has no deadline: an export streams for as long as it takes). A
    /// busy pool — every connection in use, calls queued behind a locked row — is not a down
    /// server: under load the queue may take longer than `leaseTimeout` to reach a call. The
    /// lease and a timer race in a task group; postgres-nio cancels a lease request whose task
    /// is cancelled. A lease granted just as the timer fired still runs and its result wins.
    func withLeasedConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { body in
            // The group's children end before this scope does, so `body` never outlives it.
            let work = LeaseWork(body: body)
            let leased = LockedBox(false)
            return try await withThrowingTaskGroup(of: LeaseRace<T>.self) { group in
                group.addTask {
                    try await self.client.withConnection { connection in
                        leased.set(true)
                        self.leasesGranted.add(1, ordering: .relaxed)
                        return .value(try await work.body(connection))
                    }
                }
                group.addTask {
                    var granted = self.leasesGranted.load(ordering: .relaxed)
                    while true {
                        try? await Task.sleep(for: self.leaseTimeout)
                        let now = self.leasesGranted.load(ordering: .relaxed)
                        if now == granted || Task.isCancelled { return .timer }
                        granted = now
                    }
                }
                while let next = try await group.next() {
                    switch next {
                    case .value(let value):
                        group.cancelAll()
                        return value
                    case .timer where leased.value:
                        continue
                    case .timer:
                        group.cancelAll()
                        do {
                            if case .value(let value)? = try await group.next() { return value }
                        } catch  where leased.value {
                            throw error
                        } catch {}
                        throw PostgresUnavailable(waited: leaseTimeout)
                    }
                }
                throw CancellationError()
            }
        }
    }
}

private enum LeaseRace<T: Sendable>: Sendable {
    case value(T)
    case timer
}

/// The caller's body, handed to the group's child that holds the lease. Unchecked: the
/// closure runs once, in that child, while the caller waits for it.
private struct LeaseWork<T>: @unchecked Sendable {
    let body: (PostgresConnection) async throws -> T
}
