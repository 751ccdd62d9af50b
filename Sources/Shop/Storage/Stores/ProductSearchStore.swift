import Foundation

/// What a word search over the catalog looks for: any of `alternatives`, each a list of
/// folded terms that must all occur in the product's name, description or category. A
/// prefix term matches every word starting with it ("guante" finds "guantes").
///
/// Each engine renders it in its own syntax (FTS5 MATCH on SQLite, a `tsquery` on
/// PostgreSQL); nothing here is SQL.
public struct ProductTextQuery: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        /// A folded word: lower case, no accents, letters and digits only.
        public var text: String
        public var prefix: Bool

        public init(_ text: String, prefix: Bool) {
            self.text = text
            self.prefix = prefix
        }
    }

    public var alternatives: [[Term]]

    public init(alternatives: [[Term]]) {
        self.alternatives = alternatives.filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { alternatives.isEmpty }
}

/// The words of the active products' search index with how many products each is in.
public struct SearchVocabularyCounts: Sendable {
    public var terms: [(term: String, documents: Int)]
    /// Active products indexed.
    public var productCount: Int

    public init(terms: [(term: String, documents: Int)], productCount: Int) {
        self.terms = terms
        self.productCount = productCount
    }
}

/// Word search over the active products. Both engines index the same tokens
/// (`SpanishWords.tokens`: folded runs of letters and digits), so a query finds the same
/// products on either; `TextSearchRow.bm25` is the engine's own rank (lower is better), only
/// a tie-breaker.
public protocol ProductSearchStore: Sendable {
    func searchVocabulary() async throws -> SearchVocabularyCounts
    /// Active products matching `query`, best rank first, at most `limit`.
    func searchProducts(_ query: ProductTextQuery, limit: Int) async throws -> [TextSearchRow]
}
