import Foundation
import Synchronization
import Testing

@testable import JobEngine

@Suite("CallBatcher: batches taken when they can be sent")
struct CallBatcherTests {
    /// A one-shot gate a test opens by hand.
    final class Gate: Sendable {
        private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

        func wait() async {
            await withCheckedContinuation { continuation in
                let open = state.withLock { state -> Bool in
                    if state.open { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if open { continuation.resume() }
            }
        }

        func open() {
            let waiters = state.withLock { state in
                state.open = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Plays a connection that writes one batch at a time: a send waits for the previous
    /// one to finish before it takes its items, and the first one stays "in Redis" until
    /// the test lets it go.
    final class SlowLink: Sendable {
        let firstReleased = Gate()
        let firstTaken = Gate()
        let batches = Mutex<[[Int]]>([])
        private let turn = Mutex<Int>(0)

        func send(_ take: @escaping @Sendable () -> [Int]) async -> [Int] {
            let position = turn.withLock { value -> Int in
                defer { value += 1 }
                return value
            }
            if position > 0 { await firstReleased.wait() }
            let items = take()
            if !items.isEmpty { batches.withLock { $0.append(items) } }
            if position == 0 {
                firstTaken.open()
                await firstReleased.wait()
            }
            return items.map { $0 * 10 }
        }
    }

    @Test func aQueuedBatchCarriesWhatArrivedWhileTheOneBeforeRan() async throws {
        let link = SlowLink()
        let batcher = CallBatcher<Int, Int>(maxPerCall: 100, maxInFlight: 2) { take in await link.send(take) }
        try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            group.addTask { (0, await batcher.submit(0)) }
            await link.firstTaken.wait()
            // The second sender is queued now, before these nine arrive.
            for item in 1...9 { group.addTask { (item, await batcher.submit(item)) } }
            defer { link.firstReleased.open() }  // also when the wait below fails
            try await waitUntil("nueve llamadas en espera (hay \(batcher.queuedCount))") { batcher.queuedCount == 9 }
            link.firstReleased.open()
            var outputs: [Int: Int] = [:]
            for try await (item, output) in group { outputs[item] = output }
            #expect(outputs == Dictionary(uniqueKeysWithValues: (0...9).map { ($0, $0 * 10) }))
        }
        let batches = link.batches.withLock { $0 }
        #expect(batches.count == 2, "lotes: \(batches)")
        #expect(batches.first == [0])
        #expect(Set(batches.last ?? []) == Set(1...9))
    }

    @Test func callsAfterAQuietSpellGoOutAtOnce() async {
        let sent = Mutex<[[Int]]>([])
        let batcher = CallBatcher<Int, Int>(maxPerCall: 100, maxInFlight: 2) { items in
            sent.withLock { $0.append(items) }
            return items.map { $0 + 1 }
        }
        for item in 0..<5 { #expect(await batcher.submit(item) == item + 1) }
        #expect(sent.withLock { $0 } == [[0], [1], [2], [3], [4]])
    }

    private func waitUntil(_ what: @autoclosure () -> String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + TestPaths.loadedWait
        while !condition() {
            guard ContinuousClock.now < deadline else { throw TestFailure("no se cumplió a tiempo: \(what())") }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}
