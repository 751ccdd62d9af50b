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
        for word in words where word != "$" {
            for part in splitMeasure(word) {
                let unit = canonicalUnit(part)
                if CommonWords.fillers.contains(unit) { continue }
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
        if a.first?.isNumber == true || b.first?.isNumber == true { return false }
        let formsA = forms(a)
        let formsB = forms(b)
        if !formsA.isDisjoint(with: formsB) { return true }
        guard min(a.count, b.count) >= 5 else { return false }
        if SpanishWords.phoneticKey(SpanishWords.singular(a)) == SpanishWords.phoneticKey(SpanishWords.singular(b)) {
            return true
        }
        for x in formsA where x.count >= 5 {
            for y in formsB where y.count >= 5 && SpanishWords.distance(x, y, limit: 1) <= 1 {
                return true
            }
        }
        return false
    }
}
