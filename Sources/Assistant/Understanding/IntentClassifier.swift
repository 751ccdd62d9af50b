import Foundation

/// Intents by nearest neighbours among labelled examples (Rasa NLU's idea, without training):
/// each text becomes a TF-IDF vector of its tokens (`MessageTokens`), their adjacent pairs and
/// their character 3- and 4-grams (so "sigamso" still lands near "sigamos"), L2-normalised;
/// a message's k most similar examples (cosine, through an inverted index) vote with their
/// similarity. Deterministic; time linear in the message (its features times their postings,
/// both bounded by the bank).
public struct IntentClassifier: Sendable {
    public struct Example: Sendable, Equatable {
        public var intent: Intent
        public var text: String

        public init(_ intent: Intent, _ text: String) {
            self.intent = intent
            self.text = text
        }
    }

    /// The classifier's answer for one message.
    public struct Guess: Sendable, Equatable {
        public var intent: Intent
        /// The share of the neighbours' vote the intent got (0…1) times how close the best of
        /// them is (so an unfamiliar message is not confident however the vote went).
        public var confidence: Double
        /// Cosine similarity of the closest example (0…1).
        public var similarity: Double
        /// The second intent of the vote, if any.
        public var runnerUp: Intent?
        /// The closest example's text (for logs and tests).
        public var nearest: String
    }

    static let neighbours = 5
    /// Weights of the three kinds of features.
    static let wordWeight: Float = 1.0
    static let pairWeight: Float = 0.8
    static let gramWeight: Float = 0.35

    let examples: [Example]
    /// Feature → (example, weight) postings.
    private let postings: [String: [(Int32, Float)]]
    private let idf: [String: Float]
    /// The weight of a feature no example has.
    private let unknownIDF: Float
    /// The catalog words masked in examples and messages alike (`MessageTokens`).
    public let catalog: Set<String>
    /// Words the examples of cart requests use that are not catalog words ("súmele",
    /// "apúnteme", "mejor"): they ask, they never name a product.
    public let commandWords: Set<String>
    /// Words the examples of product questions use that are not catalog words ("cuestan",
    /// "salen", "manejan"): they ask about a product, they never name one.
    public let questionWords: Set<String>
    /// The examples' words, and each with one letter left out (a symmetric-delete index):
    /// a message's unknown word one edit away from a known one ("lsito", "sigamso") is
    /// read as that word.
    private let vocabulary: Set<String>
    private let oneLetterOff: [String: String]
    /// The catalog's words with one letter left out (the same symmetric-delete idea), so a
    /// slip in a product's name ("respriador", "exitntor") still names a product.
    private let catalogOneLetterOff: Set<String>
    /// The fewest letters a word needs to be matched one edit away from a catalog word.
    static let minCatalogSlipLetters = 5
    /// The fewest letters a word needs to be read as a slip of a command word.
    static let minCommandSlipLetters = 6
    static let maxCorrections = 40

    /// `catalog`: the catalog's words (`MessageTokens.catalogWords`), masked in the examples
    /// as they will be in messages.
    public init(examples: [Example], catalog: Set<String> = []) {
        self.examples = examples
        self.catalog = catalog
        let tokenized = examples.map { MessageTokens($0.text, catalog: catalog).tokens }
        var commandWords: Set<String> = []
        for (example, tokens) in zip(examples, tokenized) where example.intent.changesCart || example.intent == .choose
        {
            commandWords.formUnion(tokens.filter { !$0.hasPrefix("#") })
        }
        self.commandWords = commandWords
        var questionWords: Set<String> = []
        for (example, tokens) in zip(examples, tokenized) where example.intent.asksAboutProducts {
            questionWords.formUnion(tokens.filter { !$0.hasPrefix("#") })
        }
        self.questionWords = questionWords.subtracting(catalog)
        var vocabulary: Set<String> = []
        for tokens in tokenized { vocabulary.formUnion(tokens.filter { !$0.hasPrefix("#") }) }
        self.vocabulary = vocabulary
        var oneLetterOff: [String: String] = [:]
        for word in vocabulary.sorted() where word.count >= 4 {
            for variant in Self.deletions(word) where oneLetterOff[variant] == nil { oneLetterOff[variant] = word }
        }
        self.oneLetterOff = oneLetterOff
        var catalogOneLetterOff: Set<String> = []
        for word in catalog where word.count >= Self.minCatalogSlipLetters && word.count <= 20 {
            catalogOneLetterOff.insert(word)
            catalogOneLetterOff.formUnion(Self.deletions(word))
        }
        self.catalogOneLetterOff = catalogOneLetterOff
        let counts = tokenized.map(Self.counts)
        var documentFrequency: [String: Int] = [:]
        for features in counts { for feature in features.keys { documentFrequency[feature, default: 0] += 1 } }
        let total = Float(max(examples.count, 1))
        var idf: [String: Float] = [:]
        for (feature, frequency) in documentFrequency { idf[feature] = log((total + 1) / Float(frequency + 1)) + 1 }
        self.idf = idf
        unknownIDF = log(total + 1) + 1
        var postings: [String: [(Int32, Float)]] = [:]
        for (index, features) in counts.enumerated() {
            for (feature, weight) in Self.normalized(features, idf: idf, unknown: unknownIDF) {
                postings[feature, default: []].append((Int32(index), weight))
            }
        }
        self.postings = postings
    }

    /// The intent of a message; nil when it shares nothing with any example.
    public func classify(_ text: String) -> Guess? {
        classify(tokens: MessageTokens(text, catalog: catalog).tokens)
    }

    public func classify(tokens: [String]) -> Guess? {
        let query = Self.normalized(Self.counts(corrected(tokens)), idf: idf, unknown: unknownIDF)
        guard !query.isEmpty, !examples.isEmpty else { return nil }
        var scores = [Float](repeating: 0, count: examples.count)
        for (feature, weight) in query {
            guard let list = postings[feature] else { continue }
            for (example, exampleWeight) in list { scores[Int(example)] += weight * exampleWeight }
        }
        var best: [(Int, Float)] = []
        for (index, score) in scores.enumerated() where score > 0 {
            if best.count < Self.neighbours {
                best.append((index, score))
                best.sort { $0.1 > $1.1 }
            } else if score > best[best.count - 1].1 {
                best[best.count - 1] = (index, score)
                best.sort { $0.1 > $1.1 }
            }
        }
        guard let top = best.first else { return nil }
        var votes: [Intent: Float] = [:]
        for (index, score) in best { votes[examples[index].intent, default: 0] += score * score }
        let ranked = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
        let total = ranked.reduce(0) { $0 + $1.value }
        let similarity = Double(min(1, top.1))
        let share = Double(ranked[0].value / max(total, 1e-9))
        // The nearest example decides when it is clearly closer than the rest of the vote.
        let leader = examples[top.0].intent
        let intent = similarity >= 0.85 ? leader : ranked[0].key
        let shareOfIntent = Double((votes[intent] ?? 0) / max(total, 1e-9))
        return Guess(
            intent: intent, confidence: max(shareOfIntent, intent == ranked[0].key ? share : 0) * similarity,
            similarity: similarity, runnerUp: ranked.first { $0.key != intent }?.key,
            nearest: examples[top.0].text)
    }

    /// Whether a message word is one of the words cart requests are made of ("súmele",
    /// "cámbielo", and their misspellings "camvielo", shorthand "bno"): it names no product.
    public func isCommandWord(_ word: String) -> Bool {
        let form = MessageTokens.mask(word, catalog: [])
        if commandWords.contains(form) { return true }
        // A catalog word is never a slip of a command ("pala" is no "para"), nor is a short
        // word, which one letter makes another word ("manos" is no "menos").
        if !catalog.contains(form), form.count >= Self.minCommandSlipLetters,
            commandWords.contains(corrected([form])[0])
        {
            return true
        }
        return Self.isCliticCommand(form) && !isCatalogWord(form)
    }

    /// A command with its pronouns attached, the way requests are made in Colombia whatever
    /// the verb ("écheme", "tráigame", "alcáncemelos", "mándele"): a stem of at least three
    /// letters ending in a vowel (or the plural's "n": "échenme") before "me", "le" or a
    /// double pronoun ("melo", "selos"…). Nouns with those endings have a consonant before
    /// them ("uniforme", "cable", "calle"). "nos", "les", "lo" and "la" are left out: plurals
    /// and nouns end so too ("medianos", "overoles", "suela").
    static func isCliticCommand(_ word: String) -> Bool {
        guard word.count >= 5, word.count <= 20, word.allSatisfy(\.isLetter) else { return false }
        for clitic in cliticEndings where word.hasSuffix(clitic) {
            let stem = word.dropLast(clitic.count)
            guard stem.count >= 3, let last = stem.last else { return false }
            return "aeiou".contains(last) || (last == "n" && stem.dropLast().last.map { "aeiou".contains($0) } == true)
        }
        return false
    }

    /// "póngamelo", "mándemela", "tráigaselo": a command asking for one thing already named
    /// (its object pronoun singular).
    static func asksForOne(_ word: String) -> Bool {
        isCliticCommand(word) && ["melo", "mela", "selo", "sela"].contains(where: word.hasSuffix)
    }

    /// Longest first.
    static let cliticEndings = [
        "melos", "melas", "selos", "selas", "noslo", "nosla", "melo", "mela", "selo", "sela", "me", "le",
    ]

    /// Whether a message word is a catalog word or one edit (a letter missing, added,
    /// changed or two swapped) from one of at least `minCatalogSlipLetters` letters. Words
    /// of the examples are never slips ("cambio" is not "cambia").
    public func isCatalogWord(_ word: String) -> Bool {
        if catalog.contains(word) { return true }
        guard word.count >= Self.minCatalogSlipLetters, word.count <= 21, !vocabulary.contains(word),
            word.allSatisfy(\.isLetter)
        else { return false }
        if catalogOneLetterOff.contains(word) { return true }
        return Self.deletions(word).contains { catalogOneLetterOff.contains($0) }
    }

    /// Whether a message word is one of the words product questions are made of (or one
    /// edit from one: "salen" for "sale").
    public func isQuestionWord(_ word: String) -> Bool {
        let form = MessageTokens.mask(word, catalog: [])
        return !catalog.contains(form) && (questionWords.contains(form) || questionWords.contains(corrected([form])[0]))
    }

    /// Unknown words one edit (a letter missing, added, changed or two swapped) from a word
    /// of the examples, replaced by it; at most `maxCorrections` per message.
    func corrected(_ tokens: [String]) -> [String] {
        var corrections = 0
        return tokens.map { token in
            guard corrections < Self.maxCorrections, !token.hasPrefix("#"), token.count >= 4, token.count <= 20,
                !vocabulary.contains(token)
            else { return token }
            corrections += 1
            // "cámbieme" is the bank's "cambie" with its pronoun attached.
            for clitic in Self.cliticEndings where token.hasSuffix(clitic) {
                let stem = String(token.dropLast(clitic.count))
                if stem.count >= 4, vocabulary.contains(stem) { return stem }
            }
            if let word = oneLetterOff[token] { return word }
            for variant in Self.deletions(token) {
                if vocabulary.contains(variant) { return variant }
                if let word = oneLetterOff[variant] { return word }
            }
            return token
        }
    }

    /// The word with each of its letters left out in turn.
    static func deletions(_ word: String) -> [String] {
        let letters = Array(word)
        return letters.indices.map { index in
            var copy = letters
            copy.remove(at: index)
            return String(copy)
        }
    }

    /// Feature occurrences of a token list: "w|" words, "b|" adjacent pairs, "c|" character
    /// 3- and 4-grams of each word (marks have none).
    static func counts(_ tokens: [String]) -> [String: Float] {
        var features: [String: Float] = [:]
        for (index, token) in tokens.enumerated() {
            features["w|" + token, default: 0] += 1
            if index > 0 { features["b|" + tokens[index - 1] + " " + token, default: 0] += 1 }
            guard !token.hasPrefix("#") else { continue }
            let padded = Array("<" + token + ">")
            for size in 3...4 where padded.count >= size {
                for start in 0...(padded.count - size) {
                    features["c|" + String(padded[start..<(start + size)]), default: 0] += 1
                }
            }
        }
        return features
    }

    static func kindWeight(_ feature: String) -> Float {
        switch feature.first {
        case "w": wordWeight
        case "b": pairWeight
        default: gramWeight
        }
    }

    /// TF-IDF weights (sublinear term frequency, times the kind's weight), L2-normalised.
    /// Features the bank lacks count in the norm (an unfamiliar message is less similar to
    /// everything) and are then dropped, since no example can match them.
    static func normalized(_ counts: [String: Float], idf: [String: Float], unknown: Float) -> [(String, Float)] {
        var weighted: [(String, Float)] = []
        var norm: Float = 0
        for (feature, occurrences) in counts {
            let weight = kindWeight(feature) * (1 + log(max(occurrences, 1))) * (idf[feature] ?? unknown)
            norm += weight * weight
            if idf[feature] != nil { weighted.append((feature, weight)) }
        }
        guard norm > 0 else { return [] }
        let length = norm.squareRoot()
        return weighted.map { ($0.0, $0.1 / length) }
    }
}
