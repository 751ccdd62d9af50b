import Support
import Synchronization

/// Groups concurrent calls into batches: a caller that finds fewer than `maxInFlight`
/// batches in flight becomes a sender and sends everything queued (its own item included)
/// until nothing is left; the others wait for their result. Under no load a call goes out
/// at once; under load one round trip carries many calls, and with `maxInFlight` > 1 the
/// next batch is already queued while Redis runs the previous one.
///
/// A sender takes its items through `take` when it is about to write them (`init(sendLate:)`),
/// not when it starts: a batch queued behind another one then carries everything that
/// arrived while the other ran, instead of the one or two calls that were there when it
/// was queued (measured under the ingest benchmark: a quarter of the script calls carried
/// a single message, each costing Redis a turn and an fsync).
///
/// Order: a call that has returned was applied before any call made after it; calls that
/// overlap in time have no order between them (two batches in flight may reach Redis either
/// way round), which is all a caller can observe anyway.
final class CallBatcher<Item: Sendable, Output: Sendable>: Sendable {
    /// Removes and returns the queued items (at most `maxPerCall`); call it once.
    typealias Take = @Sendable () -> [Item]

    private final class Ticket: Sendable {
        let item: Item
        private let state = Mutex<(done: Output?, waiter: CheckedContinuation<Output, Never>?)>((nil, nil))

        init(_ item: Item) { self.item = item }

        func fulfil(_ output: Output) {
            let waiter = state.withLock { state -> CheckedContinuation<Output, Never>? in
                state.done = output
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: output)
        }

        func value() async -> Output {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Output? in
                    if let done = state.done { return done }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    /// What one send took: its tickets, and whether it found nothing and gave up its slot.
    private typealias Taken = LockedBox<(tickets: [Ticket], released: Bool, called: Bool)>

    private let state = Mutex<(pending: [Ticket], sending: Int)>(([], 0))
    private let maxPerCall: Int
    private let maxInFlight: Int
    /// Sends one batch: calls `take` once, when ready to write, and returns one output per
    /// item it took, in order (none when it took none).
    private let send: @Sendable (_ take: @escaping Take) async -> [Output]

    init(
        maxPerCall: Int, maxInFlight: Int = 1, sendLate: @escaping @Sendable (_ take: @escaping Take) async -> [Output]
    ) {
        self.maxPerCall = maxPerCall
        self.maxInFlight = max(1, maxInFlight)
        self.send = sendLate
    }

    /// A batcher whose sender's items are fixed when it starts sending.
    convenience init(maxPerCall: Int, maxInFlight: Int = 1, send: @escaping @Sendable ([Item]) async -> [Output]) {
        self.init(maxPerCall: maxPerCall, maxInFlight: maxInFlight) { take in
            let items = take()
            return items.isEmpty ? [] : await send(items)
        }
    }

    /// Calls waiting for a sender to take them.
    var queuedCount: Int { state.withLock { $0.pending.count } }

    func submit(_ item: Item) async -> Output {
        let ticket = Ticket(item)
        let lead = state.withLock { state -> Bool in
            state.pending.append(ticket)
            if state.sending >= maxInFlight { return false }
            state.sending += 1
            return true
        }
        if lead { await sendUntilEmpty() }
        return await ticket.value()
    }

    private func sendUntilEmpty() async {
        while true {
            let taken = Taken(([], false, false))
            let outputs = await send { [self] in takeBatch(into: taken) }
            let (tickets, released, called) = taken.value
            precondition(called, "CallBatcher: the sender returned without taking its items")
            for (ticket, output) in zip(tickets, outputs) { ticket.fulfil(output) }
            if released { return }
        }
    }

    /// Takes the next batch; with nothing queued, gives up the sender's slot in the same step
    /// (a caller arriving after it then becomes a sender itself).
    private func takeBatch(into taken: Taken) -> [Item] {
        if taken.value.called { return [] }
        let batch = state.withLock { state -> [Ticket] in
            let count = min(state.pending.count, maxPerCall)
            let batch = Array(state.pending.prefix(count))
            state.pending.removeFirst(count)
            if batch.isEmpty { state.sending -= 1 }
            return batch
        }
        taken.set((batch, batch.isEmpty, true))
        return batch.map(\.item)
    }
}
