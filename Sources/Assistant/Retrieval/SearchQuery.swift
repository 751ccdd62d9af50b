/// A run of folded tokens searched together. Each token matches a document token that
/// starts with it when it is a word of at least three letters (so "guante" finds "guantes"),
/// otherwise only the same token ("n95", "6kg", "3").
///
/// `strength` says how directly it stands for the customer's word: 1 for the word itself
/// (singular, misspelling fixed, compound), 0.9 for a synonym, 0.7 for what a need calls for
/// ("cabeza" → casco). Phrases are equal when their tokens are.
public struct SearchPhrase: Hashable, Sendable, CustomStringConvertible {
    public var tokens: [String]
    public var strength: Double

    public init(_ tokens: [String], strength: Double = 1) {
        self.tokens = tokens
        self.strength = strength
    }

    public static func == (lhs: SearchPhrase, rhs: SearchPhrase) -> Bool { lhs.tokens == rhs.tokens }
    public func hash(into hasher: inout Hasher) { hasher.combine(tokens) }

    public static func isPrefix(_ token: String) -> Bool {
        token.count >= 3 && token.allSatisfy(\.isLetter)
    }

    static func token(_ query: String, matches document: String) -> Bool {
        isPrefix(query) ? document.hasPrefix(query) : document == query
    }

    /// Whether the phrase occurs in `document` (consecutive tokens).
    public func occurs(in document: [String]) -> Bool {
        guard !tokens.isEmpty, document.count >= tokens.count else { return false }
        for start in 0...(document.count - tokens.count) {
            var all = true
            for (offset, token) in tokens.enumerated() where !Self.token(token, matches: document[start + offset]) {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }

    public var description: String { tokens.joined(separator: " ") }
}

/// One thing the customer asked for ("guantes", "6 kilos"), with every way the catalog may
/// write it: the word, its singular, synonyms and, for a misspelt word, the catalog's
/// nearest words.
public struct SearchConcept: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A word or phrase naming a product or a feature.
        case word
        /// A size or amount with its unit ("6kg", "10 metros"): it narrows, it does not name.
        case measure
        /// A verb saying what the product is for ("apagar", "soldar", "lavarse"): it helps
        /// when the catalog has its root ("soldador"), and is no reason to offer nothing.
        case action
    }

    /// The customer's words, folded.
    public var text: String
    public var kind: Kind
    public var phrases: [SearchPhrase]
    /// Whether `phrases` came from a spelling correction.
    public var corrected: Bool

    public init(text: String, kind: Kind = .word, phrases: [SearchPhrase], corrected: Bool = false) {
        self.text = text
        self.kind = kind
        self.phrases = phrases
        self.corrected = corrected
    }

    public func occurs(in document: [String]) -> Bool {
        phrases.contains { $0.occurs(in: document) }
    }

    /// The strength of the most direct phrase found in `document`, nil when none is.
    public func strength(in document: [String]) -> Double? {
        var best: Double?
        for phrase in phrases where phrase.strength > (best ?? 0) && phrase.occurs(in: document) {
            best = phrase.strength
        }
        return best
    }

    public var description: String {
        "\(text)→[\(phrases.map(\.description).joined(separator: " | "))]"
    }
}

/// A customer's message as the search understands it.
public struct SearchQuery: Sendable, Equatable {
    /// What was written.
    public var original: String
    /// The concepts, in the customer's order (filler words and quantities removed).
    public var concepts: [SearchConcept]

    public init(original: String, concepts: [SearchConcept]) {
        self.original = original
        self.concepts = concepts
    }

    /// The content words, for an embedding model ("guantes nitrilo" for "¿Tienen 3 pares de
    /// guantes de nitrilo?").
    public var contentText: String {
        concepts.map(\.text).joined(separator: " ")
    }

    /// Every phrase of every concept, each once.
    public var allPhrases: [SearchPhrase] {
        var seen: Set<SearchPhrase> = []
        var result: [SearchPhrase] = []
        for concept in concepts {
            for phrase in concept.phrases where seen.insert(phrase).inserted { result.append(phrase) }
        }
        return result
    }
}
