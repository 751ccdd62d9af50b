import Shop
import SpanishText

/// Splits a request into its items. The message is cut into segments at line breaks,
/// punctuation and "y"; a segment with one quantity is one item, its product before or
/// after the number ("10 pares de guantes de vaqueta y 5 chalecos", "chalecos reflectivos
/// x 12", "eslingas dobles: 7"); a quantity alone takes the product of the segment before it
/// ("cinta barricada, 3 rollos"); a product alone after "y" describes the item before it
/// ("3 cintas amarillas y negras"). A segment with several quantities is read in order
/// ("2 cascos 3 conos"). One pass over the words.
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

    struct Segment {
        var range: Range<Int>
        var counts: [QuantityParser.Mention]
        /// The segment began after "y" / "e".
        var afterAnd: Bool
    }

    /// The items of `words` around the quantities `counts` (already filtered: no times, no
    /// phone numbers). `ignoring`: words that never name a product ("mándeme", "cantidad").
    public static func items(
        in words: Words, counts: [QuantityParser.Mention], ignoring: (String) -> Bool = { _ in false }
    ) -> [Item] {
        guard !counts.isEmpty else { return [] }
        let texts = words.texts
        func names(_ range: Range<Int>) -> Bool {
            WordForms.contentWords(Array(texts[range])).contains { !ignoring($0) }
        }
        var items: [Item] = []
        var orphan: Range<Int>?
        var previousHasProduct = false
        for segment in segments(words, counts: counts) {
            let named = names(segment.range)
            switch segment.counts.count {
            case 0:
                guard named else { continue }
                // …unless it begins with an object pronoun: a request to the shop ("y me dice
                // cuánto vale", "y nos confirma el envío"), not a description.
                let request = Self.objectPronouns.contains(texts[segment.range.lowerBound])
                if segment.afterAnd, previousHasProduct, !request, let last = items.indices.last {
                    // "3 cintas amarillas y negras": the words describe the item before.
                    let range = items[last].range.lowerBound..<segment.range.upperBound
                    items[last].words = trimConnectors(Array(texts[range]))
                    items[last].range = range
                } else {
                    orphan = segment.range
                }
            case 1:
                let mention = segment.counts[0]
                // "9 unidades de cartuchos" (product after), else "overoles antifluido: 4".
                var range = mention.range.upperBound..<segment.range.upperBound
                var before = segment.range.lowerBound..<mention.range.lowerBound
                // "… cantidad 8": the marker is no part of the product.
                while before.upperBound > before.lowerBound, countMarkers.contains(texts[before.upperBound - 1]) {
                    before = before.lowerBound..<(before.upperBound - 1)
                }
                // "extintores clase K x 3 para la obra", "botas … cantidad 8 para la obra": a
                // count written after its product, or followed by what it is for, counts the
                // words before it.
                let postfix =
                    texts[mention.range.lowerBound].hasPrefix("x") || before.upperBound < mention.range.lowerBound
                let purpose = !range.isEmpty && purposeWords.contains(texts[range.lowerBound])
                if !names(range) || purpose || (postfix && names(before)) {
                    range = before
                    // "cintas amarillas y negras x 6": the words before "y" describe it too.
                    if postfix, segment.afterAnd, let described = orphan, names(range) {
                        range = described.lowerBound..<range.upperBound
                    }
                }
                var hasProduct = names(range)
                if !hasProduct, let before = orphan {
                    // "eslingas dobles: 7", "cinta barricada, 3 rollos".
                    range = before
                    hasProduct = true
                } else if !hasProduct, purpose {
                    // "deme 3 para la obra": the product in focus, for the site.
                    range = mention.range.upperBound..<mention.range.upperBound
                }
                items.append(item(mention, range, texts))
                previousHasProduct = hasProduct
                orphan = nil
            default:
                items += sequential(texts, segment, names: names)
                previousHasProduct = true
                orphan = nil
            }
        }
        return items
    }

    /// Segments at line breaks, punctuation (not inside numbers) and "y"/"e".
    static func segments(_ words: Words, counts: [QuantityParser.Mention]) -> [Segment] {
        let characters = Array(words.original)
        var segments: [Segment] = []
        var start = 0
        var afterAnd = false
        var countIndex = 0
        // Words inside a quantity after its first ("un par de") never cut.
        var insideCount = [Bool](repeating: false, count: words.count)
        for mention in counts {
            for index in mention.range.dropFirst() where index < words.count { insideCount[index] = true }
        }
        func close(_ end: Int, nextAfterAnd: Bool) {
            if start < end {
                var inside: [QuantityParser.Mention] = []
                while countIndex < counts.count, counts[countIndex].range.lowerBound < end {
                    if counts[countIndex].range.lowerBound >= start { inside.append(counts[countIndex]) }
                    countIndex += 1
                }
                segments.append(Segment(range: start..<end, counts: inside, afterAnd: afterAnd))
            }
            afterAnd = nextAfterAnd
        }
        for index in 0..<words.count {
            let word = words[index]
            let inCount = insideCount[index]
            if !inCount, word == "y" || word == "e" {
                close(index, nextAfterAnd: true)
                start = index + 1
                continue
            }
            if index > 0 {
                let gap = characters[words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound]
                if !inCount, gap.contains(where: { ",;:\n|.".contains($0) }) {
                    close(index, nextAfterAnd: false)
                    start = index
                }
            }
        }
        close(words.count, nextAfterAnd: false)
        return segments
    }

    /// Pronouns that begin a clause addressed to the shop after "y" ("y me dice…").
    static let objectPronouns: Set<String> = ["me", "nos", "le", "les", "te", "se"]

    /// Words that announce a count written after the product ("cantidad 8").
    static let countMarkers: Set<String> = ["cantidad", "cant", "cantidades"]
    /// Words that open what a product is for ("para la obra"), never the product itself.
    static let purposeWords: Set<String> = ["para", "pa", "pal", "pra"]

    /// Several quantities in one segment: each takes the words after it, or (when nothing
    /// follows the last) the words before it.
    static func sequential(_ texts: [String], _ segment: Segment, names: (Range<Int>) -> Bool) -> [Item] {
        let counts = segment.counts
        let productFirst =
            !names(counts[counts.count - 1].range.upperBound..<segment.range.upperBound)
            && names(segment.range.lowerBound..<counts[0].range.lowerBound)
        return counts.enumerated().map { index, mention in
            let range: Range<Int>
            if productFirst {
                let start = index == 0 ? segment.range.lowerBound : counts[index - 1].range.upperBound
                range = start..<mention.range.lowerBound
            } else {
                let end = index + 1 < counts.count ? counts[index + 1].range.lowerBound : segment.range.upperBound
                range = mention.range.upperBound..<max(mention.range.upperBound, end)
            }
            return item(mention, range, texts)
        }
    }

    static func item(_ mention: QuantityParser.Mention, _ range: Range<Int>, _ texts: [String]) -> Item {
        var start = range.lowerBound
        while start < range.upperBound, ["y", "e"].contains(texts[start]) { start += 1 }
        let text = trimConnectors(Array(texts[start..<range.upperBound]))
        return Item(
            quantity: mention.value, pairs: mention.pairs, words: text, range: start..<(start + text.count))
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
        let head = ProductWords.of(product.name).first ?? ""
        return ["guante", "guantes", "bota", "botas", "gafa", "gafas", "rodillera", "tapaoidos"].contains(head)
    }
}
