import Foundation
import Integrations
import Shop

/// Brings the catalog's stored vectors up to date: embeds the products whose text differs
/// from the one their stored vector was made from, into every index of the embedder's model
/// (the active one and any being built), and marks deleted products' vectors gone. Each
/// product is embedded once for all indexes that lack it; vectors are stored every batch, so
/// an interruption loses at most one batch and a re-run skips what is stored. An index being
/// built is swapped in once it holds every product.
public struct VectorIndexer: Sendable {
    public let store: any VectorStore & ProductStore
    public let embedder: any Embedder
    /// Texts per embedding call.
    public var batchSize: Int

    public init(store: any VectorStore & ProductStore, embedder: any Embedder, batchSize: Int) {
        self.store = store
        self.embedder = embedder
        self.batchSize = max(1, batchSize)
    }

    /// On SQLite.
    public init(database: AppDatabase, embedder: any Embedder, batchSize: Int) {
        self.init(store: SQLiteStore(database), embedder: embedder, batchSize: batchSize)
    }

    /// Which products to bring up to date.
    public enum Scope: Sendable {
        case products([Int64])
        /// Every product, and the vectors of products that no longer exist.
        case wholeCatalog
    }

    /// What one update did (the `catalogo.embeber` job's result).
    public struct Outcome: Encodable, Sendable, Equatable {
        public var embedded = 0
        public var unchanged = 0
        public var deleted = 0
        public var indices: [Int64] = []
        public var activated = false
        /// Why nothing was done, when nothing could be.
        public var skipped: String?

        public init(skipped: String? = nil) { self.skipped = skipped }

        enum CodingKeys: String, CodingKey {
            case embedded = "embebidos", deleted = "borrados", indices, activated = "activado", skipped = "omitido"
            case unchanged = "sin_cambios"
        }
    }

    /// Updates `scope` in `index` (when given) or in every live index of the model.
    /// `afterBatch` runs after each stored batch and at the end (progress reports). Provider
    /// errors are thrown as they come (`ProviderError`), for the caller to retry.
    public func update(
        _ scope: Scope, index: Int64? = nil, afterBatch: @Sendable () async -> Void = {}
    ) async throws -> Outcome {
        var outcome = Outcome()
        let model = embedder.model
        let found: [VectorIndexInfo]
        if let index {
            found = try await store.vectorIndex(id: index).map { [$0] } ?? []
        } else {
            found = try await store.vectorTargets(model: model)
        }
        let targets = found.filter { $0.model == model && $0.state != .retired }
        guard !targets.isEmpty else {
            return Outcome(skipped: "no hay índice del modelo \(model) (lo creará el reindexado)")
        }
        outcome.indices = targets.map(\.id)

        let ids: [Int64]
        switch scope {
        case .products(let list): ids = list
        case .wholeCatalog: ids = try await store.allProductIds()
        }
        let products = try await store.products(ids: ids)
        let existing = Set(products.map(\.id))
        var deleted = ids.filter { !existing.contains($0) }
        if case .wholeCatalog = scope {
            for target in targets { deleted += try await store.orphanVectors(index: target.id) }
        }

        let missing = try await missingVectors(products, ids: ids, targets: targets)
        let pending = products.filter { missing[$0.id] != nil }
        outcome.unchanged = products.count - pending.count
        for start in stride(from: 0, to: pending.count, by: batchSize) {
            let batch = Array(pending[start..<min(pending.count, start + batchSize)])
            try await embedAndStore(batch, missing: missing, targets: targets)
            outcome.embedded += batch.count
            await afterBatch()
        }
        if !deleted.isEmpty {
            let deleted = deleted
            for target in targets {
                outcome.deleted += try await store.storeVectors(index: target.id, [], deleted: deleted)
            }
        }
        for target in targets where target.state == .building {
            if try await store.activateIfComplete(index: target.id) { outcome.activated = true }
        }
        await afterBatch()
        return outcome
    }

    /// Product → the indexes whose stored vector for it is missing or stale.
    private func missingVectors(_ products: [Product], ids: [Int64], targets: [VectorIndexInfo]) async throws
        -> [Int64: [Int64]]
    {
        var missing: [Int64: [Int64]] = [:]
        for target in targets {
            let stored = try await store.vectorFingerprints(index: target.id, productIds: ids)
            for product in products where stored[product.id] != ProductPassage.fingerprint(product) {
                missing[product.id, default: []].append(target.id)
            }
        }
        return missing
    }

    private func embedAndStore(_ batch: [Product], missing: [Int64: [Int64]], targets: [VectorIndexInfo])
        async throws
    {
        let texts = batch.map(ProductPassage.text)
        let vectors = try await embedder.embed(texts, purpose: .passage)
        for target in targets {
            let entries = zip(batch, zip(texts, vectors)).compactMap { product, pair -> ProductVector? in
                guard missing[product.id]?.contains(target.id) == true else { return nil }
                return ProductVector(
                    productId: product.id, fingerprint: ProductPassage.fingerprint(pair.0), vector: pair.1)
            }
            _ = try await store.storeVectors(index: target.id, entries, deleted: [])
        }
    }
}
