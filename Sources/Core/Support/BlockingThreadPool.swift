import Foundation

/// Threads of its own for blocking C calls (`curl_easy_perform`), so they never occupy the
/// threads Swift concurrency and Dispatch share: on Linux both run on libdispatch's pool,
/// which adds threads only slowly when its workers block, and a burst of blocking calls
/// there stalls every task of the process (an in-process server included) until they end.
/// Up to `maxThreads` threads are started as work arrives; a thread idle for `idleTimeout`
/// ends, so a pool costs nothing while unused.
public final class BlockingThreadPool: @unchecked Sendable {
    public let name: String
    public let maxThreads: Int
    private let idleTimeout: TimeInterval
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    private var idle = 0

    public init(name: String, maxThreads: Int, idleTimeout: TimeInterval = 10) {
        self.name = name
        self.maxThreads = max(1, maxThreads)
        self.idleTimeout = idleTimeout
    }

    /// Runs `work` on one of the pool's threads, in submission order (FIFO).
    public func submit(_ work: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.append(work)
        let startThread = idle == 0 && threads < maxThreads
        if startThread { threads += 1 } else { condition.signal() }
        condition.unlock()
        if startThread {
            let thread = Thread { [self] in run() }
            thread.name = name
            thread.start()
        }
    }

    private func run() {
        condition.lock()
        while true {
            while head == queue.count {
                idle += 1
                let signalled = condition.wait(until: Date(timeIntervalSinceNow: idleTimeout))
                idle -= 1
                if !signalled && head == queue.count {
                    threads -= 1
                    condition.unlock()
                    return
                }
            }
            let work = queue[head]
            head += 1
            if head > 64 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            work()
            condition.lock()
        }
    }
}
