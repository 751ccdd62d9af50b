import SpanishText

/// Digits said one by one or in pairs, as a voice note's transcription writes them ("tres uno
/// cinco, seis siete ocho…", "tres cero cero, cuatro cinco dos, diez, treinta y tres"): a run of
/// number words read digit group by digit group becomes the digits ("3004521033"), so a
/// dictated cédula or phone reads like a typed one. Five or more one-digit words make a run;
/// a run with pairs or hundreds ("cuarenta y uno", "doce", "trescientos quince") needs three
/// groups and at least 7 digits (the shortest phone). Shorter runs stay words ("dos cascos y
/// tres guantes", "doce pares"). One pass over the words.
public enum DictatedDigits {
    static let digits: [String: Character] = [
        "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7",
        "ocho": "8", "nueve": "9",
    ]
    /// Words worth 10 to 29, said as one pair of digits.
    static let pairs: [String: Int] = [
        "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
        "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintidos": 22,
        "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27,
        "veintiocho": 28, "veintinueve": 29,
    ]
    static let tens: [String: Int] = [
        "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    ]
    static let hundreds: [String: Int] = [
        "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500,
        "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
    ]
    static let minimumRun = 5
    /// A run with pairs or hundreds: at least this many digits (a 7-digit landline) in at
    /// least `minimumGroups` groups.
    static let minimumGroupedDigits = 7
    static let minimumGroups = 3

    /// One dictated group starting at word `index`: its digits and how many words it took
    /// ("tres" → "3"; "doce" → "12"; "cuarenta y uno" → "41"; "trescientos quince" → "315").
    static func group(_ words: Words, at index: Int) -> (digits: String, length: Int)? {
        let word = words.at(index)
        if let digit = digits[word] { return (String(digit), 1) }
        if let pair = pairs[word] { return (String(pair), 1) }
        if let ten = tens[word] {
            if words.at(index + 1) == "y", let unit = digits[words.at(index + 2)], unit != "0" {
                return (String(ten / 10) + String(unit), 3)
            }
            return (String(ten), 1)
        }
        guard let hundred = hundreds[word] else { return nil }
        if word != "cien", let (rest, length) = group(words, at: index + 1), rest.count <= 2,
            hundreds[words.at(index + 1)] == nil
        {
            return (String(hundred + Int(rest)!), 1 + length)
        }
        return (String(hundred), 1)
    }

    public static func rewrite(_ text: String) -> String {
        let words = Words(text)
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index < words.count {
            guard let first = group(words, at: index) else {
                index += 1
                continue
            }
            // The run's groups: word range and digits; where it pauses ("," or "-").
            var groups: [(range: Range<Int>, digits: String)] = [(index..<index + first.length, first.digits)]
            var pauses: [Int] = []
            while let last = groups.last, last.range.upperBound < words.count,
                joins(characters, words, last.range.upperBound - 1, last.range.upperBound),
                let next = group(words, at: last.range.upperBound)
            {
                if pausesBetween(characters, words, last.range.upperBound - 1, last.range.upperBound) {
                    pauses.append(groups.count)
                }
                groups.append((last.range.upperBound..<last.range.upperBound + next.length, next.digits))
            }
            let digitCount = groups.reduce(0) { $0 + $1.digits.count }
            // Longer than any cédula or phone: the pauses separate fields ("Luz Lozano - seis
            // seis nueve… - tres cero uno…"), each read on its own.
            let pieces =
                digitCount > maxNumberDigits && !pauses.isEmpty
                ? zip([0] + pauses, pauses + [groups.count]).map { groups[$0..<$1] } : [groups[...]]
            for piece in pieces where isNumber(piece.map(\.digits)) {
                let from = words.words[piece.first!.range.lowerBound].range.lowerBound
                result += String(characters[copied..<from])
                result += piece.map(\.digits).joined()
                copied = words.words[piece.last!.range.upperBound - 1].range.upperBound
            }
            index = groups.last!.range.upperBound
        }
        result += String(characters[copied...])
        return result
    }

    /// Whether a run of groups is a dictated number rather than counts in a sentence.
    static func isNumber(_ groups: [String]) -> Bool {
        if groups.allSatisfy({ $0.count == 1 }) { return groups.count >= minimumRun }
        return groups.count >= minimumGroups && groups.reduce(0, { $0 + $1.count }) >= minimumGroupedDigits
    }

    /// The most digits of a cédula or a phone (with its country code).
    static let maxNumberDigits = 12

    private static func pausesBetween(_ characters: [Character], _ words: Words, _ a: Int, _ b: Int) -> Bool {
        characters[words.words[a].range.upperBound..<words.words[b].range.lowerBound].contains {
            $0 == "," || $0 == "-"
        }
    }

    private static func joins(_ characters: [Character], _ words: Words, _ a: Int, _ b: Int) -> Bool {
        let gap = characters[words.words[a].range.upperBound..<words.words[b].range.lowerBound]
        return gap.count <= 3 && gap.allSatisfy { $0 == " " || $0 == "," || $0 == "-" }
    }
}

/// "docena y media" (18), "dos docenas y media" (30): a half added to dozens, written as
/// its number so the quantity reader counts it whole. One pass over the words.
public enum HalfDozens {
    static let small: [String: Int] = [
        "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "diez": 10,
    ]

    public static func rewrite(_ text: String) -> String {
        let words = Words(text)
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index + 2 < words.count {
            guard ["docena", "docenas"].contains(words[index]), words[index + 1] == "y", words[index + 2] == "media"
            else {
                index += 1
                continue
            }
            var start = index
            var dozens = 1
            if index > 0, let value = small[words[index - 1]] ?? Int(words[index - 1]), (1...99).contains(value) {
                dozens = value
                start = index - 1
            }
            let from = words.words[start].range.lowerBound
            guard from >= copied else {
                index += 3
                continue
            }
            result += String(characters[copied..<from]) + String(dozens * 12 + 6)
            copied = words.words[index + 2].range.upperBound
            index += 3
        }
        result += String(characters[copied...])
        return result
    }
}
