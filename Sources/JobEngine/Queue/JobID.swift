import Foundation

/// Job ids: time-ordered (48-bit milliseconds) then 64 random bits, lower-case hex.
public enum JobID {
    public static func make(nowMs: Int = WallClock.nowMs()) -> String {
        var random = SystemRandomNumberGenerator()
        return hex(UInt64(nowMs), digits: 12) + hex(random.next(), digits: 16)
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let alphabet: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: digits) { buffer in
            var rest = value
            for index in stride(from: digits - 1, through: 0, by: -1) {
                buffer[index] = alphabet.utf8Start[Int(rest & 0xf)]
                rest >>= 4
            }
            return digits
        }
    }

    /// Accepts only what `make` produces (and the dead-letter ids of malformed entries),
    /// so a path parameter can never reach into other Redis keys.
    public static func isValid(_ id: String) -> Bool {
        (1...120).contains(id.utf8.count)
            && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 }
    }
}
