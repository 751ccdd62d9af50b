import Foundation
import Support

/// Spaces calls to an outside API so that at most `perSecond` start each second in this
/// process (0 = no limit). Callers wait their turn in arrival order.
public actor CallRateLimiter {
    private let interval: Double
    private var nextSlot: Double = 0

    public init(perSecond: Double) {
        interval = perSecond > 0 ? 1 / perSecond : 0
    }

    /// Returns when the caller may start its call.
    public func acquire() async throws {
        guard interval > 0 else { return }
        let now = Date().timeIntervalSince1970
        let slot = max(now, nextSlot)
        nextSlot = slot + interval
        if slot > now { try await Task.sleep(for: .milliseconds(OutsideNumber.milliseconds(slot - now))) }
    }
}
