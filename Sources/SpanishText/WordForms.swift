/// Loose comparison of Spanish words for matching products: singular and plural
/// ("guantes"/"guante", "arneses"/"arnés", "luces"/"luz"), gender ("dieléctrico"/
/// "dieléctricas"), units written several ways ("9kg", "9 kilos") and one typo or a misspelling
/// that keeps the sound in longer words ("estintor", "baqueta").
public enum WordForms {
    /// Words of a product name or a customer's phrase, folded, split into letters and
    /// digits ("9kg" → "9", "kg"; codes like "n95", "co2" stay whole), units canonical,
    /// filler words dropped.
    public static func contentWords(_ text: String) -> [String] {
        contentWords(Words(text).texts)
    }

    public static func contentWords(_ words: [String]) -> [String] {
        var result: [String] = []
        for (index, word) in words.enumerated() where word != "$" {
            // "las escaleras que dan al segundo piso", "una casa de dos pisos": a storey names
            // where, never the floor a product is for ("Señal piso mojado").
            if index > 0, isStorey(word, after: words[index - 1]) {
                if result.last == words[index - 1] { result.removeLast() }
                continue
            }
            for part in splitMeasure(word) {
                let unit = canonicalUnit(part)
                if CommonWords.fillers.contains(unit) { continue }
                result.append(unit)
            }
        }
        return result
    }

    /// "segundo piso", "2do piso", "tercer piso", "dos pisos": an ordinal before "piso", a
    /// count in words before "pisos" ("3 pisos mojados" may still be three signs).
    public static func isStorey(_ word: String, after previous: String) -> Bool {
        switch word {
        case "piso":
            storeyOrdinals.contains(previous)
                || (previous.first?.isNumber == true && previous.count <= 4
                    && previous.contains(where: \.isLetter))
        case "pisos":
            storeyCounts.contains(previous)
        default: false
        }
    }

    static let storeyOrdinals: Set<String> = [
        "primer", "primero", "segundo", "tercer", "tercero", "cuarto", "quinto", "sexto", "septimo", "octavo",
        "noveno", "decimo", "ultimo",
    ]
    static let storeyCounts: Set<String> = [
        "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "varios", "muchos",
    ]

    /// "9kg" → ["9", "kg"]; "5lb" → ["5", "lb"]; other words unchanged.
    static func splitMeasure(_ word: String) -> [String] {
        guard let first = word.first, first.isNumber, let split = word.firstIndex(where: \.isLetter) else {
            return [word]
        }
        let number = String(word[..<split])
        let unit = String(word[split...])
        guard number.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }), unit.allSatisfy(\.isLetter),
            CommonWords.measureUnits.contains(unit)
        else { return [word] }
        return [number, unit]
    }

    static func canonicalUnit(_ word: String) -> String {
        switch word {
        case "kilo", "kilos", "kilogramo", "kilogramos", "kgs": "kg"
        case "libra", "libras", "lbs": "lb"
        case "galon", "galones": "gal"
        case "litro", "litros", "lt", "lts": "l"
        case "metro", "metros", "mt", "mts": "m"
        default: word
        }
    }

    /// The forms a word may take once plural and gender endings are removed.
    public static func forms(_ word: String) -> Set<String> {
        var bases: Set<String> = [word]
        if word.count > 3, word.hasSuffix("s") { bases.insert(String(word.dropLast())) }
        if word.count > 4, word.hasSuffix("es") { bases.insert(String(word.dropLast(2))) }
        if word.count > 4, word.hasSuffix("ces") { bases.insert(String(word.dropLast(3)) + "z") }
        var all = bases
        for base in bases where base.count >= 5 && (base.hasSuffix("o") || base.hasSuffix("a")) {
            all.insert(String(base.dropLast()))
        }
        return all
    }

    /// Whether two folded words name the same thing: same forms, or (words of five
    /// letters or more) the same sound or one typo apart (`SpanishWords`).
    public static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        return same(Shape(a), Shape(b))
    }

    /// A word with what `same` compares already worked out, for comparing one word with many
    /// (the product matcher compares each word of a phrase with every word of each candidate).
    public struct Shape: Sendable {
        public let word: String
        let isNumber: Bool
        let forms: Set<String>
        /// The sound of the singular, for words of five letters or more.
        let key: String?

        public init(_ word: String) {
            self.word = word
            isNumber = word.first?.isNumber == true
            forms = isNumber ? [] : WordForms.forms(word)
            key = !isNumber && word.count >= 5 ? SpanishWords.phoneticKey(SpanishWords.singular(word)) : nil
        }
    }

    public static func same(_ a: Shape, _ b: Shape) -> Bool {
        if a.word == b.word { return true }
        if a.isNumber || b.isNumber { return false }
        if !a.forms.isDisjoint(with: b.forms) { return true }
        guard let keyA = a.key, let keyB = b.key else { return false }
        if keyA == keyB { return true }
        for x in a.forms where x.count >= 5 {
            for y in b.forms where y.count >= 5 && SpanishWords.distance(x, y, limit: 1) <= 1 {
                return true
            }
        }
        return false
    }

    public static func shapes(_ words: [String]) -> [Shape] {
        words.map(Shape.init)
    }
}
