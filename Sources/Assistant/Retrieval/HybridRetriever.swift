import Foundation
import Integrations
import Logging
import Support

/// Catalog search with words and meaning. The lexical search (FTS5 + query understanding)
/// is precise about names, synonyms, sizes and typos; the embedding model (the query against
/// every product's vector, and against the lexicon's example requests by use) knows that
/// "algo para apagar un incendio" is an extinguisher but is a poor judge of relevance on
/// its own. So:
///
/// 1. The query is understood (`QueryUnderstanding`) and embedded (`QueryEmbedder`: cached
///    by its folded words, batched with concurrent searches).
/// 2. Its nearest example request by use (`UseExampleIndex`), when near enough and clearly
///    nearer than any example of another use, adds that use's products as one more concept
///    of the query (a need the lexicon did not spell out), unless the words already name a
///    product wholly (`LexicalMatch.namesWholly`).
/// 3. Candidates are the lexical matches that pass the coverage threshold plus the product
///    vectors close to the best one; each ranks by its lexical score plus `vectorWeight` × its
///    closeness to the best neighbour, and keeps its lexical score as the hit's score (the
///    same scale as the words alone: `ProductHit.score`).
/// 4. Nothing passing means the shop does not carry it: vector neighbours alone answer only
///    when the best is similar enough (`minSimilarity`) and the customer named nothing the
///    shop does not know; the alternatives are the lexical ones ("casco de moto" → the
///    cascos), never vector guesses.
///
/// When the embedding service fails or no index of the configured model is active (first
/// start, a re-index after a model change), it answers with the lexical search alone and
/// logs a warning (at most once a minute): never with vectors of another model, never with
/// made-up ones.
public struct HybridRetriever: ProductRetriever {
    public let lexical: LexicalRetriever
    public let vectors: VectorIndexCache
    public let embedder: any Embedder
    public let uses: UseExampleIndex
    public var logger: Logger
    public var tuning: Tuning
    private let warnings = LogThrottle(interval: .seconds(60))

    /// Parameters of the fusion, measured on the evaluation set (`ops/bench retrieval`).
    public struct Tuning: Sendable {
        /// Cosine similarity the best neighbour needs for vectors alone to answer.
        public var minSimilarity: Float
        /// Neighbours further than this below the best one are not candidates.
        public var maxGapFromBest: Float
        /// Weight of the vector closeness (0…1) against the lexical score (0…1).
        public var vectorWeight: Double
        /// Vector neighbours considered.
        public var vectorCandidates: Int
        /// Similarity the nearest example request by use needs to add its products…
        public var useSimilarity: Float
        /// …and how much nearer than the nearest example of another use it must be.
        public var useMargin: Float
        /// When every name the customer wrote was a spelling correction, one of the products
        /// the words found must be among this many nearest by meaning: "tornillos" read as
        /// "tobillo" finds boots that mean nothing like it, "estintor" finds the extinguishers
        /// it means.
        public var correctionNeighbours = 5

        public init(
            minSimilarity: Float = 0.875, maxGapFromBest: Float = 0.03, vectorWeight: Double = 0.5,
            vectorCandidates: Int = 20, useSimilarity: Float = 0.9, useMargin: Float = 0.01
        ) {
            self.minSimilarity = minSimilarity
            self.maxGapFromBest = maxGapFromBest
            self.vectorWeight = vectorWeight
            self.vectorCandidates = vectorCandidates
            self.useSimilarity = useSimilarity
            self.useMargin = useMargin
        }
    }

    /// `embedder` embeds queries (wrap the provider's client in a `QueryEmbedder` for the
    /// cache and the batching).
    public init(
        lexical: LexicalRetriever, vectors: VectorIndexCache, embedder: any Embedder, logger: Logger,
        tuning: Tuning = Tuning()
    ) {
        self.lexical = lexical
        self.vectors = vectors
        self.embedder = embedder
        self.uses = UseExampleIndex(examples: lexical.understanding.lexicon.useExamples, embedder: embedder)
        self.logger = logger
        self.tuning = tuning
    }

    public func find(_ text: String, limit: Int) async throws -> ProductSearchResult {
        guard limit > 0 else { return .notCarried(alternatives: []) }
        let understood = try await lexical.understand(text)
        var query = understood.query
        guard !query.concepts.isEmpty else { return .notCarried(alternatives: []) }
        // Words alone until an index of this model is active (and when the embedder fails):
        // the same answers on every process, never vectors of two models compared.
        guard let index = await usableIndex(), let vector = await queryVector(query.foldedText) else {
            let words = try await lexical.matches(for: query, vocabulary: understood.vocabulary)
            return lexical.decide(words, query: query, limit: limit)
        }
        var words = try await lexical.matches(for: query, vocabulary: understood.vocabulary)
        // The nearest example request by use is a need the words did not spell out; when the
        // words already name a product wholly ("caretas pa la cara": the face shield and the
        // shield's mount), an example's wording ("para sostener la careta") must not choose
        // among them.
        if !words.contains(where: \.namesWholly), let use = await useConcept(for: vector) {
            query.concepts.append(use)
            words = try await lexical.matches(for: query, vocabulary: understood.vocabulary)
        }
        let qualified = words.filter { $0.passes(lexical.threshold) }
        guard let meaning = await neighbours(of: vector, in: index) else {
            return lexical.decide(words, query: query, limit: limit)
        }
        if query.namesOnlyCorrected, !qualified.isEmpty {
            let nearest = Set(meaning.prefix(tuning.correctionNeighbours).map(\.id))
            if !qualified.contains(where: { nearest.contains($0.product.id) }) { return .notCarried(alternatives: []) }
        }
        let best = meaning.first?.score ?? -1
        guard !qualified.isEmpty || (best >= tuning.minSimilarity && !query.namesSomethingNotCarried) else {
            return lexical.decide(words, query: query, limit: limit)
        }

        // The ranking weighs words and meaning: lexical scores relative to the best one, plus
        // `vectorWeight` × closeness to the best neighbour; a neighbour the words did not find
        // joins with half that. Each hit keeps its words' score (a neighbour alone, its
        // ranking value, at most half): the agent's thresholds are on that scale, and a
        // ranking value above 1 read as a score made weak word matches look certain ("¿tienen
        // extintores para la finca? tenemos un galpón de pollos" added safety glasses).
        let floor = best - tuning.maxGapFromBest
        var lexicalScore: [Int64: Double] = [:]
        for match in qualified { lexicalScore[match.product.id] = match.score }
        let topLexical = qualified.map(\.score).max() ?? 0
        var closeness: [Int64: Double] = [:]
        for hit in meaning where hit.score >= floor {
            closeness[hit.id] = Double((hit.score - floor) / max(tuning.maxGapFromBest, 1e-6))
        }
        var candidates = Set(qualified.map(\.product.id))
        if !query.namesSomethingNotCarried { candidates.formUnion(closeness.keys) }
        let weight = tuning.vectorWeight
        var scored: [(id: Int64, rank: Double, score: Double)] = []
        for id in candidates {
            let meaningOnly = (qualified.isEmpty ? 1 : 0.5) * weight * (closeness[id] ?? 0)
            if let words = lexicalScore[id], topLexical > 0 {
                scored.append((id, words / topLexical + weight * (closeness[id] ?? 0), words))
            } else {
                scored.append((id, meaningOnly, meaningOnly))
            }
        }
        scored.sort { $0.rank > $1.rank || ($0.rank == $1.rank && $0.id < $1.id) }
        let ranked = scored.prefix(limit)

        var known = Dictionary(words.map { ($0.product.id, $0.product) }, uniquingKeysWith: { first, _ in first })
        let unknown = ranked.map { $0.id }.filter { known[$0] == nil }
        if !unknown.isEmpty {
            for product in try await lexical.store.products(ids: unknown) {
                known[product.id] = product
            }
        }
        let hits = ranked.compactMap { entry -> ProductHit? in
            guard let product = known[entry.id], product.active, !RefusedWords.refuses(query.refused, product) else {
                return nil
            }
            return ProductHit(product: product, score: entry.score)
        }
        return hits.isEmpty ? lexical.decide(words, query: query, limit: limit) : .found(hits)
    }

    /// The query's vector; nil when the embedding service fails (words alone then).
    func queryVector(_ text: String) async -> [Float]? {
        guard !text.isEmpty else { return nil }
        do {
            return try await embedder.embedQuery(text)
        } catch {
            warn("embeddings no disponibles (\(error)); se busca solo por palabras")
            return nil
        }
    }

    /// The use of the nearest example request, as a concept of the query, when it is near
    /// enough and clearly nearer than the examples of every other use.
    func useConcept(for vector: [Float]) async -> SearchConcept? {
        guard let match = await uses.nearest(to: vector), match.similarity >= tuning.useSimilarity,
            match.margin >= tuning.useMargin
        else { return nil }
        return SearchConcept(
            text: "uso: \(match.example.text)", kind: .use, role: .purpose, phrases: match.example.targets)
    }

    /// The active index when it is of the embedder's model; nil otherwise (words alone).
    func usableIndex() async -> VectorIndex? {
        do {
            guard let current = try await vectors.current() else {
                warn("no hay índice de vectores activo; se busca solo por palabras")
                return nil
            }
            guard current.model == embedder.model else {
                warn(
                    "el índice activo es del modelo \(current.model), no de \(embedder.model); se busca solo por palabras hasta que termine el reindexado"
                )
                return nil
            }
            return current
        } catch {
            warn("no se pudo leer el índice de vectores (\(error)); se busca solo por palabras")
            return nil
        }
    }

    /// The nearest active products by meaning, best first; nil when the vector does not fit
    /// the index.
    func neighbours(of vector: [Float], in index: VectorIndex) async -> [VectorHit]? {
        guard vector.count == index.dimension else {
            warn("el modelo devolvió \(vector.count) dimensiones y el índice tiene \(index.dimension)")
            return nil
        }
        let active = try? await lexical.store.activeProductIds()
        return index.search(vector, k: tuning.vectorCandidates, allowed: active.map(Set.init))
    }

    private func warn(_ message: String) {
        if warnings.admit(String(message.prefix(40))) != nil { logger.warning("Búsqueda del catálogo: \(message)") }
    }
}
