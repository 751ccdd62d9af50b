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
    /// relevant even when the rest of the words are unknown to the catalog.
    public var headMatched: Bool

    /// Relevant enough to offer at `threshold`.
    public func passes(_ threshold: Double) -> Bool {
        coverage >= threshold || headMatched
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

    public func search(_ query: String, limit: Int) async throws -> [ProductHit] {
        let understood = try await understand(query)
        return try await matches(for: understood.query, vocabulary: understood.vocabulary)
            .filter { $0.passes(threshold) }
            .prefix(max(0, limit))
            .map { ProductHit(product: $0.product, score: $0.score) }
    }

    /// The query as understood against the catalog's current vocabulary.
    public func understand(_ text: String) async throws -> (query: SearchQuery, vocabulary: SearchVocabulary) {
        let words = understanding.lexicon.words
        let read = try await store.searchVocabulary()
        let vocabulary = SearchVocabulary(terms: read.terms, productCount: read.productCount, extraWords: words)
        return (understanding.understand(text, vocabulary: vocabulary), vocabulary)
    }

    /// Every candidate, best first, without the threshold applied.
    public func matches(for query: SearchQuery, vocabulary: SearchVocabulary) async throws -> [LexicalMatch] {
        let textQuery = ProductSearchExpression.make(query)
        guard !textQuery.isEmpty else { return [] }
        let rows = try await store.searchProducts(textQuery, limit: candidateLimit)
        let weights = query.concepts.map { Self.weight($0, vocabulary: vocabulary) }
        let head = query.concepts.firstIndex { $0.kind == .word }
        let total = weights.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return [] }
        var matches: [LexicalMatch] = rows.map { row in
            let name = SpanishWords.tokens(row.product.name)
            let fields = [
                (name, 1.0),
                (SpanishWords.tokens(row.product.description), 0.6),
                (SpanishWords.tokens(row.product.category), 0.4),
            ]
            var scored = 0.0
            var matched = 0.0
            var missing = 0.0
            var headMatched = false
            for (position, (concept, weight)) in zip(query.concepts, weights).enumerated() {
                var best = 0.0
                for (tokens, factor) in fields {
                    guard let strength = concept.strength(in: tokens) else { continue }
                    // The name's first word is what the product is ("Extintor PQS" vs
                    // "Gabinete para extintor").
                    let headBonus = factor == 1.0 && concept.occurs(in: [name.first ?? ""]) ? 1.0 : 0.85
                    best = max(best, factor * strength * (factor == 1.0 ? headBonus : 1))
                }
                if best > 0 {
                    if position == head { headMatched = true }
                    scored += weight.weight * best
                    matched += weight.weight
                } else {
                    missing += weight.weight * weight.missingFactor
                }
            }
            return LexicalMatch(
                product: row.product, score: scored / total,
                coverage: matched + missing > 0 ? matched / (matched + missing) : 0, bm25: row.bm25,
                headMatched: headMatched)
        }
        matches.removeAll { $0.coverage == 0 }
        matches.sort { ($0.score, -$0.bm25) > ($1.score, -$1.bm25) }
        return matches
    }

    /// A concept's weight: rarer words tell more (an inverse document frequency); a size or
    /// amount weighs 1. `missingFactor`: how much its absence from a product counts against
    /// it: fully for a word no active product contains ("celulares"), half for a catalog word
    /// this product lacks ("casco amarillo"), little for a verb of purpose ("para soldar").
    static func weight(_ concept: SearchConcept, vocabulary: SearchVocabulary) -> (
        weight: Double, missingFactor: Double
    ) {
        let frequency = concept.phrases.map(vocabulary.documentFrequency).max() ?? 0
        switch concept.kind {
        case .measure: return (1, frequency > 0 ? 0.5 : 1)
        case .action: return (1.5, 0.3)
        case .word:
            let products = Double(max(vocabulary.productCount, 1))
            return (log(1 + products / (Double(frequency) + 0.5)), frequency > 0 ? 0.5 : 1)
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
