/// A run of folded tokens searched together. Each token matches a document token that
/// starts with it when it is a word of at least three letters (so "guante" finds "guantes"),
/// otherwise only the same token ("n95", "6kg", "3").
public struct SearchPhrase: Hashable, Sendable, CustomStringConvertible {
    public var tokens: [String]

    public init(_ tokens: [String]) {
        self.tokens = tokens
    }

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
