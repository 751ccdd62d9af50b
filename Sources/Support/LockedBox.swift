import Synchronization

/// A value shared by reference between closures that may run on other threads, behind a
/// lock: what a batch made on the Redis connection's thread took, read back by its sender
/// after the call (`CallBatcher`, `JobClient`, `FinishBatcher`, `RedisClient`).
package final class LockedBox<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    package init(_ initial: Value) {
        mutex = Mutex(initial)
    }

    package var value: Value { mutex.withLock { $0 } }

    package func set(_ newValue: Value) {
        mutex.withLock { $0 = newValue }
    }
}
