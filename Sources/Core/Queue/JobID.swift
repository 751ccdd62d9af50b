import Foundation

/// Job ids: time-ordered (48-bit milliseconds) then 64 random bits, lower-case hex.
public enum JobID {
    public static func make(nowMs: Int = Clock.nowMs()) -> String {
        let time = String(UInt64(nowMs), radix: 16)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return String(repeating: "0", count: max(0, 12 - time.count)) + time
            + String(repeating: "0", count: 16 - random.count) + random
    }

    /// Accepts only what `make` produces (and the dead-letter ids of malformed entries),
    /// so a path parameter can never reach into other Redis keys.
    public static func isValid(_ id: String) -> Bool {
        (1...120).contains(id.utf8.count)
            && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 }
    }
}

/// Wall-clock milliseconds, the time unit of the queue scripts.
public enum Clock {
    public static func nowMs() -> Int {
        Int(Date().timeIntervalSince1970 * 1000)
    }
}
