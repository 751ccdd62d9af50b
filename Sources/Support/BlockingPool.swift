import Foundation

/// Threads of its own for blocking calls (libcurl, SQLite, waitpid, file I/O).
///
/// On Linux, Swift's cooperative pool and GCD's global queues (and every `DispatchQueue`
/// that targets them) share one set of threads, about as many as cores: a blocking call
/// sent to a `DispatchQueue` there starves every task of the process until libdispatch
/// notices and adds a thread (about one per second). Work sent here runs on dedicated
/// threads, started on demand up to `maxThreads` and kept for reuse.
public final class BlockingPool: @unchecked Sendable {
    /// The process-wide pool every blocking caller shares.
    public static let shared = BlockingPool(name: "vendedor-bloqueante", maxThreads: 128)

    private let name: String
    private let maxThreads: Int
    private let condition = NSCondition()
    private var work: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    private var idle = 0

    public init(name: String, maxThreads: Int) {
        self.name = name
        self.maxThreads = max(1, maxThreads)
    }

    /// Runs `body` on a pool thread and returns its result to the awaiting task.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `body` on a pool thread; the caller does not wait.
    public func submit(_ body: @escaping @Sendable () -> Void) {
        condition.lock()
        work.append(body)
        let waiting = work.count - head
        if waiting > idle && threads < maxThreads {
            threads += 1
            condition.unlock()
            NamedThread.start(name) { [self] in loop() }
        } else {
            condition.signal()
            condition.unlock()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while head == work.count {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let body = work[head]
            head += 1
            if head == work.count {
                work.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            body()
        }
    }
}
