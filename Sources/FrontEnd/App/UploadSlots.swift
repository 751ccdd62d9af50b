import Synchronization

/// At most `capacity` uploads (photos, voice notes) read into memory at once in this process
/// (`MAX_CONCURRENT_UPLOADS`): an upload over the cap is answered 503 with `Retry-After`
/// before its body is read, so uploads cannot fill the front end's memory (issue 16).
final class UploadSlots: Sendable {
    let capacity: Int
    private let taken = Mutex(0)

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Takes a slot, or nil when all are taken.
    func take() -> Slot? {
        let granted = taken.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        return granted ? Slot(owner: self) : nil
    }

    fileprivate func release() {
        taken.withLock { $0 -= 1 }
    }

    var inUse: Int { taken.withLock { $0 } }

    /// A taken slot; given back when released (or when dropped without it).
    final class Slot: Sendable {
        private let owner: UploadSlots
        private let released = Mutex(false)

        fileprivate init(owner: UploadSlots) {
            self.owner = owner
        }

        func release() {
            let first = released.withLock { done in
                defer { done = true }
                return !done
            }
            if first { owner.release() }
        }

        deinit { release() }
    }
}
