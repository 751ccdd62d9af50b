import Shop
import SpanishText

/// Decides which catalog product a customer's phrase names, among candidates (from the
/// retriever, the options just offered, or the products recently discussed).
///
/// A candidate scores by the phrase's words found in its name (the first name word, the
/// kind of product, counts most), then in its description; words found nowhere count
/// against it. One clear winner is a match; several equally good ones are a question to
/// the customer ("¿cuál de estos chalecos?").
public enum ProductMatcher {
    public enum Outcome: Sendable, Equatable {
        case match(Product)
        /// Equally good candidates, best first.
        case ambiguous([Product])
        case none
    }

    struct Scored {
        var product: Product
        var score: Double
        var nameHits: Int
        var headHit: Bool
        var unmatched: Int
        var rank: Int
    }

    /// `query` is the customer's phrase (already without quantities); candidates best first.
    /// `kindNames`: other one-word names of kinds of product (singular word → the kinds'
    /// words), heard as the kind ("filtros" for a "Cartucho").
    public static func resolve(
        _ query: [String], among candidates: [Product], kindNames: [String: Set<String>] = [:]
    ) -> Outcome {
        let words = WordForms.shapes(WordForms.contentWords(query))
        guard !words.isEmpty, !candidates.isEmpty else { return .none }
        let scored = candidates.enumerated().map { score(words, $1, rank: $0, kindNames: kindNames) }
            .filter { $0.nameHits > 0 || $0.unmatched < words.count }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }
        guard let best = scored.first else { return .none }
        let tied = scored.filter { $0.score >= best.score - 0.01 }
        if tied.count == 1 { return .match(best.product) }
        return .ambiguous(tied.prefix(8).map(\.product))
    }

    /// Whether every content word of the phrase is found in the product (name or description).
    public static func coversAll(_ query: [String], _ product: Product) -> Bool {
        let words = WordForms.shapes(WordForms.contentWords(query))
        return !words.isEmpty && score(words, product, rank: 0).unmatched == 0
    }

    /// `words`: the phrase's content words, each shaped once for all the candidates.
    static func score(
        _ words: [WordForms.Shape], _ product: Product, rank: Int, kindNames: [String: Set<String>] = [:]
    ) -> Scored {
        let name = WordForms.shapes(ProductWords.of(product.name))
        let description = WordForms.shapes(ProductWords.of(product.description))
        var nameHits = 0
        var kindNameHits = 0
        var descriptionHits = 0
        var unmatched = 0
        var headHit = false
        var leadHit = false
        for (index, word) in words.enumerated() {
            if let position = name.firstIndex(where: { WordForms.same(word, $0) }) {
                nameHits += 1
                if position == 0 { headHit = true }
                // The customer's first word is the product's kind ("fundas para tapabocas").
                if position == 0, index == 0 { leadHit = true }
            } else if !kindNames.isEmpty, let kind = name.first?.word,
                let others = kindNames[SpanishWords.singular(word.word)],
                others.contains(where: { WordForms.same($0, kind) })
            {
                // Another name of the product's kind ("filtros" for "Cartucho ABEK"), weaker
                // than the kind said ("citas de barricada" is the "Cinta barricada", not the
                // "Valla" a barricada also is).
                kindNameHits += 1
                if index == 0 { leadHit = true }
            } else if let position = description.firstIndex(where: { WordForms.same(word, $0) }) {
                descriptionHits += 1
                // The kind said first and written first in the description ("soportes para
                // ponerlas en el casco": Montura linterna, "Soporte para linterna casco").
                if position == 0, index == 0 { leadHit = true }
            } else {
                unmatched += 1
            }
        }
        let covered = name.allSatisfy { part in words.contains { WordForms.same($0, part) } }
        var score =
            3.0 * Double(nameHits) + kindNameWeight * Double(kindNameHits) + Double(descriptionHits)
            - 2.0 * Double(unmatched)
        if headHit { score += 1.5 }
        if leadHit { score += 1 }
        if covered && nameHits > 0 { score += 2 }
        return Scored(
            product: product, score: score, nameHits: nameHits + kindNameHits, headHit: headHit, unmatched: unmatched,
            rank: rank)
    }

    /// What another name of the product's kind counts: less than a word of its name (3).
    static let kindNameWeight = 2.5
}
