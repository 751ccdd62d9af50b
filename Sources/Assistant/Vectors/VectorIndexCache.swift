import Foundation
import Logging
import Shop

/// This process's copy of the active vector index, kept in step with the database: every
/// call reads the active index's id and generation (one small query); when another process
/// wrote vectors it loads only the rows stamped after the generation it has, and when a
/// re-index swapped indexes it loads the new one whole. Searches run on an immutable copy,
/// so a reload never disturbs a search in flight.
public final class VectorIndexCache: @unchecked Sendable {
    private let database: AppDatabase
    private let lock = NSLock()
    private var cached: (info: VectorIndexInfo, index: VectorIndex)?

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The active index as the database has it now; nil when none is active.
    public func current() async throws -> VectorIndex? {
        try await database.perform { [self] _ in try refresh() }
    }

    /// Blocking form of `current()`.
    public func refresh() throws -> VectorIndex? {
        lock.lock()
        defer { lock.unlock() }
        guard
            let changes = try database.activeVectorChanges(
                knownIndex: cached?.info.id, since: cached?.info.generation ?? 0)
        else {
            cached = nil
            return nil
        }
        var index: VectorIndex
        if let info = cached?.info, info.id == changes.index.id {
            if changes.rows.isEmpty, info.generation == changes.index.generation { return cached!.index }
            index = cached!.index
            cached = nil  // `index` is then the only reference, unless a search still holds one
        } else {
            index = VectorIndex(
                model: changes.index.model, dimension: changes.index.dimension, capacity: changes.rows.count)
        }
        for row in changes.rows {
            if let vector = row.vector, vector.count == index.dimension {
                try index.upsert(id: row.productId, vector: vector)
            } else {
                index.remove(id: row.productId)
            }
        }
        cached = (changes.index, index)
        return index
    }
}
