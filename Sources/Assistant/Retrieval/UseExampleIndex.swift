import Foundation
import Integrations
import Logging

/// The lexicon's example requests by use (`usos.txt`: "para trabajar en alturas sin caerse
/// => arnés, línea de vida"), embedded with the query model, so that a customer's words
/// that no synonym or need covers ("me toca subirme a un poste") still reach the products
/// of the nearest use. The embedding model only says which written use is nearest; what
/// answers it is the lexicon's, and the lexical search ranks the products.
///
/// The examples are embedded once, at the first search that needs them (one batched call
/// per `EMBEDDINGS_BATCH_SIZE` examples); a failure is retried at a later search.
public actor UseExampleIndex {
    public let examples: [SearchLexicon.UseExample]
    /// Examples with the same targets share a group.
    private let groups: [Int]
    /// For each group, the groups whose examples share a target with it (itself included):
    /// they agree on what answers, so they do not compete for the margin.
    private let related: [Set<Int>]
    private let embedder: any Embedder
    private var vectors: [[Float]]?
    private var building: Task<[[Float]], any Error>?
    private var lastFailure: ContinuousClock.Instant?
    /// Wait before trying to embed the examples again after a failure.
    private let retryAfter: Duration

    public init(examples: [SearchLexicon.UseExample], embedder: any Embedder, retryAfter: Duration = .seconds(30)) {
        self.examples = examples
        var ids: [[String]: Int] = [:]
        groups = examples.map { example in
            let key = example.targets.map(\.description).sorted()
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
        var targetsOfGroup: [Int: Set<SearchPhrase>] = [:]
        for (example, group) in zip(examples, groups) { targetsOfGroup[group, default: []].formUnion(example.targets) }
        let groupCount = ids.count
        related = (0..<groupCount).map { group in
            let mine = targetsOfGroup[group] ?? []
            return Set((0..<groupCount).filter { !(targetsOfGroup[$0] ?? []).isDisjoint(with: mine) })
        }
        self.embedder = embedder
        self.retryAfter = retryAfter
    }

    /// The nearest use to a query's vector.
    public struct Match: Sendable, Equatable {
        public var example: SearchLexicon.UseExample
        public var similarity: Float
        /// How much nearer it is than the nearest example that shares none of its targets
        /// (a use answered by some of the same products agrees with it).
        public var margin: Float
    }

    /// The nearest example, nil when there are none or they cannot be embedded now.
    public func nearest(to query: [Float]) async -> Match? {
        guard let vectors = await embedded(), !vectors.isEmpty, vectors[0].count == query.count else { return nil }
        var best = -1
        var bestScore: Float = -2
        var scores = [Float](repeating: 0, count: vectors.count)
        for (row, vector) in vectors.enumerated() {
            var dot: Float = 0
            for index in vector.indices { dot += vector[index] * query[index] }
            scores[row] = dot
            if dot > bestScore {
                bestScore = dot
                best = row
            }
        }
        var runnerUp: Float = -2
        let agreeing = related[groups[best]]
        for (row, score) in scores.enumerated() where !agreeing.contains(groups[row]) {
            runnerUp = max(runnerUp, score)
        }
        return Match(example: examples[best], similarity: bestScore, margin: bestScore - runnerUp)
    }

    private func embedded() async -> [[Float]]? {
        if let vectors { return vectors }
        guard !examples.isEmpty else { return [] }
        if let lastFailure, ContinuousClock.now - lastFailure < retryAfter { return nil }
        let task: Task<[[Float]], any Error>
        if let building {
            task = building
        } else {
            let texts = examples.map(\.text)
            let embedder = embedder
            task = Task { try await embedder.embed(texts, purpose: .query) }
            building = task
        }
        do {
            let result = try await task.value
            guard result.count == examples.count else { throw UseExampleError.wrongCount }
            vectors = result
            building = nil
            return result
        } catch {
            building = nil
            lastFailure = ContinuousClock.now
            return nil
        }
    }

    enum UseExampleError: Error { case wrongCount }
}
