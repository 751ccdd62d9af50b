import Foundation
import SpanishText

/// What the shop knows about how customers ask, loaded from the data files in
/// `data/busqueda/` (see their headers for the format):
///
/// - `sinonimos.txt`: other names of what the shop sells (regional, generic, brand-like);
/// - `necesidades.txt`: what a customer wants to protect or solve (a body part, a hazard, a
///   trade, a place, a situation) and the products that answer it;
/// - `contextos.txt`: things, places, trades and materials the shop does not sell that say
///   what a product is for ("botas para la obra", "algo para la rampa"), with the products
///   for that use; named alone ("¿venden escaleras?") they are something the shop does not
///   carry, and those products the alternatives;
/// - `atributos.txt`: words that describe a product without naming one (colours, sizes,
///   qualities): never a reason to offer nothing;
/// - `palabras_vacias.txt`: filler words and phrases that describe no product;
/// - `usos.txt`: example requests by use, each with the products that answer it, for the
///   embedding model to compare a customer's words with (`UseExampleIndex`).
public struct SearchLexicon: Sendable {
    /// Folded words that never describe a product ("hola", "quiero", "de").
    public private(set) var fillerWords: Set<String> = []
    /// Folded multi-word fillers ("por favor", "cuanto cuesta"), by their first word, longest
    /// first.
    public private(set) var fillerPhrases: [String: [[String]]] = [:]
    /// Key: a term's tokens in singular; value: the phrases to search too (strength 0.9 for
    /// an equivalent, 0.7 for a one-way target).
    public private(set) var expansions: [[String]: [SearchPhrase]] = [:]
    /// The keys of `expansions` that come from `contextos.txt`.
    public private(set) var contextKeys: Set<[String]> = []
    /// Word beginnings that stand for every form of a word ("resbal" for resbalar, resbalen,
    /// resbalón…), with their expansions; at least `minimumStem` letters.
    public private(set) var stems: [String: [SearchPhrase]] = [:]
    /// Words that describe without naming ("azul", "grande", "talla").
    public private(set) var attributes: Set<String> = []
    /// Example requests by use, with the phrases of the products that answer them.
    public private(set) var useExamples: [UseExample] = []
    /// For each word of a multi-word key ("precaucion" of "cinta precaucion"), the keys it is
    /// part of: the customer may say them apart ("cintas amarillas de precaución").
    public private(set) var keysByWord: [String: [[String]]] = [:]
    /// Words that stand for each other inside a name: two equivalent names of one rule that
    /// differ in one word at the same place ("manta ignifuga", "cobija ignifuga", "manta
    /// antifuego") make those words equivalents (cobija ≈ manta, antifuego ≈ ignifuga), for a
    /// word nothing else knows ("una cobija antifuego"). Singular, four letters or more.
    public private(set) var wordEquivalents: [String: [String]] = [:]
    /// The longest synonym key, in tokens.
    public private(set) var longestKey = 1
    /// Every token the synonyms and needs mention (a typo may be corrected towards them).
    public private(set) var words: Set<String> = []
    /// The other one-word names of what the shop sells (`sinonimos.txt`: "portacarnet",
    /// "enterizo", "matafuego"), at least four letters, neither fillers, attributes nor needs: the
    /// message reader counts them as product words, as it does the catalog's names.
    public private(set) var productNameWords: Set<String> = []
    /// The first word of every name in `sinonimos.txt` ("linterna" of "linterna led", "guante",
    /// "reflectivo"), singular, neither a filler nor a describing word: words that say what a
    /// product is. A word the catalog has that is none of them ("led", "electrica") only
    /// describes: the unknown word before it is what the customer names ("bombillo led").
    public private(set) var kindWords: Set<String> = []
    /// Accessories named by what they go on: an equivalent name "W de|del|para X" of a rule
    /// whose first name does not open with W and names X after its first word ("montura
    /// careta, soporte de careta": "soporte" goes on a "careta"; "gabinete para extintor, caja
    /// del extintor": "caja" on an "extintor"). Key: W, singular; value: the X it goes on, singular. The message reader
    /// hears "3 caretas con su soporte" as two products, one soporte for each careta.
    public private(set) var accessories: [String: Set<String>] = [:]
    /// The words `necesidades.txt` answers needs with, singular ("dielectrico" of
    /// "electricidad => dielectrico", "pvc", "abek"): a product whose name has one after its
    /// kind ("Arnés dieléctrico", "Botas PVC") is made for that need.
    public private(set) var specialtyWords: Set<String> = []
    /// The keys of `necesidades.txt` (singular tokens, stems left out).
    private var needKeys: Set<[String]> = []
    /// The sounds (`SpanishWords.phoneticKey`) of the filler words of four letters or more,
    /// so that their WhatsApp spellings ("kiero", "nesesito", "tinee") are fillers too.
    private var fillerKeys: Set<String> = []
    /// The same, of six letters or more, for a slip of one sound ("nsesito").
    private var longFillerKeys: [String] = []

    public struct UseExample: Sendable, Equatable {
        /// The request, folded ("para trabajar en alturas sin caerse").
        public var text: String
        /// What answers it, searched like a need's targets.
        public var targets: [SearchPhrase]
    }

    public static let synonymsFile = "sinonimos.txt"
    public static let needsFile = "necesidades.txt"
    public static let contextsFile = "contextos.txt"
    public static let attributesFile = "atributos.txt"
    public static let fillersFile = "palabras_vacias.txt"
    public static let usesFile = "usos.txt"
    /// The files `load(directory:)` reads; all are required.
    public static let files = [synonymsFile, needsFile, contextsFile, attributesFile, fillersFile, usesFile]

    /// Shortest stem (`resbal*`): shorter ones would catch unrelated words.
    public static let minimumStem = 4

    public init() {}

    /// Parses the files' contents (each may be empty).
    public init(
        synonyms: String, fillers: String, needs: String = "", contexts: String = "", attributes: String = "",
        uses: String = ""
    ) {
        for line in Self.lines(fillers) {
            let tokens = SpanishWords.tokens(line)
            if tokens.count == 1 {
                fillerWords.insert(tokens[0])
            } else if tokens.count > 1 {
                fillerPhrases[tokens[0], default: []].append(tokens)
            }
        }
        for key in fillerPhrases.keys { fillerPhrases[key]?.sort { $0.count > $1.count } }
        for word in fillerWords where word.count >= 4 && word.allSatisfy(\.isLetter) {
            fillerKeys.insert(SpanishWords.phoneticKey(word))
        }
        longFillerKeys = fillerKeys.filter { $0.count >= 6 }.sorted()
        for line in Self.lines(attributes) {
            for token in SpanishWords.tokens(line) where !fillerWords.contains(token) {
                self.attributes.insert(token)
                self.attributes.insert(SpanishWords.singular(token))
            }
        }
        // The needs said with a filler inside a name ("protectores de oído" is "oído", "equipo
        // de alturas" is "alturas"): such a name is the need, not one kind that answers it.
        let needKeys = Set(
            Self.lines(needs).flatMap { Self.terms($0.components(separatedBy: "=>")[0], dropping: fillerWords) }
                .filter { !$0.isStem }.map { $0.tokens.map(SpanishWords.singular) })
        self.needKeys = needKeys
        for line in Self.lines(synonyms) { addRule(line, context: false, needKeys: needKeys) }
        for line in Self.lines(needs) { addRule(line, context: false) }
        for line in Self.lines(needs) {
            let sides = line.components(separatedBy: "=>")
            guard sides.count > 1 else { continue }
            for term in Self.terms(sides[1], dropping: fillerWords) where !term.isStem {
                specialtyWords.formUnion(term.tokens.map(SpanishWords.singular))
            }
        }
        let equivalenceRules = Self.lines(synonyms).filter { !$0.contains("=>") }.map { line in
            Self.terms(line, dropping: fillerWords).filter { !$0.isStem }.prefix(Self.maxNamesPaired).map {
                $0.tokens.map(SpanishWords.singular)
            }
        }
        var rulesMentioning: [String: Int] = [:]
        for rule in equivalenceRules {
            for word in Set(rule.joined()) { rulesMentioning[word, default: 0] += 1 }
        }
        for rule in equivalenceRules { addWordEquivalents(Array(rule), rulesMentioning: rulesMentioning) }
        // One-word names only ("portacarnet", not the "alta" of "alta visibilidad"), and none
        // that is also a need ("cara", "calor", "rodilla": what is protected, not a product).
        let needWords = Set(
            Self.lines(needs).flatMap { Self.terms($0.replacingOccurrences(of: "=>", with: ","), dropping: []) }
                .flatMap(\.tokens))
        for line in Self.lines(synonyms) {
            for term in Self.terms(line.replacingOccurrences(of: "=>", with: ","), dropping: fillerWords)
            where !term.isStem && term.tokens.count == 1 {
                let word = term.tokens[0]
                guard word.count >= 4, word.allSatisfy(\.isLetter), !isAttribute(word), !needWords.contains(word) else {
                    continue
                }
                productNameWords.insert(word)
            }
        }
        for line in Self.lines(synonyms) {
            for term in Self.terms(line.replacingOccurrences(of: "=>", with: ","), dropping: fillerWords)
            where !term.isStem {
                let first = SpanishWords.singular(term.tokens[0])
                guard first.allSatisfy(\.isLetter), !fillerWords.contains(first), !isAttribute(first) else { continue }
                kindWords.insert(first)
            }
        }
        for line in Self.lines(synonyms) where !line.contains("=>") {
            let names = line.split(separator: ",").map { SpanishWords.tokens(String($0)).map(SpanishWords.singular) }
            guard let first = names.first, let head = first.first else { continue }
            for name in names.dropFirst() where name.count == 3 && Self.accessoryLinks.contains(name[1]) {
                // The rule's first name says what the accessory goes on ("montura careta").
                guard name[0] != head, first.dropFirst().contains(name[2]), name[0].allSatisfy(\.isLetter) else {
                    continue
                }
                accessories[name[0], default: []].insert(name[2])
            }
        }
        for line in Self.lines(contexts) { addRule(line, context: true) }
        for line in Self.lines(uses) {
            let sides = line.components(separatedBy: "=>")
            guard sides.count == 2 else { continue }
            let text = SpanishWords.tokens(sides[0]).joined(separator: " ")
            let targets = Self.terms(sides[1], dropping: fillerWords).map {
                SearchPhrase($0.tokens.map(SpanishWords.singular), strength: Self.oneWay)
            }
            guard !text.isEmpty, !targets.isEmpty else { continue }
            useExamples.append(UseExample(text: text, targets: targets))
            for target in targets { words.formUnion(target.tokens) }
        }
    }

    /// One line of `sinonimos.txt` or `necesidades.txt`: `a, b, c` (equivalents) or
    /// `a, b => c, d` (one way); a single word ending in `*` on the left is a stem. A rule of
    /// `contextos.txt` marks its keys as contexts. A name of an equivalence rule that is a
    /// need once its filler words are dropped (`needKeys`: "protectores de oído" → oído) finds
    /// the rule's names one way, as a need does, and they do not find it.
    private mutating func addRule(_ line: String, context: Bool, needKeys: Set<[String]> = []) {
        let sides = line.components(separatedBy: "=>")
        let left = Self.terms(sides[0], dropping: fillerWords)
        let right = sides.count > 1 ? Self.terms(sides[1], dropping: fillerWords) : []
        func isNeed(_ term: Term) -> Bool {
            term.reduced && needKeys.contains(term.tokens.map(SpanishWords.singular))
        }
        // Equivalents find each other; the terms of a one-way rule find only its targets (two
        // needs answered by the same products are not the same need).
        let targets =
            sides.count > 1
            ? right.filter { !$0.isStem }.map { SearchPhrase($0.tokens, strength: Self.oneWay) }
            : left.filter { !$0.isStem && !isNeed($0) }.map { SearchPhrase($0.tokens, strength: Self.equivalent) }
        for term in left {
            if term.isStem {
                guard let stem = term.tokens.first, stem.count >= Self.minimumStem else { continue }
                var known = stems[stem] ?? []
                for target in targets where !known.contains(target) { known.append(target) }
                stems[stem] = known
                continue
            }
            let key = term.tokens.map(SpanishWords.singular)
            var known = expansions[key] ?? []
            let found =
                sides.count == 1 && isNeed(term)
                ? targets.map { SearchPhrase($0.tokens, strength: Self.oneWay) } : targets
            for target in found where !known.contains(target) { known.append(target) }
            expansions[key] = known
            if context { contextKeys.insert(key) }
            if key.count > 1, !context {
                for word in Set(key) where !(keysByWord[word] ?? []).contains(key) {
                    keysByWord[word, default: []].append(key)
                }
            }
            longestKey = max(longestKey, key.count)
        }
        for term in left + right where !term.isStem { words.formUnion(term.tokens) }
    }

    /// `wordEquivalents` from one rule's equivalent names (singular): each pair of names of
    /// the same length (two words or more) that differ in exactly one place, when the words
    /// they share are particular to the rule ("ignifuga": few rules mention it), not common
    /// to many names ("seguridad" of "zapato de seguridad", "bota de seguridad": a zapato is
    /// no bota). Bounded: a rule has a few names of a few words.
    private mutating func addWordEquivalents(_ names: [[String]], rulesMentioning: [String: Int]) {
        let names = names.filter { $0.count >= 2 }
        for (index, first) in names.enumerated() {
            for second in names[(index + 1)...] where second.count == first.count {
                let differing = first.indices.filter { first[$0] != second[$0] }
                guard differing.count == 1, let place = differing.first,
                    first.indices.allSatisfy({
                        $0 == place || rulesMentioning[first[$0], default: 0] <= Self.maxRulesOfSharedWord
                    })
                else { continue }
                let pair = [first[place], second[place]]
                guard pair.allSatisfy({ $0.count >= 4 && $0.allSatisfy(\.isLetter) && !fillerWords.contains($0) })
                else { continue }
                for (word, other) in [(pair[0], pair[1]), (pair[1], pair[0])]
                where !(wordEquivalents[word] ?? []).contains(other) {
                    wordEquivalents[word, default: []].append(other)
                }
            }
        }
    }

    /// Rules of `sinonimos.txt` that may mention a word two names share for their differing
    /// words to be equivalents.
    static let maxRulesOfSharedWord = 2
    /// Names of one rule compared pairwise at most.
    static let maxNamesPaired = 40

    /// Loads the files of `directory`.
    public static func load(directory: String) throws -> SearchLexicon {
        let base = URL(fileURLWithPath: directory)
        func read(_ name: String) throws -> String {
            try String(contentsOf: base.appendingPathComponent(name), encoding: .utf8)
        }
        return SearchLexicon(
            synonyms: try read(synonymsFile), fillers: try read(fillersFile), needs: try read(needsFile),
            contexts: try read(contextsFile), attributes: try read(attributesFile), uses: try read(usesFile))
    }

    static let equivalent = 0.9
    static let oneWay = 0.7

    /// Each one-word name and the other one-word names the lexicon gives as its equivalents
    /// (singular: "filtro" → cartucho, "extinguidor" → extintor); needs and contexts left out.
    /// A customer who says one names a product whose kind is another.
    public var oneWordEquivalents: [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (key, phrases) in expansions where key.count == 1 && !contextKeys.contains(key) && !needKeys.contains(key) {
            let others = phrases.filter { $0.strength == Self.equivalent && $0.tokens.count == 1 && $0.tokens != key }
            if !others.isEmpty { result[key[0]] = Set(others.map { SpanishWords.singular($0.tokens[0]) }) }
        }
        return result
    }

    /// The phrases to search for `tokens` (singular), nil when the lexicon has no synonyms.
    public func synonyms(of tokens: [String]) -> [SearchPhrase]? {
        expansions[tokens]
    }

    /// The expansions of the longest stem `word` begins with ("resbalen" → resbal*), nil
    /// when none does (one lookup per letter of the word, words of 40 letters at most).
    public func stemExpansions(of word: String) -> [SearchPhrase]? {
        guard !stems.isEmpty, word.count >= Self.minimumStem, word.count <= 40 else { return nil }
        var candidate = Substring(word)
        while candidate.count >= Self.minimumStem {
            if let found = stems[String(candidate)] { return found }
            candidate = candidate.dropLast()
        }
        return nil
    }

    /// Whether a word nobody lists is a filler word spelt as it sounds or with one slip
    /// ("kiero", "nesesito", "tinee", "nsesito"): the same sound as a filler of four letters or
    /// more, or, from six letters, one sound away from one of six or more. Bounded: one key
    /// and at most one distance per long filler, each stopped past one edit.
    public func isFillerVariant(_ word: String) -> Bool {
        guard word.count >= 4, word.count <= 40, word.allSatisfy(\.isLetter) else { return false }
        let key = SpanishWords.phoneticKey(word)
        if fillerKeys.contains(key) { return true }
        guard word.count >= 6, key.count >= 5 else { return false }
        return longFillerKeys.contains {
            abs($0.count - key.count) <= 1 && SpanishWords.distance(key, $0, limit: 1) <= 1
        }
    }

    /// Whether the key (singular tokens) is a need (`necesidades.txt`: "calor", "mano",
    /// "arrodillado"): what a product is for, never what it is.
    public func isNeed(_ key: [String]) -> Bool {
        needKeys.contains(key)
    }

    /// Whether the key (singular tokens) is a context (`contextos.txt`).
    public func isContext(_ key: [String]) -> Bool {
        contextKeys.contains(key)
    }

    /// Whether the (singular) word says what a product is (`kindWords`).
    public func namesKind(_ word: String) -> Bool {
        kindWords.contains(word)
    }

    /// Whether the word only describes ("azul", "grande").
    public func isAttribute(_ word: String) -> Bool {
        attributes.contains(word)
    }

    /// The longest filler phrase starting at `index` of `tokens`, in tokens (0 when none).
    func fillerPhraseLength(at index: Int, in tokens: [String]) -> Int {
        guard let candidates = fillerPhrases[tokens[index]] else { return 0 }
        for phrase in candidates where index + phrase.count <= tokens.count {
            var same = true
            for offset in 1..<phrase.count where tokens[index + offset] != phrase[offset] {
                same = false
                break
            }
            if same { return phrase.count }
        }
        return 0
    }

    /// A term of a rule: its tokens (filler words inside a multi-word term dropped: queries
    /// lose them too, so "kit de primeros auxilios" matches the catalog's "kit primeros
    /// auxilios"), and whether it was written as a stem (`resbal*`).
    private struct Term {
        var tokens: [String]
        var isStem: Bool
        /// Filler words were dropped from it ("protectores de oído" → oído).
        var reduced = false
    }

    private static func terms(_ side: String, dropping fillers: Set<String>) -> [Term] {
        side.split(separator: ",").compactMap { raw in
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            let tokens = SpanishWords.tokens(trimmed)
            guard !tokens.isEmpty else { return nil }
            if trimmed.hasSuffix("*"), tokens.count == 1 { return Term(tokens: tokens, isStem: true) }
            let content = tokens.filter { !fillers.contains($0) }
            return content.isEmpty
                ? Term(tokens: tokens, isStem: false)
                : Term(tokens: content, isStem: false, reduced: content.count < tokens.count)
        }
    }

    /// The words between an accessory and what it goes on ("soporte de careta").
    static let accessoryLinks: Set<String> = ["de", "del", "para", "pa"]

    private static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
        }
    }
}
