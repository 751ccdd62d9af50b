import Shop
import SpanishText

/// Splits a request into its items: "10 pares de guantes de vaqueta y 5 chalecos" is
/// (10 pairs, "guantes de vaqueta") and (5, "chalecos"); "chalecos reflectivos x 12" and
/// "cinta barricada, 3 rollos" put the quantity after the product.
public enum ItemExtractor {
    /// Products one message may order: each is a catalog search (and, with embeddings, a
    /// paid query embedding), so a message listing hundreds of numbers cannot fan out into
    /// hundreds of searches (issue 16). The rest get one line asking to send them apart.
    public static let maxItemsPerMessage = 20

    public struct Item: Sendable, Equatable {
        public var quantity: Int
        public var pairs: Bool
        /// The words naming the product (folded), possibly empty ("deme 10").
        public var words: [String]
        /// Where those words are in the message.
        public var range: Range<Int>
    }

    public static func items(in words: Words) -> [Item] {
        let counts = QuantityParser.counts(in: words)
        guard let first = counts.first, let last = counts.last else { return [] }
        let texts = words.texts
        let before = Array(texts[0..<first.range.lowerBound])
        let after = Array(texts[last.range.upperBound...])
        // The product before its number ("chalecos x 12", "cinta barricada, 3 rollos") when
        // nothing names a product after the last number but something does before the first.
        let productFirst = WordForms.contentWords(after).isEmpty && !WordForms.contentWords(before).isEmpty
        return counts.enumerated().map { index, mention in
            let range: Range<Int>
            if productFirst {
                range = (index == 0 ? 0 : counts[index - 1].range.upperBound)..<mention.range.lowerBound
            } else {
                range =
                    mention.range
                    .upperBound..<(index + 1 < counts.count ? counts[index + 1].range.lowerBound : texts.count)
            }
            let text = trimConnectors(Array(texts[range]))
            return Item(
                quantity: mention.value, pairs: mention.pairs, words: text,
                range: range.lowerBound..<(range.lowerBound + text.count))
        }
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
