import Foundation
import Integrations
import Logging

/// Catalog search with words and meaning. The lexical search (FTS5 + query understanding)
/// is precise about names, synonyms, sizes and typos; the embedding model (the query against
/// every product's vector) knows that "algo para apagar un incendio" is an extinguisher but is
/// a poor judge of relevance on its own. So: candidates are the lexical matches that pass the
/// coverage threshold plus the vector neighbours close to the best one; each scores its
/// lexical score plus `vectorWeight` × its closeness to the best neighbour. Vector
/// neighbours alone are offered only when the best is similar enough (`minSimilarity`) — the
/// customer's words matching nothing in the catalog is the strongest sign the shop does not
/// carry it, and the answer is then empty ("no tenemos eso").
///
/// When the embedding service fails or no index of the configured model is active (first
/// start, a re-index after a model change), it answers with the lexical search alone and
/// logs a warning: never with vectors of another model, never with made-up ones.
public struct HybridRetriever: ProductRetriever {
    public let lexical: LexicalRetriever
    public let vectors: VectorIndexCache
    public let embedder: any Embedder
    public var logger: Logger
    public var tuning: Tuning
    private let warnings = WarningThrottle(interval: 60)

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

        public init(
            minSimilarity: Float = 0.875, maxGapFromBest: Float = 0.03, vectorWeight: Double = 0.5,
            vectorCandidates: Int = 20
        ) {
            self.minSimilarity = minSimilarity
            self.maxGapFromBest = maxGapFromBest
            self.vectorWeight = vectorWeight
            self.vectorCandidates = vectorCandidates
        }
    }

    public init(
        lexical: LexicalRetriever, vectors: VectorIndexCache, embedder: any Embedder, logger: Logger,
        tuning: Tuning = Tuning()
    ) {
        self.lexical = lexical
        self.vectors = vectors
        self.embedder = embedder
        self.logger = logger
        self.tuning = tuning
    }

    public func search(_ query: String, limit: Int) async throws -> [ProductHit] {
        guard limit > 0 else { return [] }
        let understood = try await lexical.understand(query)
        guard !understood.query.concepts.isEmpty else { return [] }
        let words = try await lexical.matches(for: understood.query, vocabulary: understood.vocabulary)
        let qualified = words.filter { $0.passes(lexical.threshold) }
        guard let meaning = await vectorNeighbours(for: query) else {
            return qualified.prefix(limit).map { ProductHit(product: $0.product, score: $0.score) }
        }
        let best = meaning.first?.score ?? -1
        guard !qualified.isEmpty || best >= tuning.minSimilarity else { return [] }

        let floor = best - tuning.maxGapFromBest
        var lexicalScore: [Int64: Double] = [:]
        for match in words { lexicalScore[match.product.id] = match.score }
        var closeness: [Int64: Double] = [:]
        for hit in meaning where hit.score >= floor {
            closeness[hit.id] = Double((hit.score - floor) / max(tuning.maxGapFromBest, 1e-6))
        }
        var candidates = Set(qualified.map(\.product.id))
        candidates.formUnion(closeness.keys)
        let weight = tuning.vectorWeight
        var scored: [(id: Int64, score: Double)] = []
        for id in candidates {
            let fused: Double = (lexicalScore[id] ?? 0) + weight * (closeness[id] ?? 0)
            scored.append((id, fused))
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
        let ranked = scored.prefix(limit)

        var known = Dictionary(words.map { ($0.product.id, $0.product) }, uniquingKeysWith: { first, _ in first })
        let unknown = ranked.map { $0.id }.filter { known[$0] == nil }
        if !unknown.isEmpty {
            for product in try await lexical.store.products(ids: unknown) {
                known[product.id] = product
            }
        }
        return ranked.compactMap { entry in
            guard let product = known[entry.id], product.active else { return nil }
            return ProductHit(product: product, score: entry.score)
        }
    }

    /// The nearest active products by meaning, best first; nil when vectors cannot be used
    /// for this query (the caller falls back to words alone).
    func vectorNeighbours(for query: String) async -> [VectorHit]? {
        let index: VectorIndex
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
            index = current
        } catch {
            warn("no se pudo leer el índice de vectores (\(error)); se busca solo por palabras")
            return nil
        }
        let vector: [Float]
        do {
            vector = try await embedder.embedQuery(query)
        } catch {
            warn("embeddings no disponibles (\(error)); se busca solo por palabras")
            return nil
        }
        guard vector.count == index.dimension else {
            warn("el modelo devolvió \(vector.count) dimensiones y el índice tiene \(index.dimension)")
            return nil
        }
        let active = try? await lexical.store.activeProductIds()
        return index.search(vector, k: tuning.vectorCandidates, allowed: active.map(Set.init))
    }

    private func warn(_ message: String) {
        if warnings.shouldLog(message) { logger.warning("Búsqueda del catálogo: \(message)") }
    }
}

/// Lets the same warning through once per interval (a degraded search would otherwise log it
/// on every customer message).
final class WarningThrottle: @unchecked Sendable {
    private let interval: TimeInterval
    private let lock = NSLock()
    private var last: [String: Date] = [:]

    init(interval: TimeInterval) {
        self.interval = interval
    }

    func shouldLog(_ message: String) -> Bool {
        let key = String(message.prefix(40))
        return lock.withLock {
            let now = Date()
            if let previous = last[key], now.timeIntervalSince(previous) < interval { return false }
            last[key] = now
            return true
        }
    }
}
