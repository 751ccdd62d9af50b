import Foundation

/// The last `SearchVocabulary` built, reused while the catalog's terms and product count are
/// the same (every search reads them; comparing is far cheaper than building the phonetic
/// keys of every word again).
final class SearchVocabularyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (terms: [(term: String, documents: Int)], productCount: Int, vocabulary: SearchVocabulary)?

    func vocabulary(terms: [(term: String, documents: Int)], productCount: Int, extraWords: Set<String>)
        -> SearchVocabulary
    {
        if let last = lock.withLock({ last }), last.productCount == productCount, Self.same(last.terms, terms) {
            return last.vocabulary
        }
        let built = SearchVocabulary(terms: terms, productCount: productCount, extraWords: extraWords)
        lock.withLock { last = (terms, productCount, built) }
        return built
    }

    private static func same(_ a: [(term: String, documents: Int)], _ b: [(term: String, documents: Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.term == $1.term && $0.documents == $1.documents }
    }
}
