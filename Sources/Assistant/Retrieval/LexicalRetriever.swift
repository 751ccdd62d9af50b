import Foundation
import Shop
import SpanishText

/// A product the lexical search found, with how much of the query it covers.
public struct LexicalMatch: Sendable {
    public var product: Product
    /// Share of the query's weight this product matches, each concept counted by where it
    /// matched (name 1, description 0.6, category 0.4); in 0…1, the ranking key.
    public var score: Double
    /// Share of the query's weight matched anywhere, with known-but-absent words counting
    /// half: what the relevance threshold looks at.
    public var coverage: Double
    /// The engine's rank (lower is better), the tie-breaker.
    public var bm25: Double
    /// Whether it has what the customer named first ("guantes" in "guantes para soldar"):
    /// relevant even when the rest of the words are unknown to the catalog…
    public var headMatched: Bool
    /// …unless the customer specified the name with a word the shop does not know ("casco
    /// de moto"): then it is an alternative, not a match.
    public var headOnlyAlternative = false
    /// It is only what the customer named is for (an accessory: "pulidora" → "Disco de corte
    /// para esmeril"), or it serves a thing named that the shop does not sell ("escalera" →
    /// the antislip strip): an alternative.
    public var accessoryOrUse = false

    /// The customer named first a thing the shop does not sell and this product has none of
    /// what was named, only the names of what that thing is for ("manguera contra incendio …
    /// para el gabinete" → the gabinete): an alternative at most, however much of the rest it
    /// covers. (A place or use it matches, "pa la cocina", still lets an unknown name that may
    /// be a misspelling find its product.)
    public var onlyWhatItIsFor = false

    /// Relevant enough to offer at `threshold`.
    public func passes(_ threshold: Double) -> Bool {
        (coverage >= threshold && !onlyWhatItIsFor) || (headMatched && !headOnlyAlternative)
    }

    /// Every word of the query found in it, what was named first among them: the customer
    /// named this product.
    public var namesWholly: Bool {
        coverage >= 1 - 1e-9 && headMatched && !headOnlyAlternative && !accessoryOrUse
    }

    /// It has every use the customer gave ("contra incendios" in "manguera contra
    /// incendios"), when there was one.
    public var usesMatched = false

    /// Close enough to offer instead when nothing passes ("no lo manejamos, pero tenemos …"):
    /// it is what was named ("casco de moto" → the cascos), an accessory of it, or serves the
    /// same use.
    public var isAlternative: Bool {
        headMatched || accessoryOrUse || usesMatched
    }
}

/// Catalog search over the engine's word index (FTS5 or PostgreSQL full text): the query is understood (`QueryUnderstanding`), every
/// phrase of every concept is searched (OR), and the candidates are ranked by how much of the
/// query they cover, rare words weighing more. Below `threshold` coverage nothing is returned,
/// so "¿tienen celulares?" finds nothing instead of something unrelated.
public struct LexicalRetriever: ProductRetriever {
    /// The catalog and its word index, on whichever engine `DATABASE_URL` names.
    public let store: any ProductStore & ProductSearchStore
    public let understanding: QueryUnderstanding
    public var threshold: Double
    /// Candidates read from the index per query, before ranking.
    public var candidateLimit = 200
    /// The vocabulary built from the catalog's terms, kept while they do not change.
    private let vocabularies = SearchVocabularyCache()

    public static let defaultThreshold = 0.5

    public init(database: AppDatabase, lexicon: SearchLexicon, threshold: Double = LexicalRetriever.defaultThreshold) {
        self.init(store: SQLiteStore(database), lexicon: lexicon, threshold: threshold)
    }

    public init(
        store: any ProductStore & ProductSearchStore, lexicon: SearchLexicon,
        threshold: Double = LexicalRetriever.defaultThreshold
    ) {
        self.store = store
        self.understanding = QueryUnderstanding(lexicon: lexicon)
        self.threshold = threshold
    }

    public func find(_ query: String, limit: Int) async throws -> ProductSearchResult {
        let understood = try await understand(query)
        let found = try await matches(for: understood.query, vocabulary: understood.vocabulary)
        return decide(found, query: understood.query, limit: limit)
    }

    /// The matches that pass, or the alternatives when none does and the customer named
    /// something the shop does not carry (or whose accessories only it sells).
    func decide(_ found: [LexicalMatch], query: SearchQuery, limit: Int) -> ProductSearchResult {
        let limit = max(0, limit)
        let passing = found.filter { $0.passes(threshold) }
        guard passing.isEmpty else {
            return .found(passing.prefix(limit).map { ProductHit(product: $0.product, score: $0.score) })
        }
        guard query.namesSomethingNotCarried || found.contains(where: \.accessoryOrUse) else {
            return .notCarried(alternatives: [])
        }
        return .notCarried(
            alternatives: found.filter(\.isAlternative).prefix(min(limit, Self.maxAlternatives)).map {
                ProductHit(product: $0.product, score: $0.score)
            })
    }

    /// Alternatives offered at most ("no lo manejamos, pero tenemos …").
    public static let maxAlternatives = 3

    /// The query as understood against the catalog's current vocabulary.
    public func understand(_ text: String) async throws -> (query: SearchQuery, vocabulary: SearchVocabulary) {
        let words = understanding.lexicon.words
        let vocabularies = self.vocabularies
        let read = try await store.searchVocabulary()
        let vocabulary = vocabularies.vocabulary(terms: read.terms, productCount: read.productCount, extraWords: words)
        return (understanding.understand(text, vocabulary: vocabulary), vocabulary)
    }

    /// Every candidate, best first, without the threshold applied.
    public func matches(for query: SearchQuery, vocabulary: SearchVocabulary) async throws -> [LexicalMatch] {
        let textQuery = ProductSearchExpression.make(query)
        guard !textQuery.isEmpty else { return [] }
        let rows = try await store.searchProducts(textQuery, limit: candidateLimit)
        let head = query.head
        // When nothing is named, a place or material the product is for ("un ladrillo") says
        // less than the body part or hazard said with it ("la cabeza"): it ranks, it does not
        // lead. With a name ("extintor para cocina") it tells which one.
        let weights = query.concepts.map { concept in
            var weight = Self.weight(concept, vocabulary: vocabulary)
            if head == nil, concept.kind == .context, concept.role == .purpose { weight.weight *= Self.contextShare }
            return weight
        }
        let namesNotCarried = query.namesSomethingNotCarried
        let fillers = understanding.lexicon.fillerWords
        let total = weights.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return [] }
        let lexicon = understanding.lexicon
        // Per product, per concept: how directly it has the concept, and whether it has a
        // name said in several words whole.
        struct Reading {
            var best: [Double]
            var whole: [Bool]
            var alternative: Bool
        }
        let readings: [Reading] = rows.map { row in
            let text = ProductText(row.product, fillers: fillers)
            let kind = Self.namedKind(text, lexicon: lexicon)
            var reading = Reading(best: [], whole: [], alternative: false)
            for concept in query.concepts {
                var best = 0.0
                var onlyFor = true
                for field in text.fields {
                    guard let strength = concept.strength(in: field.tokens) else { continue }
                    // The name's first word is what the product is ("Extintor PQS" vs
                    // "Gabinete para extintor").
                    // …unless the whole name is another kind of thing that the word only
                    // begins ("casco" in "Cascos auditivos": ear muffs, not a helmet).
                    // A name in several words counts when the product's name begins with it
                    // ("casco auditivo" in "Cascos auditivos").
                    let firstIsKind =
                        concept.phrases.contains { $0.occurs(in: Array(text.nameStart.prefix($0.tokens.count))) }
                        && !Self.isAnotherKind(kind, for: concept)
                    let headBonus = field.isName && firstIsKind ? 1.0 : 0.85
                    best = max(best, field.factor * strength * (field.isName ? headBonus : 1))
                    if !field.isForPart { onlyFor = false }
                }
                // A name said in several words ("arnés de cuerpo completo") that a product has
                // whole, as said or in an equivalent ("arnés full body" in its description).
                let whole =
                    best > 0 && concept.kind == .word
                    && concept.phrases.contains { phrase in
                        phrase.tokens.count > 1 && phrase.strength >= SearchLexicon.equivalent
                            && text.fields.contains { phrase.occurs(in: $0.tokens) }
                    }
                if whole, best < 1 { best = min(1, best + Self.wholeNameBonus) }
                // What the customer names, found only in what a product is for ("pulidora" in
                // "Disco de corte para esmeril"): an accessory of it, not it.
                if best > 0, concept.role == .named, onlyFor, concept.kind == .word {
                    reading.alternative = true
                    best = 0
                }
                if best > 0, concept.namesSomethingNotCarried {
                    reading.alternative = true
                    best = 0
                }
                reading.best.append(best)
                reading.whole.append(whole)
            }
            return reading
        }
        // When the customer named a thing in several words ("arneses de cuerpo completo") and
        // some product has that name whole, a product that has only part of it ("Arnés
        // dieléctrico": the arnés, not the full body) is less what was asked.
        let specified = query.concepts.indices.map { index in
            query.concepts[index].text.contains(" ") && readings.contains { $0.whole[index] }
        }
        var matches: [LexicalMatch] = zip(rows, readings).map { row, reading in
            var scored = 0.0
            var matched = 0.0
            var missing = 0.0
            var headMatched = false
            var namedFound = false
            var onlyPurposeNames = true
            var uses = 0
            var usesFound = 0
            for (position, (concept, weight)) in zip(query.concepts, weights).enumerated() {
                var best = reading.best[position]
                if specified[position], !reading.whole[position] { best *= Self.partialNameShare }
                let isUse = concept.role == .purpose && !concept.unknown && concept.kind != .attribute
                if isUse { uses += 1 }
                if best > 0 {
                    if isUse { usesFound += 1 }
                    if position == head { headMatched = true }
                    if concept.role == .named, concept.kind != .attribute { namedFound = true }
                    if concept.role != .purpose || concept.kind != .word { onlyPurposeNames = false }
                    scored += weight.weight * best
                    matched += weight.weight
                } else {
                    missing += weight.weight * (concept.namesSomethingNotCarried ? 1 : weight.missingFactor)
                }
            }
            var match = LexicalMatch(
                product: row.product, score: scored / total,
                coverage: matched + missing > 0 ? matched / (matched + missing) : 0, bm25: row.bm25,
                headMatched: headMatched, headOnlyAlternative: namesNotCarried, accessoryOrUse: reading.alternative,
                usesMatched: uses > 0 && usesFound == uses)
            match.onlyWhatItIsFor = namesNotCarried && !namedFound && onlyPurposeNames && matched > 0
            return match
        }
        matches.removeAll {
            ($0.coverage == 0 && !$0.accessoryOrUse) || RefusedWords.refuses(query.refused, $0.product)
        }
        matches.sort { ($0.score, -$0.bm25) > ($1.score, -$1.bm25) }
        return matches
    }

    /// The names the lexicon gives the kind of thing a product's name says as a whole
    /// ("Cascos auditivos" → orejeras, protector de copa…), nil when it lists none.
    static func namedKind(_ text: ProductText, lexicon: SearchLexicon) -> [SearchPhrase]? {
        guard let name = text.fields.first, name.tokens.count > 1 else { return nil }
        let key = name.tokens.map(SpanishWords.singular)
        return lexicon.synonyms(of: key) ?? lexicon.synonyms(of: Array(key.prefix(2)))
    }

    /// Whether a product's whole name is a kind of thing other than what the concept names:
    /// the concept is none of that kind's names, and few of them contain it (a "casco
    /// auditivo" is an orejera, not a casco; "botas pvc" are mostly called botas).
    static func isAnotherKind(_ kind: [SearchPhrase]?, for concept: SearchConcept) -> Bool {
        guard let kind, !kind.isEmpty else { return false }
        let own = Set(concept.phrases.map(\.tokens))
        if kind.contains(where: { own.contains($0.tokens.map(SpanishWords.singular)) }) { return false }
        let containing = kind.filter { concept.occurs(in: $0.tokens) }.count
        return Double(containing) < Double(kind.count) * otherKindShare
    }

    /// Below this share of a kind's names containing the customer's word, it is another kind.
    static let otherKindShare = 1.0 / 3

    /// What a product that has a several-word name whole gains on one that has its first word.
    static let wholeNameBonus = 0.05

    /// The share of its score a product keeps for a name said in several words when it has
    /// only part of it and another product has it whole ("Arnés dieléctrico" for "arnés de
    /// cuerpo completo", when "Arnés de seguridad" is the full-body one).
    static let partialNameShare = 0.7

    /// An attribute's weight against a word's of the same rarity.
    static let attributeShare = 0.5

    /// The weight of a describing word no active product has.
    static let absentAttributeWeight = 0.5

    /// The weight of an unknown word in a purpose, against a known word's 1 or more.
    static let unknownPurposeWeight = 0.25

    /// The weight of a context of use against a need's of the same rarity, when nothing is
    /// named.
    static let contextShare = 0.6

    /// A concept's weight: rarer words tell more (an inverse document frequency); a size or
    /// amount weighs 1. `missingFactor`: how much its absence from a product counts against
    /// it: fully for a word no active product contains ("celulares"), half for a catalog word
    /// this product lacks ("casco amarillo"), little for a verb of purpose ("para soldar"),
    /// a describing word ("azul") or an unknown word of context ("botas para la finca").
    static func weight(_ concept: SearchConcept, vocabulary: SearchVocabulary) -> (
        weight: Double, missingFactor: Double
    ) {
        // A context named as the thing wanted ("detector de metales", "¿venden escaleras?") is
        // something the shop does not sell: it weighs as a word no product has.
        let notSold = concept.kind == .context && concept.role == .named
        let frequency = notSold ? 0 : concept.phrases.map(vocabulary.documentFrequency).max() ?? 0
        // Rarer words tell more (an inverse document frequency).
        let rarity = log(1 + Double(max(vocabulary.productCount, 1)) / (Double(frequency) + 0.5))
        switch concept.kind {
        case .measure: return (1, frequency > 0 ? 0.5 : 1)
        case .action: return (1.5, 0.3)
        case .attribute:
            // A describing word few products have ("desechable") tells between them; one most
            // have ("industrial") tells little, and one none has ("grandes", "talla 42": the
            // shop lists no sizes) tells nothing about any of them.
            if frequency == 0 { return (absentAttributeWeight, 0.3) }
            return (max(0.5, attributeShare * rarity), 0.3)
        case .use:
            return (rarity, 0)
        case .word, .context:
            // An unknown word in what the product is for ("para desinfectar los zapatos"): the
            // use says it, the word only tells on what; it weighs little.
            if concept.unknown, concept.role == .purpose { return (unknownPurposeWeight, 0.3) }
            return (rarity, frequency > 0 ? 0.5 : 1)
        }
    }
}

/// A product's text as the ranking reads it: name, description and category, each split at
/// "para" into what the product is and what it is for ("Gabinete | para extintor"), without
/// filler words (queries lose them too: "línea de vida" is the phrase "linea vida").
struct ProductText {
    struct Field {
        var tokens: [String]
        var factor: Double
        var isName: Bool
        var isForPart: Bool
    }

    var fields: [Field] = []
    /// The name's first words, without filler words ("casco auditivo" of "Cascos auditivos").
    var nameStart: [String]

    init(_ product: Product, fillers: Set<String>) {
        let name = SpanishWords.tokens(product.name)
        func content(_ tokens: ArraySlice<String>) -> [String] { tokens.filter { !fillers.contains($0) } }
        nameStart = Array(content(name[...]).prefix(4))
        for (tokens, factor, isName) in [
            (name, 1.0, true), (SpanishWords.tokens(product.description), 0.6, false),
            (SpanishWords.tokens(product.category), 0.4, false),
        ] {
            let split = tokens.firstIndex(of: "para") ?? tokens.count
            fields.append(Field(tokens: content(tokens[..<split]), factor: factor, isName: isName, isForPart: false))
            if split < tokens.count {
                fields.append(
                    Field(tokens: content(tokens[(split + 1)...]), factor: 0.6, isName: false, isForPart: true))
            }
        }
    }
}

/// The word search for a query: every phrase of every concept is an alternative; a phrase's
/// words must all occur, each a prefix when it is a word (`guante* AND nitrilo*`).
enum ProductSearchExpression {
    static func make(_ query: SearchQuery) -> ProductTextQuery {
        ProductTextQuery(
            alternatives: query.allPhrases.map { phrase in
                phrase.tokens.map { ProductTextQuery.Term($0, prefix: SearchPhrase.isPrefix($0)) }
            })
    }
}
