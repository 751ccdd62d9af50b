/// Waiting on something outside the process (a model, embeddings, Telegram, a callback,
/// another job) without holding a CPU slot.
///
/// The job engine runs a queue's handlers under a bounded number of CPU slots (the queue's
/// `cpu_concurrency`) and sets `hook` for the handler's task. A caller about to wait outside
/// wraps the wait in `OutsideWait.around`: the slot is given back for the wait and taken
/// again (waiting for one if all are busy) before the handler goes on. Without a hook (tests,
/// the front end, queues whose CPU slots equal their concurrency) `around` just runs `body`.
public enum OutsideWait {
    /// What the engine does around a wait (see `QueueProcessor`).
    public protocol Hook: Sendable {
        /// The job leaves its CPU slot.
        func leave()
        /// The job takes a CPU slot again, waiting for one if all are busy.
        func reenter() async
        /// The job starts (+1) or stops (-1) waiting for a provider's permit: while any job
        /// of the queue waits for one, the queue takes no more jobs (they wait in Redis).
        func waitingForPermit(_ delta: Int)
    }

    @TaskLocal public static var hook: (any Hook)?

    /// Runs `body` outside the caller's CPU slot. Nested calls leave the slot once.
    public static func around<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard let hook else { return try await body() }
        hook.leave()
        let result: Result<T, any Error>
        do {
            result = .success(try await $hook.withValue(nil) { try await body() })
        } catch {
            result = .failure(error)
        }
        await hook.reenter()
        return try result.get()
    }

    /// Runs `body` (a wait for a provider's permit) counted as such by the queue.
    public static func waitingForPermit<T: Sendable>(
        _ hook: (any Hook)?, _ body: () async throws -> T
    ) async throws -> T {
        guard let hook else { return try await body() }
        hook.waitingForPermit(1)
        defer { hook.waitingForPermit(-1) }
        return try await body()
    }
}
