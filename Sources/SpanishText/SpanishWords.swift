/// Word-level helpers for searching Spanish shop text: the same tokens SQLite's FTS5
/// `unicode61 remove_diacritics 2` tokenizer makes, singular forms, a phonetic key for
/// spelling mistakes and an edit distance.
public enum SpanishWords {
    /// Folded (lower case, no accents, see `TextFold`) letters-and-digits runs, as FTS5 splits them.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in TextFold.fold(text) {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The singular of a folded Spanish noun or adjective: "guantes" → "guante", "luces" → "luz",
    /// "overoles" → "overol", "botas" → "bota". Words that are not plural come back unchanged.
    public static func singular(_ word: String) -> String {
        guard word.count > 3, word.last == "s", word.allSatisfy(\.isLetter), !singularsInS.contains(word) else {
            return word
        }
        let chars = Array(word)
        let n = chars.count
        if word.hasSuffix("ces") { return String(chars[..<(n - 3)]) + "z" }
        if chars[n - 2] == "e", n > 4, "lrndjsyz".contains(chars[n - 3]), vowels.contains(chars[n - 4]) {
            // "overoles", "extintores", "arneses": the "es" was added to a consonant after a
            // vowel. After two consonants the singular ends in "-e" ("cables", "sobres",
            // "torres"): only the "s" goes, below.
            return String(chars[..<(n - 2)])
        }
        if "aeiou".contains(chars[n - 2]) { return String(chars[..<(n - 1)]) }
        // Borrowed words add a bare "s" to a consonant ("kits", "hard hats", "jeans").
        if chars[n - 2] != "s" { return String(chars[..<(n - 1)]) }
        return word
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Folded singular words that end like a plural: a stressed "-és" ("arnés", "interés"),
    /// the weekdays and nouns the same in both numbers ("virus", "tenis", "crisis").
    public static let singularsInS: Set<String> = [
        "arnes", "interes", "estres", "reves", "traves", "lunes", "martes", "miercoles", "jueves", "viernes",
        "virus", "tenis", "crisis", "dosis", "analisis", "tesis",
    ]

    /// The stem shared by the masculine and feminine forms of an adjective ("amarill" for
    /// "amarillo"/"amarilla"), or nil when the word is too short for that to be safe.
    public static func genderStem(_ word: String) -> String? {
        guard word.count >= 7, let last = word.last, last == "o" || last == "a", word.allSatisfy(\.isLetter)
        else { return nil }
        return String(word.dropLast())
    }

    /// How a word sounds in Latin-American Spanish, for spelling mistakes that keep the sound:
    /// "vaketa" and "vaqueta", "estintor" and "extintor", "sapatos" and "zapatos" share a key.
    public static func phoneticKey(_ word: String) -> String {
        let chars = Array(word)
        var key: [Character] = []
        var i = 0
        func next(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            var out: [Character] = [c]
            switch c {
            case "q":
                out = ["k"]
                if next(1) == "u" { i += 1 }
            case "c":
                if next(1) == "h" {
                    out = ["x"]
                    i += 1
                } else if let n = next(1), "ei".contains(n) {
                    out = ["s"]
                } else {
                    out = ["k"]
                }
            case "k": out = ["k"]
            case "z": out = ["s"]
            case "x": out = ["s"]
            case "v": out = ["b"]
            case "w": out = ["u"]
            case "h": out = []
            case "y": out = next(1).map { "aeiou".contains($0) } == true ? ["y"] : ["i"]
            case "l":
                if next(1) == "l" {
                    out = ["y"]
                    i += 1
                }
            case "g":
                if let n = next(1), "ei".contains(n) { out = ["j"] }
                if next(1) == "u", let n = next(2), "ei".contains(n) { i += 1 }
            default: break
            }
            for o in out where key.last != o { key.append(o) }
            i += 1
        }
        return String(key)
    }

    /// Damerau–Levenshtein distance (optimal string alignment), stopping early past `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let s = Array(a)
        let t = Array(b)
        if abs(s.count - t.count) > limit { return limit + 1 }
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }

    /// The root of an infinitive ("soldar" → "sold", "lavarse" → "lav", "proteger" → "proteg"),
    /// nil when the word does not look like one.
    public static func infinitiveRoot(_ word: String) -> String? {
        guard word.count >= 5, word.allSatisfy(\.isLetter) else { return nil }
        var base = Substring(word)
        if base.hasSuffix("se"), base.count >= 7 { base = base.dropLast(2) }
        guard base.hasSuffix("ar") || base.hasSuffix("er") || base.hasSuffix("ir") else { return nil }
        let root = base.dropLast(2)
        return root.count >= 3 ? String(root) : nil
    }

    /// True for tokens made only of digits ("3", "120").
    public static func isNumber(_ token: String) -> Bool {
        !token.isEmpty && token.allSatisfy(\.isNumber)
    }
}
