import Testing

@testable import Support

/// Issue 21: a 503 of load (Redis full) comes on every request while it lasts; the front end
/// logs it once per interval with the count of the ones held back.
@Suite("LogThrottle: one line per interval, counting the ones held back")
struct LogThrottleTests {
    @Test func aRepeatedLineGoesThroughOncePerIntervalWithTheCountHeldBack() {
        let throttle = LogThrottle(interval: .seconds(10))
        let start = ContinuousClock.now
        #expect(throttle.admit("sobrecargado", at: start) == 0)
        for second in 1...9 { #expect(throttle.admit("sobrecargado", at: start + .seconds(second)) == nil) }
        #expect(throttle.admit("no_disponible", at: start + .seconds(2)) == 0)
        #expect(throttle.admit("sobrecargado", at: start + .seconds(10)) == 9)
        #expect(throttle.admit("sobrecargado", at: start + .seconds(11)) == nil)
        #expect(throttle.admit("sobrecargado", at: start + .seconds(25)) == 1)
        #expect(throttle.admit("sobrecargado", at: start + .seconds(40)) == 0)
    }
}
