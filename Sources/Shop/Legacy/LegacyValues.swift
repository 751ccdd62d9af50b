import Foundation
import GRDB

/// Values of the old database as they come (SQLite's loose typing: a price may be a real, a
/// flag a string, a date with or without fractions), read without ever trapping.
enum LegacyValues {
    struct Pesos {
        var value: Int
        var original: String
        var rounded: Bool
    }

    /// Whole pesos; a fractional amount is rounded half up (noted by the caller). Nil when
    /// absent, not a number, or out of range.
    static func pesos(_ value: DatabaseValue) -> Pesos? {
        switch value.storage {
        case .int64(let int):
            return (0...Int64(Validation.maxPrice)).contains(int)
                ? Pesos(value: Int(int), original: "\(int)", rounded: false) : nil
        case .double(let double):
            guard double.isFinite, double >= 0, double <= Double(Validation.maxPrice) else { return nil }
            let whole = Int(double.rounded(.toNearestOrAwayFromZero))
            return Pesos(value: whole, original: "\(double)", rounded: Double(whole) != double)
        case .string(let text):
            guard let double = Double(text.trimmingCharacters(in: .whitespaces)) else { return nil }
            return pesos(double.databaseValue)
        default:
            return nil
        }
    }

    static func integer(_ value: DatabaseValue) -> Int? {
        switch value.storage {
        case .int64(let int): return Int(exactly: int)
        case .double(let double): return double.isFinite && abs(double) < 1e15 ? Int(double) : nil
        case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func flag(_ value: DatabaseValue) -> Bool? {
        switch value.storage {
        case .int64(let int): return int != 0
        case .double(let double): return double != 0
        case .string(let text):
            switch text.lowercased().trimmingCharacters(in: .whitespaces) {
            case "1", "true", "si", "sí", "t", "yes": return true
            case "0", "false", "no", "f": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Trimmed text, blank as nil, cut to `limit` characters.
    static func text(_ value: DatabaseValue, limit: Int) -> String? {
        guard case .string(let text) = value.storage else { return nil }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : String(trimmed.prefix(limit))
    }

    /// "2025-05-27 12:52:00" or "2025-05-27 10:54:13.901080" (the old system wrote UTC).
    static func date(_ value: DatabaseValue) -> Date? {
        guard case .string(let text) = value.storage, text.utf8.count <= 40 else { return nil }
        let parts = text.split(separator: ".", maxSplits: 1)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        guard let base = formatter.date(from: String(parts[0])) else { return nil }
        guard parts.count == 2, let fraction = Double("0." + parts[1]) else { return base }
        return base.addingTimeInterval(fraction)
    }
}
