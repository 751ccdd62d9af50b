import Shop
import SpanishText

/// Splits a request into its items: "10 pares de guantes de vaqueta y 5 chalecos" is
/// (10 pairs, "guantes de vaqueta") and (5, "chalecos"); "chalecos reflectivos x 12" and
/// "cinta barricada, 3 rollos" put the quantity after the product.
public enum ItemExtractor {
    public struct Item: Sendable, Equatable {
        public var quantity: Int
        public var pairs: Bool
        /// The words naming the product (folded), possibly empty ("deme 10").
        public var words: [String]
        /// Where those words are in the message.
        public var range: Range<Int>
    }

    public static func items(in words: Words) -> [Item] {
        items(in: words, counts: QuantityParser.counts(in: words))
    }

    /// The items of `words` around the quantities `counts` (already filtered: no times, no
    /// phone numbers).
    public static func items(in words: Words, counts: [QuantityParser.Mention]) -> [Item] {
        guard let first = counts.first, let last = counts.last else { return [] }
        let texts = words.texts
        let before = Array(texts[0..<first.range.lowerBound])
        let after = Array(texts[last.range.upperBound...])
        // The product before its number ("chalecos x 12", "cinta barricada, 3 rollos") when
        // nothing names a product after the last number but something does before the first.
        let productFirst = WordForms.contentWords(after).isEmpty && !WordForms.contentWords(before).isEmpty
        // "x 2" always counts the words before it ("arneses x 2 y una cinta").
        let postfix = counts.map { productFirst || $0.range.lowerBound < texts.count && texts[$0.range.lowerBound].hasPrefix("x") }
        var items: [Item] = []
        var cursor = 0
        for (index, mention) in counts.enumerated() {
            var range: Range<Int>
            if postfix[index] {
                range = min(cursor, mention.range.lowerBound)..<mention.range.lowerBound
            } else {
                let end = index + 1 < counts.count ? counts[index + 1].range.lowerBound : texts.count
                range = mention.range.upperBound..<max(mention.range.upperBound, end)
                // Before a "x N" item, its words start after the last "y" or ",".
                if index + 1 < counts.count, postfix[index + 1],
                    let connector = range.reversed().first(where: { ["y", "e"].contains(texts[$0]) })
                {
                    range = range.lowerBound..<connector
                    cursor = connector + 1
                    items.append(item(mention, range, texts))
                    continue
                }
            }
            cursor = max(range.upperBound, mention.range.upperBound)
            items.append(item(mention, range, texts))
        }
        return items
    }

    static func item(_ mention: QuantityParser.Mention, _ range: Range<Int>, _ texts: [String]) -> Item {
        let text = trimConnectors(Array(texts[range]))
        return Item(
            quantity: mention.value, pairs: mention.pairs, words: text,
            range: range.lowerBound..<(range.lowerBound + text.count))
    }

    /// Drops a trailing "y", "e", "más", "también" (they introduce the next item).
    static func trimConnectors(_ words: [String]) -> [String] {
        var words = words
        while let last = words.last, ["y", "e", "mas", "tambien", "tambn", "ademas", "con"].contains(last) {
            words.removeLast()
        }
        return words
    }

    /// Products sold in pairs: "un par de guantes" is one item; "un par de conos" is two.
    public static func soldInPairs(_ product: Product) -> Bool {
        let head = WordForms.contentWords(product.name).first ?? ""
        return ["guante", "guantes", "bota", "botas", "gafa", "gafas", "rodillera", "tapaoidos"].contains(head)
    }
}
