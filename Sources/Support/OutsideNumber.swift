/// Numbers that come from outside the process (a peer's header or JSON body, a stored
/// record) made safe before they become an integer or a `Duration`: NaN, infinities,
/// negatives and absurd magnitudes are clamped first, so a conversion can never trap. A
/// channel's callback answering `429` with `Retry-After: 1e300` once trapped the workers on
/// every attempt (`Int(1e300 * 1000)`; issue 16, finding 4).
public enum OutsideNumber {
    /// The longest delay a peer may ask for; more is read as this (a day).
    public static let maxDelaySeconds = 86_400.0

    /// A delay in seconds a peer asked for: nil when it is not a number (NaN: the caller's
    /// own backoff applies), else within 0…`maxDelaySeconds` (negative → 0, infinite → max).
    public static func delaySeconds(_ value: Double?) -> Double? {
        guard let value, !value.isNaN else { return nil }
        return min(max(value, 0), maxDelaySeconds)
    }

    /// Whole milliseconds of `seconds`, within 0…`maxDelaySeconds` × 1000 (NaN → 0).
    public static func milliseconds(_ seconds: Double) -> Int {
        guard let clamped = delaySeconds(seconds) else { return 0 }
        return Int((clamped * 1000).rounded(.up))
    }

    /// `value` as an integer within `range` (NaN → the lower bound).
    public static func integer(_ value: Double, in range: ClosedRange<Int>) -> Int {
        guard !value.isNaN else { return range.lowerBound }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        if value >= Double(range.upperBound) { return range.upperBound }
        return Int(value)
    }
}
