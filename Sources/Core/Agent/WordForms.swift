/// Loose comparison of Spanish words for matching products: singular and plural
/// ("guantes"/"guante", "arneses"/"arnés", "luces"/"luz"), gender ("dieléctrico"/
/// "dieléctricas"), units written several ways ("9kg", "9 kilos") and one typo in longer
/// words ("estintor", "baqueta").
public enum WordForms {
    /// Words of a product name or a customer's phrase, folded, split into letters and
    /// digits ("9kg" → "9", "kg"; codes like "n95", "co2" stay whole), units canonical,
    /// filler words dropped.
    public static func contentWords(_ text: String) -> [String] {
        contentWords(Words(text).texts)
    }

    public static func contentWords(_ words: [String]) -> [String] {
        var result: [String] = []
        for word in words where word != "$" {
            for part in splitMeasure(word) {
                let unit = canonicalUnit(part)
                if Lexicon.fillers.contains(unit) { continue }
                result.append(unit)
            }
        }
        return result
    }

    /// "9kg" → ["9", "kg"]; "5lb" → ["5", "lb"]; other words unchanged.
    static func splitMeasure(_ word: String) -> [String] {
        guard let first = word.first, first.isNumber, let split = word.firstIndex(where: \.isLetter) else {
            return [word]
        }
        let number = String(word[..<split])
        let unit = String(word[split...])
        guard number.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }), unit.allSatisfy(\.isLetter),
            Lexicon.measureUnits.contains(unit)
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
    static func forms(_ word: String) -> Set<String> {
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

    /// Whether two folded words name the same thing.
    public static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if a.first?.isNumber == true || b.first?.isNumber == true { return false }
        let formsA = forms(a)
        let formsB = forms(b)
        if !formsA.isDisjoint(with: formsB) { return true }
        guard min(a.count, b.count) >= 5 else { return false }
        for x in formsA where x.count >= 5 {
            for y in formsB where y.count >= 5 && abs(x.count - y.count) <= 1 {
                if withinOneEdit(x, y) { return true }
            }
        }
        return false
    }

    /// Levenshtein distance ≤ 1.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a)
        let y = Array(b)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count {
                i += 1
            } else if y.count > x.count {
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}
