import Foundation
import Integrations

/// Passes requests on and counts the embedding calls among them (`/embeddings` URLs) and the
/// texts they carry, for `ops/bench reply`.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    let base: any HTTPTransport
    private let lock = NSLock()
    private var calls = 0
    private var texts = 0

    init(base: any HTTPTransport) {
        self.base = base
    }

    /// Embedding calls and texts sent so far.
    var embeddings: (calls: Int, texts: Int) { lock.withLock { (calls, texts) } }

    func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        if request.url.hasSuffix("/embeddings") {
            let count = Self.inputs(request.body)
            lock.withLock {
                calls += 1
                texts += count
            }
        }
        return try await base.send(request)
    }

    /// How many texts an OpenAI-style embeddings body carries (`input`: a string or a list).
    static func inputs(_ body: [UInt8]?) -> Int {
        guard let body, let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return 0
        }
        if let list = object["input"] as? [Any] { return list.count }
        return object["input"] == nil ? 0 : 1
    }
}
