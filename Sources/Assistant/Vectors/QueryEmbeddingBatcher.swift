import Foundation
import Integrations

/// Lets concurrent query embeddings share one call to the embedding provider. A caller that
/// finds fewer than `maxInFlight` calls in flight sends at once (alone, no added wait);
/// callers arriving meanwhile wait, and when a call returns the first of them sends the
/// next call with every other waiting text (up to `maxBatch`) riding along. The local
/// server embeds a batch of 32 in far less time than 32 single calls, so under load the
/// search's embeddings do not cap the replies per second.
public final class QueryEmbeddingBatcher: @unchecked Sendable {
    public let embedder: any Embedder
    public let maxInFlight: Int
    public let maxBatch: Int

    private struct Waiter {
        var text: String
        var continuation: CheckedContinuation<Turn, any Error>
    }

    private enum Turn {
        case done([Float])
        /// The caller sends the next call itself.
        case lead
    }

    private let lock = NSLock()
    private var waiting: [Waiter] = []
    private var inFlight = 0
    /// Calls sent and texts they carried (for benchmarks and tests).
    public private(set) var calls = 0
    public private(set) var texts = 0

    public init(embedder: any Embedder, maxInFlight: Int = 2, maxBatch: Int = 32) {
        self.embedder = embedder
        self.maxInFlight = max(1, maxInFlight)
        self.maxBatch = max(1, maxBatch)
    }

    /// The query vector of `text`.
    public func embed(_ text: String) async throws -> [Float] {
        let turn: Turn = try await withCheckedThrowingContinuation { continuation in
            let lead = lock.withLock {
                if inFlight < maxInFlight {
                    inFlight += 1
                    return true
                }
                waiting.append(Waiter(text: text, continuation: continuation))
                return false
            }
            if lead { continuation.resume(returning: .lead) }
        }
        switch turn {
        case .done(let vector): return vector
        case .lead: return try await send(text)
        }
    }

    /// One call with `text` and the texts waiting; then the slot passes to the next waiter.
    private func send(_ text: String) async throws -> [Float] {
        let riders = lock.withLock {
            let taken = Array(waiting.prefix(maxBatch - 1))
            waiting.removeFirst(taken.count)
            return taken
        }
        var unique: [String] = [text]
        var position: [String: Int] = [text: 0]
        for rider in riders where position[rider.text] == nil {
            position[rider.text] = unique.count
            unique.append(rider.text)
        }
        lock.withLock {
            calls += 1
            texts += unique.count
        }
        defer { handOver() }
        do {
            let vectors = try await embedder.embed(unique, purpose: .query)
            guard vectors.count == unique.count else {
                throw ProviderError(
                    kind: .permanent, api: embedder.model, status: 0,
                    message: "devolvió \(vectors.count) vectores para \(unique.count) textos")
            }
            for rider in riders { rider.continuation.resume(returning: .done(vectors[position[rider.text]!])) }
            return vectors[0]
        } catch {
            for rider in riders { rider.continuation.resume(throwing: error) }
            throw error
        }
    }

    /// Frees the call's slot, or hands it to the first waiter, who then sends the next call.
    private func handOver() {
        let next: Waiter? = lock.withLock {
            guard !waiting.isEmpty else {
                inFlight -= 1
                return nil
            }
            return waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
    }
}
