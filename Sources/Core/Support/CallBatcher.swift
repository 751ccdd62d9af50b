import Synchronization

/// Groups concurrent calls into batches: a caller that finds fewer than `maxInFlight`
/// batches in flight becomes a sender and sends everything queued (its own item included)
/// until nothing is left; the others wait for their result. Under no load a call goes out
/// at once; under load one round trip carries many calls, and with `maxInFlight` > 1 the
/// next batch is already on its way while Redis runs the previous one.
///
/// Order: a call that has returned was applied before any call made after it; calls that
/// overlap in time have no order between them (two batches in flight may reach Redis either
/// way round), which is all a caller can observe anyway.
final class CallBatcher<Item: Sendable, Output: Sendable>: Sendable {
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

    private let state = Mutex<(pending: [Ticket], sending: Int)>(([], 0))
    private let maxPerCall: Int
    private let maxInFlight: Int
    /// Sends one batch; returns one output per item, in order.
    private let send: @Sendable ([Item]) async -> [Output]

    init(maxPerCall: Int, maxInFlight: Int = 1, send: @escaping @Sendable ([Item]) async -> [Output]) {
        self.maxPerCall = maxPerCall
        self.maxInFlight = max(1, maxInFlight)
        self.send = send
    }

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
            let batch = state.withLock { state -> [Ticket] in
                let count = min(state.pending.count, maxPerCall)
                let batch = Array(state.pending.prefix(count))
                state.pending.removeFirst(count)
                if batch.isEmpty { state.sending -= 1 }
                return batch
            }
            if batch.isEmpty { return }
            let outputs = await send(batch.map(\.item))
            for (ticket, output) in zip(batch, outputs) { ticket.fulfil(output) }
        }
    }
}
