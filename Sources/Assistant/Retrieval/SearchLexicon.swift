import Foundation
import SpanishText

/// What the shop knows about how customers ask: filler words and phrases that describe no
/// product, and synonyms (regional names, other ways of saying the same thing). Loaded from
/// the data files in `data/busqueda/` (see their headers for the format).
public struct SearchLexicon: Sendable {
    /// Folded words that never describe a product ("hola", "quiero", "de").
    public private(set) var fillerWords: Set<String> = []
    /// Folded multi-word fillers ("por favor", "cuanto cuesta"), longest first.
    public private(set) var fillerPhrases: [[String]] = []
    /// Key: a term's tokens in singular; value: the phrases to search too (strength 0.9 for
    /// an equivalent, 0.7 for a one-way target).
    public private(set) var expansions: [[String]: [SearchPhrase]] = [:]
    /// The longest synonym key, in tokens.
    public private(set) var longestKey = 1
    /// Every token the synonyms mention (a typo may be corrected towards them).
    public private(set) var words: Set<String> = []

    public static let synonymsFile = "sinonimos.txt"
    public static let fillersFile = "palabras_vacias.txt"

    public init() {}

    /// Parses the two files' contents.
    public init(synonyms: String, fillers: String) {
        for line in Self.lines(fillers) {
            let tokens = SpanishWords.tokens(line)
            if tokens.count == 1 {
                fillerWords.insert(tokens[0])
            } else if tokens.count > 1 {
                fillerPhrases.append(tokens)
            }
        }
        fillerPhrases.sort { $0.count > $1.count }
        for line in Self.lines(synonyms) {
            let sides = line.components(separatedBy: "=>")
            let left = Self.terms(sides[0], dropping: fillerWords)
            let right = sides.count > 1 ? Self.terms(sides[1], dropping: fillerWords) : []
            let targets =
                left.map { SearchPhrase($0, strength: Self.equivalent) }
                + right.map { SearchPhrase($0, strength: Self.oneWay) }
            for term in left {
                let key = term.map(SpanishWords.singular)
                var known = expansions[key] ?? []
                for target in targets where !known.contains(target) { known.append(target) }
                expansions[key] = known
                longestKey = max(longestKey, key.count)
            }
            for term in left + right { words.formUnion(term) }
        }
    }

    /// Loads `sinonimos.txt` and `palabras_vacias.txt` from `directory`.
    public static func load(directory: String) throws -> SearchLexicon {
        let base = URL(fileURLWithPath: directory)
        let synonyms = try String(contentsOf: base.appendingPathComponent(synonymsFile), encoding: .utf8)
        let fillers = try String(contentsOf: base.appendingPathComponent(fillersFile), encoding: .utf8)
        return SearchLexicon(synonyms: synonyms, fillers: fillers)
    }

    static let equivalent = 0.9
    static let oneWay = 0.7

    /// The phrases to search for `tokens` (singular), nil when the lexicon has no synonyms.
    public func synonyms(of tokens: [String]) -> [SearchPhrase]? {
        expansions[tokens]
    }

    /// Comma-separated terms; filler words inside a multi-word term are dropped (queries lose
    /// them too), so "kit de primeros auxilios" matches the catalog's "kit primeros auxilios".
    private static func terms(_ side: String, dropping fillers: Set<String>) -> [[String]] {
        side.split(separator: ",").compactMap { raw in
            let tokens = SpanishWords.tokens(String(raw))
            guard !tokens.isEmpty else { return nil }
            let content = tokens.filter { !fillers.contains($0) }
            return content.isEmpty ? tokens : content
        }
    }

    private static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
        }
    }
}
