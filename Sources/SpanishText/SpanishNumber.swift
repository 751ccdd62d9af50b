/// Numbers written in Spanish words, as customers type them: "dos", "quince", "veintiún",
/// "treinta y cinco", "ciento veinte", "dos mil", "una docena", "media docena".
public enum SpanishNumber {
    static let units: [String: Int] = [
        "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
        "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
        "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
        "veintiun": 21, "veintiuno": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
        "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    ]
    static let tens: [String: Int] = [
        "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    ]
    static let hundreds: [String: Int] = [
        "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
        "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600,
        "seiscientas": 600, "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800,
        "novecientos": 900, "novecientas": 900,
    ]

    /// The number starting at word `index`, and how many words it took; nil when the word
    /// starts no number. Digits ("12", "1.000") are read too.
    public static func read(_ words: Words, at index: Int) -> (value: Int, length: Int)? {
        guard let (first, firstLength) = readBelowThousand(words, at: index) else {
            // "docena", "media docena" with no number before them.
            return group(words, at: index, count: nil)
        }
        var value = first
        var length = firstLength
        if words.at(index + length) == "mil" {
            value *= 1000
            length += 1
            // "veintitrés mil quinientos" is one number; "23 mil, 6 por favor" is a price and a
            // count: the rest is read only in words and without a mark between.
            let next = index + length
            if digitsValue(words.at(next)) == nil, !(words.words.indices.contains(next) && words.words[next].afterMark),
                let (rest, restLength) = readBelowThousand(words, at: next)
            {
                value += rest
                length += restLength
            }
        }
        if let (grouped, groupLength) = group(words, at: index + length, count: value) {
            return (grouped, length + groupLength)
        }
        return (value, length)
    }

    /// "docena(s)", "media docena", "decena": a count of 12, 6 or 10 (times `count`).
    private static func group(_ words: Words, at index: Int, count: Int?) -> (Int, Int)? {
        switch words.at(index) {
        case "docena", "docenas": return ((count ?? 1) * 12, 1)
        case "decena", "decenas": return ((count ?? 1) * 10, 1)
        case "media" where count == nil && words.at(index + 1) == "docena": return (6, 2)
        default: return nil
        }
    }

    private static func readBelowThousand(_ words: Words, at index: Int) -> (Int, Int)? {
        let word = words.at(index)
        if let digits = digitsValue(word) { return (digits, 1) }
        if word == "mil" { return nil }
        var value = 0
        var length = 0
        if let hundred = hundreds[word] {
            value = hundred
            length = 1
        }
        let next = words.at(index + length)
        if let ten = tens[next] {
            value += ten
            length += 1
            if words.at(index + length) == "y", let unit = units[words.at(index + length + 1)], unit < 10 {
                value += unit
                length += 2
            }
        } else if let unit = units[next], unit > 0 || length == 0 {
            value += unit
            length += 1
        }
        return length > 0 ? (value, length) : nil
    }

    /// "12" → 12, "1.000" → 1000, "27mil" → 27000 (as "27 mil"); nil for anything else
    /// (codes like "n95", cédulas).
    package static func digitsValue(_ word: String) -> Int? {
        guard !word.isEmpty, word.count <= 7 else { return nil }
        if word.hasSuffix("mil"), word.count > 3 {
            let digits = word.dropLast(3)
            guard digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else {
                return nil
            }
            return value * 1000
        }
        if word.allSatisfy(\.isNumber), word.allSatisfy(\.isASCII) { return Int(word) }
        let groups = word.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count == 2, (1...3).contains(groups[0].count), groups[1].count == 3,
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Int(groups.joined())
    }
}
