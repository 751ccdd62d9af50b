import Foundation
import Shop

/// How the console writes values for people in Colombia: whole pesos (`$45.000`), Bogotá
/// time (UTC−5 all year, computed by hand so it never depends on the machine's time-zone
/// data), and URLs built from parts that are percent-encoded.
enum ConsoleFormat {
    static func money(_ pesos: Int) -> String { Money.format(pesos) }

    static func number(_ value: Int) -> String { Money.grouped(value) }

    /// "05/03/2025 14:07" in Bogotá time.
    static func dateTime(_ date: Date) -> String {
        let (day, seconds) = local(date)
        return "\(day) " + two(seconds / 3600) + ":" + two(seconds % 3600 / 60)
    }

    /// "05/03/2025" in Bogotá time.
    static func date(_ date: Date) -> String { local(date).day }

    /// "14:07" in Bogotá time.
    static func time(_ date: Date) -> String {
        let seconds = local(date).seconds
        return two(seconds / 3600) + ":" + two(seconds % 3600 / 60)
    }

    /// "2025-03-05" (a shop day as the API writes it) → "05/03/2025".
    static func day(_ isoDay: String) -> String {
        let parts = isoDay.split(separator: "-")
        guard parts.count == 3 else { return isoDay }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// A rate 0…1 as "12,5 %".
    static func percent(_ rate: Double) -> String {
        guard rate.isFinite else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10),\(tenths % 10) %"
    }

    /// Milliseconds as "850 ms" or "2,4 s".
    static func duration(ms: Int) -> String {
        if ms < 1000 { return "\(ms) ms" }
        let tenths = (ms + 50) / 100
        return "\(Money.grouped(tenths / 10)),\(tenths % 10) s"
    }

    private static func local(_ date: Date) -> (day: String, seconds: Int) {
        let shifted = Int((date.timeIntervalSince1970 + Double(ShopCalendar.utcOffsetSeconds)).rounded(.down))
        let seconds = ((shifted % 86_400) + 86_400) % 86_400
        return (day(ShopCalendar.day(of: date)), seconds)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// A path segment (a chat id, a cédula) percent-encoded.
    static func segment(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// `path?name=value&…` with the values percent-encoded; empty values are left out.
    static func url(_ path: String, _ query: [(String, String?)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = query.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }
}
