import PostgresNIO
import Support

/// A call that got no pooled connection in time: the server is down or unreachable and the
/// pool could not (re)connect. The call fails instead of waiting for ever, so its job is
/// retried with its queue's backoff (maybe on another worker) and nothing hangs on a wedged pool.
public struct PostgresUnavailable: Error, CustomStringConvertible, Sendable {
    public var waited: Duration

    public var description: String {
        "PostgreSQL no entregó una conexión en \(waited.inSeconds) s (servidor caído o inalcanzable)"
    }
}

extension PostgresStore {
    /// Runs `body` on a pooled connection, waiting at most `leaseTimeout` for the connection
    /// (the body itself has no deadline: an export streams for as long as it takes). The
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
                        return .value(try await work.body(connection))
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: self.leaseTimeout)
                    return .timer
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
