import SpanishText

/// Finds the quantities in a customer's message: digits or Spanish words ("10", "dos",
/// "una docena", "media docena", "x 12"), with the unit words that follow them ("10 pares
/// de", "3 rollos de"). Numbers that are sizes or codes ("de 9 kilos", "3 pliegues",
/// "talla 9") or prices ("$14.000", "el de 14 mil") are not quantities.
public enum QuantityParser {
    public struct Mention: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case count
            /// A price the customer named ("el de 14 mil"), in pesos.
            case price
        }

        public var value: Int
        public var kind: Kind
        /// Words taken, including unit words and a following "de".
        public var range: Range<Int>
        /// Counted in pairs ("un par de", "10 pares de").
        public var pairs: Bool
    }

    /// Measure words that are also what a product comes in: "N galones de …" orders N of them.
    static let containers: Set<String> = ["galon", "galones", "litro", "litros", "caneca", "canecas"]
    /// Words right before the count that is a line's final amount ("mejor 2", "que sean 5").
    static let finalAmountWords: Set<String> = ["mejor", "sean"]
    /// Nouns of a request whose "de" leads to what is ordered ("pedido de", "cotización de").
    static let requestNouns: Set<String> = ["pedido", "compra", "cotizacion", "orden", "solicitud", "despacho"]
    /// Verbs after which a bare number may be a price.
    static let priceVerbs: Set<String> = [
        "vale", "valen", "valia", "valian", "cuesta", "cuestan", "costaba", "costaban", "sale", "salen",
    ]
    /// The least a bare number after a price verb must be to read as pesos (the cheapest
    /// product costs hundreds): "cuestan 3" is no price.
    static let minBarePrice = 100
    /// Words a number after which names a size, a class or a line of a list ("la línea 4"),
    /// not a count.
    static let specMarkers: Set<String> = [
        "talla", "clase", "tipo", "numero", "no", "referencia", "ref", "modelo", "linea", "item", "renglon",
    ]

    public static func mentions(in words: Words) -> [Mention] {
        var found: [Mention] = []
        // Words that open a line or follow ":" or ";": the word before them is another
        // phrase's ("cotización y compra de:\n- cinco galones de alcohol").
        let characters = Array(words.original)
        let opensPhrase = words.words.indices.map { index in
            index == 0
                || characters[words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound]
                    .contains { "\n:;".contains($0) }
        }
        // "discos de corte de 7\"", "tubo de 2”": a number marked as inches is a size.
        let inches = words.words.map { word in
            word.range.upperBound < characters.count && "\"”″".contains(characters[word.range.upperBound])
        }
        var index = 0
        while index < words.count {
            if inches[index], SpanishNumber.digitsValue(words[index]) != nil {
                index += 1
            } else if let mention = mention(in: words, at: index, opensPhrase: opensPhrase[index]) {
                if mention.kind == .count, isFeature(at: index, after: found.last, words, characters) {
                    index = mention.range.upperBound
                    continue
                }
                found.append(mention)
                index = mention.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// "10 arneses full body de 2 argollas", "20 cajas de 100 guantes": a number after "de",
    /// a few words after a count with its product between and nothing that opens another
    /// item (a comma, a line, "y"), is a feature of that product, not a count of its own.
    static func isFeature(at index: Int, after previous: Mention?, _ words: Words, _ characters: [Character]) -> Bool {
        guard let previous, previous.kind == .count, words.at(index - 1) == "de",
            index - 1 > previous.range.upperBound, index - previous.range.upperBound <= maxFeatureGap
        else { return false }
        let between = previous.range.upperBound..<index
        // "un pedido de 6 fajas": the noun of a request leads to the count.
        guard
            !between.contains(where: {
                ["y", "e", "mas", "tambien"].contains(words[$0]) || requestNouns.contains(words[$0])
            })
        else { return false }
        let gap = characters[
            words.words[previous.range.upperBound].range.lowerBound..<words.words[index].range.lowerBound]
        return !gap.contains { ",;\n".contains($0) }
    }

    /// The most words between a count and a number that is its product's feature.
    static let maxFeatureGap = 6

    /// Only the counts (what the customer wants to buy).
    public static func counts(in words: Words) -> [Mention] {
        mentions(in: words).filter { $0.kind == .count }
    }

    static func mention(in words: Words, at index: Int, opensPhrase: Bool = false) -> Mention? {
        var start = index
        var word = words[index]
        // "x12", "x 12": a count written after the product.
        if word == "x", let (value, length) = SpanishNumber.read(words, at: index + 1),
            SpanishNumber.digitsValue(words.at(index + 1)) != nil
        {
            return finish(words, start: index, end: index + 1 + length, value: value)
        }
        // "x12" after the product, "30x" before it ("mándeme 30x cinta aislante, 10x doble faz").
        if word.count > 1, word.hasPrefix("x") || word.hasSuffix("x"),
            let value = SpanishNumber.digitsValue(String(word.hasPrefix("x") ? word.dropFirst() : word.dropLast()))
        {
            return Mention(value: value, kind: .count, range: index..<index + 1, pairs: false)
        }
        guard let (value, length) = SpanishNumber.read(words, at: index) else { return nil }
        var end = index + length
        let before = opensPhrase ? "" : words.at(index - 1)
        let after = words.at(end)
        // "los que valen 500", "salen a 1.900": a number after a price verb, with no product
        // after it, is what something costs ("¿cuánto valen 10 guantes?" counts).
        let priced =
            (priceVerbs.contains(before) || (before == "a" && priceVerbs.contains(words.at(index - 2))))
            && value >= minBarePrice
            && (after.isEmpty || after.first?.isNumber == true || WordForms.contentWords([after]).isEmpty)
        if before == "$" || after == "pesos" || after == "mil" || (["de", "d"].contains(before) && value >= 1000)
            || priced
        {
            if after == "pesos" || after == "mil" { end += 1 }
            let pesos = after == "mil" ? value * 1000 : value
            start = before == "$" ? index - 1 : index
            return Mention(value: pesos, kind: .price, range: start..<end, pairs: false)
        }
        // "dos galones de jabón": containers counted, not a size ("extintor de 2 galones"),
        // also after a request noun ("un pedido de un galón de jabón").
        let requested = before == "de" && requestNouns.contains(words.at(index - 2))
        if containers.contains(after), ["de", "del"].contains(words.at(end + 1)), before != "de" || requested,
            !specMarkers.contains(before)
        {
            return Mention(value: value, kind: .count, range: start..<(end + 2), pairs: false)
        }
        // "mejor 2 galones", "mándeme 3 galones": containers counted after a word asking an amount.
        if containers.contains(after), finalAmountWords.contains(before) || Lexicon.requestVerbs.contains(before) {
            return Mention(value: value, kind: .count, range: start..<(end + 1), pairs: false)
        }
        if CommonWords.isMeasureUnit(after) || specMarkers.contains(before) { return nil }
        // "las busetas llevan de a dos", "vienen de a 10": a count shared out is no amount.
        if before == "a", words.at(index - 2) == "de" { return nil }
        word = words[index]
        // Articles are quantities only before something ("una alarma"), never alone at the end.
        if ["un", "una", "uno"].contains(word), length == 1, end >= words.count { return nil }
        return finish(words, start: start, end: end, value: value)
    }

    /// Takes the unit words after the number ("pares", "rollos", then "de").
    private static func finish(_ words: Words, start: Int, end: Int, value: Int) -> Mention {
        var end = end
        var pairs = false
        if Lexicon.countUnits.contains(words.at(end)) {
            pairs = ["par", "pares"].contains(words.at(end))
            end += 1
        }
        if words.at(end) == "de" || words.at(end) == "del" { end += 1 }
        return Mention(value: value, kind: .count, range: start..<end, pairs: pairs)
    }
}
