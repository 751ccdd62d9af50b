import Foundation

/// Which vectors a write stores, the same on every engine.
enum VectorWrites {
    /// The vectors whose product still has the text they were made from (a newer edit's job
    /// writes its own); throws when one of them is not of the index's dimension.
    static func current(_ vectors: [ProductVector], products: [Product], dimension: Int) throws -> [ProductVector] {
        let fingerprints = Dictionary(
            products.map { ($0.id, ProductPassage.fingerprint($0)) }, uniquingKeysWith: { first, _ in first })
        let kept = vectors.filter { fingerprints[$0.productId] == $0.fingerprint }
        if let wrong = kept.first(where: { $0.vector.count != dimension }) {
            throw VectorIndexError.wrongDimension(expected: dimension, got: wrong.vector.count)
        }
        return kept
    }
}
