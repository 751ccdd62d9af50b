import SpanishText
import Support

/// The words of the active catalog (from the FTS5 vocabulary) with the number of products
/// each appears in, plus the words the lexicon knows: what spelling mistakes are corrected
/// towards, and how rare (informative) a word is.
public struct SearchVocabulary: Sendable {
    /// Catalog terms, sorted, with their document counts.
    private let terms: [String]
    private let documents: [Int]
    /// Active products in the index.
    public let productCount: Int
    /// Every candidate for a correction (catalog terms and lexicon words) with its phonetic key.
    private let candidates: [(word: String, singular: String, key: String)]

    public init(terms: [(term: String, documents: Int)], productCount: Int, extraWords: Set<String> = []) {
        let sorted = terms.sorted { $0.term < $1.term }
        self.terms = sorted.map(\.term)
        self.documents = sorted.map(\.documents)
        self.productCount = productCount
        var all = Set(sorted.map(\.term))
        all.formUnion(extraWords)
        candidates = all.filter { $0.count >= 3 && $0.allSatisfy(\.isLetter) }.sorted().map {
            ($0, SpanishWords.singular($0), SpanishWords.phoneticKey(SpanishWords.singular($0)))
        }
        extra = extraWords
    }

    private let extra: Set<String>

    /// Catalog terms a query token matches (by prefix for words, exactly otherwise).
    public func matchingTerms(_ token: String) -> Range<Int> {
        let start = terms.sortedFirstIndex(atLeast: token)
        guard SearchPhrase.isPrefix(token) else {
            return start < terms.count && terms[start] == token ? start..<(start + 1) : start..<start
        }
        var end = start
        while end < terms.count, terms[end].hasPrefix(token) { end += 1 }
        return start..<end
    }

    /// Whether some active product contains a word the token matches.
    public func inCatalog(_ token: String) -> Bool {
        !matchingTerms(token).isEmpty
    }

    /// Whether some active product has the word itself or a form of it (a plural, a
    /// gender: at most three more letters, or any ending for words of six letters or more):
    /// "sol" is not a word of a catalog that only has "soldador".
    public func hasWord(_ token: String) -> Bool {
        let range = matchingTerms(token)
        guard token.count < 6 else { return !range.isEmpty }
        return range.contains { terms[$0].count - token.count <= 3 }
    }

    /// Whether some active product has the word itself or its plural ("cono", "conos"): not
    /// a longer word it begins ("cama" is not a word of a catalog with "camara").
    public func hasExactWord(_ token: String) -> Bool {
        let range = matchingTerms(token)
        return range.contains { terms[$0] == token || terms[$0] == token + "s" || terms[$0] == token + "es" }
    }

    /// Whether the catalog or the lexicon knows the token.
    public func knows(_ token: String) -> Bool {
        inCatalog(token) || extra.contains(token)
    }

    /// Products (at most) that contain the phrase: bounded by its rarest token.
    public func documentFrequency(_ phrase: SearchPhrase) -> Int {
        var frequency = productCount
        for token in phrase.tokens {
            let count = matchingTerms(token).reduce(0) { $0 + documents[$1] }
            frequency = min(frequency, count)
        }
        return frequency
    }

    /// Catalog compounds ending in the word: "boca" → "tapabocas", "oido" → "tapaoidos",
    /// "corte" → "anticorte" (Spanish joins a verb or prefix to a noun).
    /// `minimumExtra`: letters the compound must have besides the word.
    public func compounds(endingWith word: String, minimumExtra: Int = 3) -> [String] {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return [] }
        let plural = word + "s"
        return terms.filter { term in
            term.count >= word.count + minimumExtra && (term.hasSuffix(word) || term.hasSuffix(plural))
        }
    }

    /// The known words nearest to a misspelt one: the same sound, or few edits away (none
    /// for words of four letters or fewer, one up to seven, two from eight; the sounds may
    /// differ by one from seven letters) that begin with the same sound (a slip rarely hits
    /// the first letter: "llanta" is not "planta"). Best first, at most three.
    public func corrections(for word: String) -> [String] {
        guard word.count >= 4, word.allSatisfy(\.isLetter) else { return [] }
        let singular = SpanishWords.singular(word)
        let key = SpanishWords.phoneticKey(singular)
        let letters = singular.count >= 8 ? 2 : singular.count >= 5 ? 1 : 0
        let sounds = singular.count >= 7 ? 1 : 0
        var scored: [(word: String, cost: Int)] = []
        for candidate in candidates {
            if candidate.key == key {
                scored.append((candidate.word, 0))
                continue
            }
            guard candidate.key.first == key.first else { continue }
            let byLetters = SpanishWords.distance(singular, candidate.singular, limit: letters)
            let bySound = SpanishWords.distance(key, candidate.key, limit: sounds)
            if byLetters <= letters || bySound <= sounds {
                scored.append((candidate.word, min(byLetters, bySound + 1)))
            }
        }
        guard let best = scored.map(\.cost).min() else { return family(of: singular) }
        return Array(scored.filter { $0.cost == best }.map(\.word).prefix(3))
    }

    /// Known words a WhatsApp shorthand that drops vowels stands for ("bta" → bota, bata;
    /// "gnts" → guantes): a word of three letters or more with at most one vowel whose
    /// consonants are all of a longer known word's, in order, and whose vowels are some of
    /// its vowels. Shortest first, at most three.
    public func expansions(ofShorthand word: String) -> [String] {
        guard word.count >= 3, word.count <= 12, word.allSatisfy(\.isLetter) else { return [] }
        let vowels = word.filter(Self.vowels.contains)
        let consonants = word.filter { !Self.vowels.contains($0) }
        guard vowels.count <= 1, consonants.count >= 2, let first = word.first else { return [] }
        let found = candidates.filter { candidate in
            candidate.word.count > word.count && candidate.word.first == first
                && candidate.word.filter({ !Self.vowels.contains($0) }) == consonants
                && Self.isSubsequence(vowels, of: candidate.word.filter(Self.vowels.contains))
        }
        return Array(found.map(\.word).sorted { ($0.count, $0) < ($1.count, $1) }.prefix(3))
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static func isSubsequence(_ short: String, of long: String) -> Bool {
        var rest = Substring(long)
        for character in short {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    /// Letters a derived word's stem has at least.
    static let minimumFamilyStem = 6
    /// Endings that derive one word of a family from another (an agent, a quality, an
    /// action), longest first.
    static let derivationalEndings = [
        "amiento", "imiento", "acion", "icion", "adora", "ador", "ante", "ente", "able", "ible", "cion", "sion", "ivo",
        "iva", "ado", "ada", "ido", "ida", "ico", "ica", "ora", "or", "ar", "er", "ir",
    ]

    /// A word without its derivational ending ("reflector" → "reflect"), nil when it has none
    /// or too little would be left.
    static func familyStem(_ word: String) -> Substring? {
        for ending in derivationalEndings where word.count >= ending.count + minimumFamilyStem && word.hasSuffix(ending)
        {
            return word.dropLast(ending.count)
        }
        return nil
    }

    /// Known words of the same family as a word no edit reaches: the same stem with another
    /// derivational ending ("reflector" → "reflectivo", "reflectante"; "desinfectar" →
    /// "desinfectante"), not merely a long shared beginning ("aluminio" is no
    /// "aluminizado"). At most three, shortest first.
    func family(of word: String) -> [String] {
        guard let stem = Self.familyStem(word) else { return [] }
        let found = candidates.filter { $0.singular != word && Self.familyStem($0.singular) == stem }
        return Array(found.map(\.word).sorted { ($0.count, $0) < ($1.count, $1) }.prefix(3))
    }
}
