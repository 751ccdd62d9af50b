import Support

/// How a simulated customer says a quantity (`cantidades.json`): digits, words ("doce"),
/// named amounts ("media docena", "un par"), formats like "x 12", units ("3 pares de…").
struct QuantityWording {
    let bank: Quantities
    /// How often a number that has a word is written in words.
    let wordsRate: Double

    /// The quantity together with the product: "3 cascos dieléctricos", "tres pares de
    /// guantes de vaqueta", "media docena de conos", "conos de tránsito x 6", "una careta".
    func withProduct(_ quantity: Int, _ form: ProductForm, rng: inout SeededGenerator) -> [MessagePiece] {
        let unit = form.unit.flatMap { bank.units[$0] }
        if quantity == 1 {
            if let unit, form.unit == "par" {
                // "un par de guantes" could be read as two: one pair is said with the digit.
                return [.exact("1 \(unit.singular) de "), .loose(form.plural)]
            }
            switch rng.below(10) {
            case 0..<6:
                let article = form.gender == .feminine ? bank.one.feminineBefore : bank.one.masculineBefore
                return [.exact(article + " "), .loose(form.singular)]
            case 6..<9:
                return [.exact("1 "), .loose(form.singular)]
            default:
                return [.loose(form.singular), .exact(" x 1")]
            }
        }
        if let special = special(for: quantity, form: form), rng.chance(0.35) {
            return [.exact(special.beforeProduct + " "), .loose(form.plural)]
        }
        let useUnit = unit != nil && rng.chance(0.5)
        let product: [MessagePiece] = useUnit ? [.loose("\(unit!.plural) de \(form.plural)")] : [.loose(form.plural)]
        if let word = bank.words[String(quantity)], rng.chance(wordsRate) {
            return [.exact(word + " ")] + product
        }
        let format = useUnit ? "{n} {producto}" : rng.pick(bank.withProduct)
        return Self.fill(format, number: quantity, product: product)
    }

    /// The quantity alone, as the answer to "¿cuántos?": "3", "tres", "media docena", "x12",
    /// "2 pares", "una". `plain` leaves out forms that do not read well before "de esos".
    func alone(_ quantity: Int, _ form: ProductForm, plain: Bool = false, rng: inout SeededGenerator) -> String {
        let pairs = form.unit == "par" ? bank.units["par"] : nil
        if quantity == 1 {
            switch rng.below(10) {
            case 0..<6: return form.gender == .feminine ? bank.one.feminineAlone : bank.one.masculineAlone
            case 6..<8 where pairs != nil && !plain: return "1 \(pairs!.singular)"
            default: return "1"
            }
        }
        if let special = special(for: quantity, form: form), rng.chance(0.35) { return special.alone }
        if let word = bank.words[String(quantity)], rng.chance(wordsRate) {
            return pairs != nil && !plain && rng.chance(0.4) ? "\(word) \(pairs!.plural)" : word
        }
        if plain { return String(quantity) }
        if let pairs, rng.chance(0.4) { return "\(quantity) \(pairs.plural)" }
        return rng.pick(bank.aloneDigits).replacingOccurrences(of: "{n}", with: String(quantity))
    }

    func special(for quantity: Int, form: ProductForm) -> Quantities.Special? {
        bank.specials.first { $0.quantity == quantity && !($0.notWithPairs && form.unit == "par") }
    }

    /// A digit format ("{producto} x {n}") filled in: the number exact, the product loose.
    static func fill(_ format: String, number: Int, product: [MessagePiece]) -> [MessagePiece] {
        var pieces: [MessagePiece] = []
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.exact(String(rest[..<open]))) }
            switch rest[rest.index(after: open)..<close] {
            case "n": pieces.append(.exact(String(number)))
            default: pieces += product
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.exact(String(rest))) }
        return pieces
    }
}
