import Synchronization

/// A counting semaphore for async code: at most `capacity` jobs run at once.
final class AsyncSlots: Sendable {
    private struct State {
        var free: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        self.state = Mutex(State(free: capacity))
    }

    /// Waits until at least one slot is free and returns how many are.
    func waitForFree() async -> Int {
        while true {
            let free = state.withLock { $0.free }
            if free > 0 { return free }
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.free > 0 { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// Takes a slot without waiting (the caller checked with `waitForFree`).
    func take() {
        state.withLock { $0.free -= 1 }
    }

    func give() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.free += 1
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    var inUse: Int { state.withLock { capacity - $0.free } }

    var free: Int { state.withLock { $0.free } }
}
