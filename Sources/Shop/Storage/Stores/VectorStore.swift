import Foundation

/// Product vectors per index (model + dimension), as `Schema.createVectorIndexes` describes
/// them; every write bumps the index's generation so readers in other processes load only
/// what changed (`activeVectorChanges`).
public protocol VectorStore: Sendable {
    func activeVectorIndex() async throws -> VectorIndexInfo?
    func vectorIndex(id: Int64) async throws -> VectorIndexInfo?
    /// The indexes new vectors of `model` go to: the active one if it is of that model, and
    /// those being built for it.
    func vectorTargets(model: String) async throws -> [VectorIndexInfo]
    /// The index the re-index job `job` builds: created on its first run (other unfinished
    /// builds retired), found again when the job is re-delivered.
    func buildingIndex(job: String, model: String, dimension: Int) async throws -> VectorIndexInfo
    /// Every product id, for a re-index.
    func allProductIds() async throws -> [Int64]
    /// The stored fingerprints of these products in an index (deleted ones excluded).
    func vectorFingerprints(index: Int64, productIds: [Int64]) async throws -> [Int64: String]
    /// Stores vectors whose product still has the text they were made from, and a NULL for
    /// each of `deleted` that no longer exists; returns how many rows were written.
    @discardableResult
    func storeVectors(index: Int64, _ vectors: [ProductVector], deleted: [Int64]) async throws -> Int
    /// Products with a vector in the index, and products in the catalog.
    func vectorProgress(index: Int64) async throws -> (done: Int, total: Int)
    /// Activates a building index once it has a vector for every product (the old active
    /// one retired in the same transaction); true when it is active.
    @discardableResult
    func activateIfComplete(index: Int64) async throws -> Bool
    /// The active index and its rows written after `generation` (all of them when the index
    /// is not `knownIndex`); nil when none is active.
    func activeVectorChanges(knownIndex: Int64?, since generation: Int64) async throws -> VectorChanges?
    /// Products an index still has a vector for although they were deleted.
    func orphanVectors(index: Int64) async throws -> [Int64]
}
