import Synchronization

/// Caps the `GET /jobs/{id}?wait=S` polls held open at once (issue 16): `capacity` in the
/// process (`MAX_WAIT_POLLS`) and `perToken` for one token (`MAX_WAIT_POLLS_PER_TOKEN`). A
/// poll over a cap is answered 429 at once (the caller may poll without `wait`).
final class WaitPolls: Sendable {
    let capacity: Int
    let perToken: Int
    private let state = Mutex<(total: Int, byToken: [String: Int])>((0, [:]))

    init(capacity: Int, perToken: Int) {
        self.capacity = max(1, capacity)
        self.perToken = max(1, perToken)
    }

    /// Counts a poll in; false when a cap is reached (nothing counted then).
    func enter(_ token: String) -> Bool {
        state.withLock { state in
            let mine = state.byToken[token, default: 0]
            guard state.total < capacity, mine < perToken else { return false }
            state.total += 1
            state.byToken[token] = mine + 1
            return true
        }
    }

    func leave(_ token: String) {
        state.withLock { state in
            state.total -= 1
            let mine = state.byToken[token, default: 1] - 1
            state.byToken[token] = mine > 0 ? mine : nil
        }
    }

    var open: Int { state.withLock { $0.total } }
}
