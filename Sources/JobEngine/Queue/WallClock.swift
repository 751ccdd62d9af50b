import Foundation

/// Wall-clock milliseconds, the time unit of the queue scripts.
public enum WallClock {
    public static func nowMs() -> Int {
        Int(Date().timeIntervalSince1970 * 1000)
    }
}
