/// Colombian pesos as shoppers read them: whole pesos, dots between thousands, no decimals.
/// Formatted by hand so the result never depends on the machine's locale data.
public enum Money {
    /// `format(45000)` is "$45.000"; `format(0)` is "$0"; negative amounts get a leading "-".
    public static func format(_ pesos: Int) -> String {
        (pesos < 0 ? "-$" : "$") + grouped(pesos.magnitude)
    }

    /// Digits grouped by thousands with dots, without the currency sign: 1234567 → "1.234.567".
    public static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(value.magnitude)
    }

    private static func grouped(_ magnitude: UInt) -> String {
        let digits = Array(String(magnitude))
        var result = ""
        result.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}
