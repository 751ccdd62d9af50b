import Foundation

/// An `OrderFilter` checked once for every engine: the cédula normalised to digits, the
/// dates parsed into a range in the shop's time zone.
struct ValidOrderFilter: Sendable, Equatable {
    var chatId: String?
    var idNumber: String?
    var state: OrderState?
    var since: Date?
    var untilExclusive: Date?
}

extension OrderFilter {
    func validated() throws -> ValidOrderFilter {
        var check = ValidationCollector()
        var idNumber: String?
        if let raw = self.idNumber { idNumber = check.check(try Validation.idNumber(raw)) }
        var range: DateRange?
        do {
            range = try DateRange(since: since, until: until)
        } catch {
            error.errors.forEach { check.add($0) }
        }
        try check.finish()
        return ValidOrderFilter(
            chatId: chatId, idNumber: idNumber, state: state, since: range?.since,
            untilExclusive: range?.untilExclusive)
    }
}
