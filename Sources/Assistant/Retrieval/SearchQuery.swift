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
        /// A word or phrase naming a product, a feature or a need.
        case word
        /// A size or amount with its unit ("6kg", "10 metros"): it narrows, it does not name.
        case measure
        /// A verb saying what the product is for ("apagar", "soldar", "lavarse"): it helps
        /// when the catalog has its root ("soldador"), and is no reason to offer nothing.
        case action
        /// A word that describes without naming ("azul", "grande"): it ranks, it never
        /// excludes.
        case attribute
        /// The products of the use the embedding model found nearest to the request
        /// (`UseExampleIndex`): it adds candidates, its absence counts against nothing.
        case use
        /// A thing, place or material the shop does not sell that says what a product is
        /// for ("obra", "rampa", "pintura"; `contextos.txt`): a use when it qualifies a
        /// product or follows "para", something not carried when it is what is named.
        case context
    }

    /// Where the concept stands in the request.
    public enum Role: Sendable, Equatable {
        /// What the customer names ("casco" and "moto" in "casco de moto").
        case named
        /// What it is for, after "para", "contra", "que", "cuando"… or a verb ("calor" in
        /// "guantes para trabajar con calor", "obra" in "botas para la obra"): context.
        case purpose
    }

    /// The customer's words, folded.
    public var text: String
    public var kind: Kind
    public var role: Role
    public var phrases: [SearchPhrase]
    /// Whether `phrases` came from a spelling correction.
    public var corrected: Bool
    /// The correction sounds as the customer wrote it ("gavinete" → gabinete): no doubt
    /// about the word meant.
    public var soundsAsWritten = false
    /// Neither the catalog nor the lexicon knows the word, even corrected: it names
    /// something the shop does not list.
    public var unknown: Bool

    public init(
        text: String, kind: Kind = .word, role: Role = .named, phrases: [SearchPhrase], corrected: Bool = false,
        unknown: Bool = false
    ) {
        self.text = text
        self.kind = kind
        self.role = role
        self.phrases = phrases
        self.corrected = corrected
        self.unknown = unknown
    }

    /// Something the customer names that the shop does not carry: a word it does not know
    /// ("moto" in "casco de moto", "pizza") or a context named as the thing wanted
    /// ("¿venden escaleras?"). The request is then for something else than what its known
    /// words match.
    public var namesSomethingNotCarried: Bool {
        role == .named && ((unknown && kind == .word) || kind == .context)
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
        let marks = (role == .purpose ? "·uso" : "") + (unknown ? "·desconocida" : "") + (corrected ? "·corregida" : "")
        return "\(text)\(marks)→[\(phrases.map(\.description).joined(separator: " | "))]"
    }
}

/// A customer's message as the search understands it.
public struct SearchQuery: Sendable, Equatable {
    /// What was written.
    public var original: String
    /// The concepts, in the customer's order (filler words and quantities removed).
    public var concepts: [SearchConcept]

    public init(original: String, concepts: [SearchConcept], foldedText: String = "") {
        self.original = original
        self.concepts = concepts
        self.foldedText = foldedText
    }

    /// The content words, for an embedding model ("guantes nitrilo" for "¿Tienen 3 pares de
    /// guantes de nitrilo?").
    public var contentText: String {
        concepts.map(\.text).joined(separator: " ")
    }

    /// The customer's words as read (folded, at most `QueryUnderstanding.maxTokens`): what an
    /// embedding model is given, so that the same words are one cache entry.
    public var foldedText: String = ""

    /// Words the customer said the product must not have (`RefusedWords`: "que no sea de
    /// polvo"), singular and folded: no product that has one is offered.
    public var refused: [String] = []

    /// Whether the customer names something the shop does not carry (see
    /// `SearchConcept.namesSomethingNotCarried`).
    public var namesSomethingNotCarried: Bool {
        concepts.contains(where: \.namesSomethingNotCarried)
    }

    /// Whether every word the customer names (none of them a use) was read through a spelling
    /// correction that changes its sound: then the words alone may have found something else
    /// than what was meant.
    public var namesOnlyCorrected: Bool {
        let named = concepts.filter { $0.kind == .word && $0.role == .named }
        return !named.isEmpty && named.allSatisfy { $0.corrected && !$0.soundsAsWritten }
    }

    /// What the customer names first, when the catalog or lexicon knows it: what the product
    /// is (nil when the first thing named is not carried, or nothing is named).
    public var head: Int? {
        guard
            let first = concepts.firstIndex(where: { ($0.kind == .word || $0.kind == .context) && $0.role == .named }),
            concepts[first].kind == .word, !concepts[first].unknown
        else { return nil }
        return first
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
