import Foundation
import Integrations
import Support

/// For tuning by hand (`vendedor-bench retrieval --vector-cache FILE`): vectors already made
/// for a text and purpose are read from a JSON file instead of asking the provider again, and
/// new ones are added to it at the end. A run with it measures the search, not the provider.
final class StoredVectorsEmbedder: Embedder, @unchecked Sendable {
    let base: any Embedder
    let path: String
    private let lock = NSLock()
    private var stored: [String: [Float]]
    private var changed = false

    init(base: any Embedder, path: String) {
        self.base = base
        self.path = path
        let data = try? Data(contentsOf: URL(fileURLWithPath: path))
        stored = data.flatMap { try? JSONDecoder().decode([String: [Float]].self, from: $0) } ?? [:]
    }

    var model: String { base.model }

    func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        let keys = texts.map { "\(model)|\(purpose.rawValue)|\($0)" }
        let missing = lock.withLock { zip(texts, keys).filter { stored[$0.1] == nil } }
        if !missing.isEmpty {
            let vectors = try await base.embed(missing.map(\.0), purpose: purpose)
            lock.withLock {
                for (pair, vector) in zip(missing, vectors) { stored[pair.1] = vector }
                changed = true
            }
        }
        return lock.withLock { keys.map { stored[$0]! } }
    }

    func save() throws {
        let (data, changed) = try lock.withLock { (try JSONEncoder().encode(stored), self.changed) }
        if changed { try data.write(to: URL(fileURLWithPath: path), options: .atomic) }
    }
}
