import Synchronization

/// Lets a repeated log line through once per interval and counts the ones it held back, so
/// a condition that lasts (a degraded search, Redis refusing writes when full) logs one line
/// per interval saying how many more happened, not one line per request.
package final class LogThrottle: Sendable {
    private let interval: Duration
    private let state = Mutex<[String: (last: ContinuousClock.Instant, held: Int)]>([:])

    package init(interval: Duration) {
        self.interval = interval
    }

    /// nil: hold this line back. Otherwise log it now, saying how many lines of the same
    /// `key` were held back since the last one that went through.
    package func admit(_ key: String, at now: ContinuousClock.Instant = .now) -> Int? {
        state.withLock { lines in
            if let line = lines[key], now - line.last < interval {
                lines[key]?.held += 1
                return nil
            }
            let held = lines[key]?.held ?? 0
            lines[key] = (now, 0)
            return held
        }
    }
}
