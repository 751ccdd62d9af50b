import Foundation
import Shop
import SpanishText

/// What a request says it must not be: the words after "que no sea", "no puede ser", "no
/// quiero" ("un extintor que no sea de polvo", "no quiero el de polvo") or between "el de" and
/// "no (me) sirve" ("el de polvo no sirve para el aceite": a kind told by a feature; "el
/// extintor que tengo ya no sirve" asks for a new one). The search leaves those words out of
/// what is sought and offers no product that has them.
public enum RefusedWords {
    /// Words that say the rest of the phrase is not wanted ("nada de" is not one: "andan sin
    /// nada de protección" asks for it).
    static let leads: [[String]] = [
        ["no", "sea"], ["no", "sean"], ["no", "puede", "ser"], ["no", "pueden", "ser"], ["no", "quiero"],
        ["no", "queremos"], ["no", "necesito"],
    ]
    /// Verbs a refused kind comes before ("el de polvo no sirve").
    static let uselessVerbs: Set<String> = ["sirve", "sirven", "funciona", "funcionan", "aguanta", "aguantan"]
    /// Pronouns between "no" and that verb ("no me sirve").
    static let pronouns: Set<String> = ["me", "nos", "le", "les", "te"]
    /// Articles a refused kind starts with before "de … no sirve".
    static let articles: Set<String> = ["el", "la", "los", "las", "ese", "esa", "esos", "esas"]
    /// Words skipped between a lead and the thing ("que no sea de polvo", "muy grande").
    static let skipped: Set<String> = ["de", "del", "el", "la", "los", "las", "un", "una", "muy", "tan", "tipo"]
    /// Words that end the refused thing ("que no sea extintor porque ya tengo", "no quiero el
    /// de polvo, mejor otro": the tokens carry no commas).
    static let stops: Set<String> = [
        "porque", "xq", "pq", "que", "q", "pues", "y", "e", "pero", "sino", "por", "para", "pa", "ya", "si", "como",
        "o", "ni", "no", "sirve", "sirven", "mejor", "entonces", "solo", "tambien", "aunque",
    ]
    /// Words never refused as a product's word ("no quiero nada más", "que no sea otro").
    static let vague: Set<String> = [
        "nada", "mas", "otro", "otra", "otros", "otras", "eso", "esto", "cosa", "cosas", "mucho", "mucha", "caro",
        "cara", "caros", "caras",
    ]
    /// Words of a refused thing at most.
    static let maxWords = 2
    /// Tokens looked back from "no" for the article before "no sirve".
    static let maxLookBack = 4

    /// The spans of `tokens` that say what is not wanted (the lead or verb included, so none
    /// of it is read as what is sought) and the refused words (letters only, four or more,
    /// none vague), each once. Linear: each lead is tried once per position.
    public static func read(_ tokens: [String]) -> (spans: [Range<Int>], words: [String]) {
        var spans: [Range<Int>] = []
        var words: [String] = []
        func take(_ range: Range<Int>) {
            for token in tokens[range]
            where token.count >= 4 && token.allSatisfy(\.isLetter) && !vague.contains(token) && !stops.contains(token)
                && !skipped.contains(token)
            {
                let singular = SpanishWords.singular(token)
                if !words.contains(singular) { words.append(singular) }
            }
        }
        var index = 0
        while index < tokens.count {
            if let lead = leads.first(where: { lead in
                index + lead.count <= tokens.count && Array(tokens[index..<(index + lead.count)]) == lead
            }) {
                var end = index + lead.count
                while end < tokens.count, skipped.contains(tokens[end]) { end += 1 }
                let start = end
                while end < tokens.count, end - start < maxWords, !stops.contains(tokens[end]) { end += 1 }
                if end > start {
                    take(start..<end)
                    spans.append(index..<end)
                    index = end
                    continue
                }
            }
            if uselessVerbs.contains(tokens[index]) {
                var no = index - 1
                if no >= 0, pronouns.contains(tokens[no]) { no -= 1 }
                if no > 0, tokens[no] == "no",
                    let article = stride(from: no - 1, through: max(0, no - maxLookBack), by: -1).first(where: {
                        articles.contains(tokens[$0])
                    }), article + 2 < no, tokens[article + 1] == "de"
                {
                    take((article + 1)..<no)
                    if let last = spans.last, last.upperBound > article { spans.removeLast() }
                    spans.append(article..<(index + 1))
                }
            }
            index += 1
        }
        return (spans, words)
    }

    /// Whether a product has one of the refused words in its name or description.
    public static func refuses(_ words: [String], _ product: Product) -> Bool {
        guard !words.isEmpty else { return false }
        let text = SpanishWords.tokens(product.name + " " + product.description)
        return words.contains { word in text.contains { $0.hasPrefix(word) } }
    }
}
