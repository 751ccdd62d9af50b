import Shop

/// A catalog product found for a customer's words, with how well it matched.
public struct ProductHit: Sendable, Equatable {
    public var product: Product
    /// How much of the customer's words the product matches (the lexical search's share of
    /// the query, 0…1), on the same scale with or without vectors, so a caller's thresholds
    /// mean the same on every retriever. A product found by meaning alone scores at most
    /// half. Hits come in the retriever's ranking, which with vectors also weighs meaning: the
    /// first hit need not have the best score.
    public var score: Double

    public init(product: Product, score: Double) {
        self.product = product
        self.score = score
    }
}

/// What a catalog search found for a customer's words: the products that are what was
/// asked for, or the verdict that the shop does not carry it, with the close products it
/// does carry when there are any ("no lo manejamos, pero tenemos …").
public enum ProductSearchResult: Sendable, Equatable {
    /// What the customer asked for, best first (never empty).
    case found([ProductHit])
    /// The shop does not carry it. `alternatives`: products of the same kind or for the same
    /// use, best first; empty when nothing is close ("no lo manejamos").
    case notCarried(alternatives: [ProductHit])

    /// The matches; empty when the shop does not carry it.
    public var matches: [ProductHit] {
        if case .found(let hits) = self { return hits }
        return []
    }

    /// The alternatives offered instead; empty when there are matches.
    public var alternatives: [ProductHit] {
        if case .notCarried(let alternatives) = self { return alternatives }
        return []
    }

    /// `.found` when there are matches, else `.notCarried` with the alternatives.
    public static func from(matches: [ProductHit], alternatives: [ProductHit]) -> ProductSearchResult {
        matches.isEmpty ? .notCarried(alternatives: alternatives) : .found(matches)
    }
}

/// Finds catalog products for free text ("guantes de vaqueta", "algo para apagar fuego").
/// Implementations: lexical (SQLite FTS5) and hybrid (FTS5 + vectors).
public protocol ProductRetriever: Sendable {
    /// At most `limit` matches (or alternatives), best first; only active products.
    func find(_ query: String, limit: Int) async throws -> ProductSearchResult
}

extension ProductRetriever {
    /// The matches alone, best first; empty when nothing is relevant enough (so the agent can
    /// say it does not carry that).
    public func search(_ query: String, limit: Int) async throws -> [ProductHit] {
        try await find(query, limit: limit).matches
    }
}
