import Foundation

/// The shop's calendar: days are Colombian days (America/Bogota, UTC−5, no daylight saving).
/// Day arithmetic is done by hand so results never depend on the machine's time-zone data.
public enum ShopCalendar {
    public static let utcOffsetSeconds = -5 * 3600
    /// SQLite date modifier turning a stored UTC time into the shop's local time.
    public static let sqliteModifier = "-5 hours"

    /// The shop day containing `date`, as "2025-03-01".
    public static func day(of date: Date) -> String {
        let local = Int((date.timeIntervalSince1970 + Double(utcOffsetSeconds)).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The first instant of the shop day "2025-03-01", or nil when `text` is not such a date.
    public static func startOfDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let seconds = days(fromCivil: year, month, day) * 86_400 - utcOffsetSeconds
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// An ISO 8601 timestamp with a time zone ("2025-03-01T10:00:00Z", fractional seconds allowed).
    public static func timestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// A `desde`/`hasta` pair from a caller, as instants: `desde` inclusive, `hastaExclusive` not.
/// A plain date covers the whole shop day; a timestamp is taken as is (both ends inclusive).
public struct DateRange: Sendable, Equatable {
    public var since: Date?
    public var untilExclusive: Date?

    public init(since: String?, until: String?) throws(ValidationErrors) {
        var check = ValidationCollector()
        self.since = check.check(try Self.bound(since, field: "desde", endOfDay: false)) ?? nil
        self.untilExclusive = check.check(try Self.bound(until, field: "hasta", endOfDay: true)) ?? nil
        if let start = self.since, let end = self.untilExclusive, start >= end {
            check.add(field: "desde", "La fecha «desde» no puede ser posterior a «hasta».")
        }
        try check.finish()
    }

    private static func bound(_ raw: String?, field: String, endOfDay: Bool) throws(ValidationError) -> Date? {
        guard let text = raw?.trimmingWhitespace(), !text.isEmpty else { return nil }
        if let start = ShopCalendar.startOfDay(text) {
            return endOfDay ? start.addingTimeInterval(86_400) : start
        }
        if let instant = ShopCalendar.timestamp(text) {
            return endOfDay ? instant.addingTimeInterval(0.001) : instant
        }
        throw ValidationError(
            field: field, message: "La fecha «\(field)» debe tener el formato AAAA-MM-DD (por ejemplo 2025-03-01).")
    }
}
