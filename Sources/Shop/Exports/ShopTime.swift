import Foundation

/// A stored UTC time ("2025-03-01 15:04:05.000", as GRDB writes dates; a "T" works too) in
/// shop time (Colombia, see `ShopCalendar`), parsed from the row's bytes without allocating.
struct ShopTime: Equatable {
    /// Shop days since 1970-01-01.
    var days: Int
    /// Seconds since the start of that shop day.
    var seconds: Int

    /// Nil when the text isn't a stored time (the exporter then writes it as it is).
    static func parse(_ text: UnsafePointer<UInt8>, _ length: Int) -> ShopTime? {
        guard length >= 19, text[4] == 45, text[7] == 45, text[10] == 32 || text[10] == 84, text[13] == 58,
            text[16] == 58
        else { return nil }
        @inline(__always) func number(_ start: Int, _ width: Int) -> Int? {
            var value = 0
            for index in start..<(start + width) {
                let digit = Int(text[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        let utc = ShopCalendar.days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        let local = utc + ShopCalendar.utcOffsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return ShopTime(days: days, seconds: local - days * 86_400)
    }

    /// Writes "2025-03-01 10:15:00".
    func write(to out: FileByteWriter) {
        out.reserve(19)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 19) { text in
            write(into: text.baseAddress!)
            out.bytes(text.baseAddress!, 19)
        }
    }

    /// The 19 bytes of "2025-03-01 10:15:00" into `text`.
    func write(into text: UnsafeMutablePointer<UInt8>) {
        let (year, month, day) = ShopCalendar.civil(fromDays: days)
        @inline(__always) func put(_ value: Int, _ width: Int, at start: Int) {
            var rest = value
            for position in stride(from: start + width - 1, through: start, by: -1) {
                text[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 48
                rest /= 10
            }
        }
        put(year, 4, at: 0)
        text[4] = 45
        put(month, 2, at: 5)
        text[7] = 45
        put(day, 2, at: 8)
        text[10] = 32
        put(seconds / 3600, 2, at: 11)
        text[13] = 58
        put(seconds / 60 % 60, 2, at: 14)
        text[16] = 58
        put(seconds % 60, 2, at: 17)
    }

    /// Writes the spreadsheet serial number (days since 1899-12-30, the time as a fraction),
    /// computed with integers so no floating-point formatting is involved.
    func writeSerial(to out: FileByteWriter) {
        out.integer(Int64(days + 25_569))
        guard seconds > 0 else { return }
        var fraction = (seconds * 10_000_000_000 + 43_200) / 86_400
        var width = 10
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        out.byte(46)
        out.padded(fraction, width: width)
    }
}

/// Remembers, per column, the last stored time text and what it parsed to: the lines of one
/// order share its time, so most parses become a 23-byte comparison.
final class ShopTimeCache {
    private static let width = 32
    private let texts: UnsafeMutablePointer<UInt8>
    private var lengths: [Int]
    private var times: [ShopTime?]

    init(columns: Int) {
        texts = .allocate(capacity: max(columns, 1) * Self.width)
        lengths = Array(repeating: -1, count: columns)
        times = Array(repeating: nil, count: columns)
    }

    deinit {
        texts.deallocate()
    }

    @inline(__always) func parse(_ text: UnsafePointer<UInt8>, _ length: Int, column: Int) -> ShopTime? {
        let cached = texts + column * Self.width
        if length == lengths[column], memcmp(cached, text, length) == 0 { return times[column] }
        let time = ShopTime.parse(text, length)
        if length <= Self.width {
            cached.update(from: text, count: length)
            lengths[column] = length
            times[column] = time
        }
        return time
    }
}
