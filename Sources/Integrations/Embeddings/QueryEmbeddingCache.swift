import Synchronization

/// An embedder that remembers the vectors of recent search queries (issue 16): the same
/// words asked again — by one customer naming a product twice, by many customers asking for
/// the same thing, or by a hostile message repeating one query — cost one embedding call,
/// not one each. Bounded: at most `capacity` queries, the oldest forgotten first (a query
/// used again moves to the back). Passages (re-indexing) are never cached.
public final class QueryEmbeddingCache: Embedder {
    public let base: any Embedder
    public let capacity: Int
    private let state = Mutex<State>(State())

    struct State {
        var vectors: [String: (vector: [Float], used: UInt64)] = [:]
        /// Use counter → query, oldest first (a query's older entries are skipped when met).
        var order: [(used: UInt64, query: String)] = []
        var head = 0
        var clock: UInt64 = 0
    }

    public init(_ base: any Embedder, capacity: Int = 4_096) {
        self.base = base
        self.capacity = max(1, capacity)
    }

    public var model: String { base.model }

    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        guard purpose == .query, texts.count == 1 else { return try await base.embed(texts, purpose: purpose) }
        let query = texts[0]
        if let hit = state.withLock({ Self.take(&$0, query) }) { return [hit] }
        let vectors = try await base.embed(texts, purpose: purpose)
        if vectors.count == 1 { state.withLock { Self.keep(&$0, query, vectors[0], capacity: capacity) } }
        return vectors
    }

    /// Queries remembered now.
    public var count: Int { state.withLock { $0.vectors.count } }

    private static func take(_ state: inout State, _ query: String) -> [Float]? {
        guard let entry = state.vectors[query] else { return nil }
        touch(&state, query, entry.vector)
        return entry.vector
    }

    private static func keep(_ state: inout State, _ query: String, _ vector: [Float], capacity: Int) {
        touch(&state, query, vector)
        while state.vectors.count > capacity, state.head < state.order.count {
            let oldest = state.order[state.head]
            state.head += 1
            if state.vectors[oldest.query]?.used == oldest.used { state.vectors[oldest.query] = nil }
        }
    }

    private static func touch(_ state: inout State, _ query: String, _ vector: [Float]) {
        state.clock += 1
        state.vectors[query] = (vector, state.clock)
        state.order.append((state.clock, query))
        // The log keeps stale entries of queries used again; rebuilt from the live ones when
        // it gets twice as long as them, so it stays O(capacity) (amortised O(log n) a use).
        if state.order.count - state.head > 2 * state.vectors.count + 16 {
            state.order = state.vectors.map { ($0.value.used, $0.key) }.sorted { $0.used < $1.used }
            state.head = 0
        }
    }
}
