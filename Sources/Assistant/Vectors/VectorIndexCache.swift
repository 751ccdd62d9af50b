import Foundation
import Logging
import Shop

/// This process's copy of the active vector index, kept in step with the database: every
/// call reads the active index's id and generation (one small query); when another process
/// wrote vectors it loads only the rows stamped after the generation it has, and when a
/// re-index swapped indexes it loads the new one whole. Searches run on an immutable copy,
/// so a reload never disturbs a search in flight.
/// Concurrent callers share one refresh in flight.
public actor VectorIndexCache {
    private let store: any VectorStore
    private var cached: (info: VectorIndexInfo, index: VectorIndex)?
    private var inFlight: Task<VectorIndex?, any Error>?

    public init(store: any VectorStore) {
        self.store = store
    }

    /// On SQLite.
    public init(database: AppDatabase) {
        self.init(store: SQLiteStore(database))
    }

    /// The active index as the database has it now; nil when none is active.
    public func current() async throws -> VectorIndex? {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.refresh() }
        inFlight = task
        defer { inFlight = nil }
        return try await task.value
    }

    private func refresh() async throws -> VectorIndex? {
        let known = cached?.info
        guard let changes = try await store.activeVectorChanges(knownIndex: known?.id, since: known?.generation ?? 0)
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
