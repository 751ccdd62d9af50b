import Logging
import Synchronization

/// Groups job outcomes of one queue into single finish.lua calls. The first caller that
/// finds no flush running becomes the flusher and sends everything queued, its own record
/// included, until nothing is left; the others wait for their acknowledgement.
final class FinishBatcher: Sendable {
    private final class Ticket: Sendable {
        let record: FinishRecord
        private let state = Mutex<(done: Bool?, waiter: CheckedContinuation<Bool, Never>?)>((nil, nil))

        init(_ record: FinishRecord) { self.record = record }

        func fulfil(_ applied: Bool) {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                state.done = applied
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: applied)
        }

        func value() async -> Bool {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Bool? in
                    if let done = state.done { return done }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    private let queue: QueueDefinition
    private let client: JobClient
    private let logger: Logger
    private let state = Mutex<(pending: [Ticket], flushing: Bool)>(([], false))
    private let maxPerCall = 512

    init(queue: QueueDefinition, client: JobClient, logger: Logger) {
        self.queue = queue
        self.client = client
        self.logger = logger
    }

    /// Records the outcome; returns false when the job had been taken over by another
    /// worker (stale lease) or Redis stayed unreachable until shutdown.
    func finish(_ record: FinishRecord) async -> Bool {
        let ticket = Ticket(record)
        let lead = state.withLock { state -> Bool in
            state.pending.append(ticket)
            if state.flushing { return false }
            state.flushing = true
            return true
        }
        if lead { await flushUntilEmpty() }
        return await ticket.value()
    }

    private func flushUntilEmpty() async {
        while true {
            let batch = state.withLock { state -> [Ticket] in
                let count = min(state.pending.count, maxPerCall)
                let batch = Array(state.pending.prefix(count))
                state.pending.removeFirst(count)
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            if batch.isEmpty { return }
            let results = await send(batch.map(\.record))
            for (ticket, applied) in zip(batch, results) { ticket.fulfil(applied) }
        }
    }

    /// Sends one finish.lua call, retrying while Redis is unreachable. Resending is safe:
    /// a record already applied no longer matches its lease and is ignored.
    private func send(_ records: [FinishRecord]) async -> [Bool] {
        var arguments = [
            String(Clock.nowMs()), queue.name, String(queue.completedRetentionSeconds),
            String(queue.deadRetentionSeconds), String(records.count),
        ]
        arguments.reserveCapacity(arguments.count + records.count * 8)
        for record in records { record.append(to: &arguments) }
        var delayMs = 100
        while true {
            do {
                let reply = try await client.redis.run(client.scripts.finish, arguments: arguments)
                let flags = reply.array ?? []
                return records.indices.map { flags.indices.contains($0) && flags[$0].int == 1 }
            } catch {
                logger.warning(
                    "No se pudo confirmar \(records.count) trabajos de \(queue.name): \(error); reintentando")
                if Task.isCancelled { return records.map { _ in false } }
                try? await Task.sleep(for: .milliseconds(delayMs))
                delayMs = min(delayMs * 2, 2_000)
            }
        }
    }
}
