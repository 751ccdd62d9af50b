import SpanishText

/// Digits said one by one, as a voice note's transcription writes them ("tres uno cinco,
/// seis siete ocho…"): five or more digit words in a row (spaces, commas or dashes between
/// them) become the digits ("315678…"), so a dictated cédula or phone reads like a typed
/// one. Shorter runs stay words ("dos cascos y tres guantes"). One pass over the words.
public enum DictatedDigits {
    static let digits: [String: Character] = [
        "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7",
        "ocho": "8", "nueve": "9",
    ]
    static let minimumRun = 5

    public static func rewrite(_ text: String) -> String {
        let words = Words(text)
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index < words.count {
            guard digits[words[index]] != nil else {
                index += 1
                continue
            }
            var end = index + 1
            // Where the run pauses ("," or "-" between digits).
            var pauses: [Int] = []
            while end < words.count, digits[words[end]] != nil, joins(characters, words, end - 1, end) {
                if pausesBetween(characters, words, end - 1, end) { pauses.append(end) }
                end += 1
            }
            // Longer than any cédula or phone: the pauses separate fields ("Luz Lozano - seis
            // seis nueve… - tres cero uno…"), each read on its own.
            let pieces =
                end - index > maxNumberDigits && !pauses.isEmpty
                ? zip([index] + pauses, pauses + [end]).map { $0..<$1 } : [index..<end]
            for piece in pieces where piece.count >= minimumRun {
                let from = words.words[piece.lowerBound].range.lowerBound
                result += String(characters[copied..<from])
                result += String(piece.compactMap { digits[words[$0]] })
                copied = words.words[piece.upperBound - 1].range.upperBound
            }
            index = end
        }
        result += String(characters[copied...])
        return result
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
