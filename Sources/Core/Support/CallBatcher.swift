import Synchronization

/// Groups concurrent calls into batches: the first caller that finds no batch in flight
/// becomes the sender and sends everything queued (its own item included) until nothing
/// is left; the others wait for their result. Under no load a call goes out at once; under
/// load one round trip carries many calls.
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

    private let state = Mutex<(pending: [Ticket], sending: Bool)>(([], false))
    private let maxPerCall: Int
    /// Sends one batch; returns one output per item, in order.
    private let send: @Sendable ([Item]) async -> [Output]

    init(maxPerCall: Int, send: @escaping @Sendable ([Item]) async -> [Output]) {
        self.maxPerCall = maxPerCall
        self.send = send
    }

    func submit(_ item: Item) async -> Output {
        let ticket = Ticket(item)
        let lead = state.withLock { state -> Bool in
            state.pending.append(ticket)
            if state.sending { return false }
            state.sending = true
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
                if batch.isEmpty { state.sending = false }
                return batch
            }
            if batch.isEmpty { return }
            let outputs = await send(batch.map(\.item))
            for (ticket, output) in zip(batch, outputs) { ticket.fulfil(output) }
        }
    }
}
