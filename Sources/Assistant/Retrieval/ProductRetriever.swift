import Shop

/// A catalog product found for a customer's words, with how well it matched.
public struct ProductHit: Sendable, Equatable {
    public var product: Product
    /// Higher is better; comparable only within one retriever.
    public var score: Double

    public init(product: Product, score: Double) {
        self.product = product
        self.score = score
    }
}

/// Finds catalog products for free text ("guantes de vaqueta", "algo para apagar fuego").
/// Implementations: lexical (SQLite FTS5) and hybrid (FTS5 + vectors).
public protocol ProductRetriever: Sendable {
    /// Best first, at most `limit`; only active products; empty when nothing is relevant
    /// enough (so the agent can say it does not carry that).
    func search(_ query: String, limit: Int) async throws -> [ProductHit]
}
