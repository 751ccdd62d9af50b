import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import Assistant
@testable import Integrations
@testable import Shop

/// Found by reading (issue 16): one message could fan out into hundreds of catalog searches
/// and paid embedding calls, and `GET /productos?q=` with 1,100 words answered 500.
@Suite("Security: one message or query cannot fan out")
struct FanOutTests {
    /// Counts the catalog searches the agent makes; finds nothing.
    final class CountingRetriever: ProductRetriever {
        let searches = Mutex(0)
        func find(_ query: String, limit: Int) async throws -> ProductSearchResult {
            searches.withLock { $0 += 1 }
            return .notCarried(alternatives: [])
        }
    }

    struct NoOrders: OrderPlacer {
        func place(_ request: OrderRequest, key: String, attempt: Int, updatesClient: Bool) async throws
            -> OrderPlacement
        {
            .refused("pruebas")
        }
    }

    /// "1 cascoab y 1 cascoac …": `count` products (made-up names, letters only), each with
    /// its own quantity.
    static func order(_ count: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (1...count).map { "1 casco\(letters[$0 / 26])\(letters[$0 % 26])" }.joined(separator: " y ")
    }

    static func searches(_ message: String) async throws -> (Int, AgentTurn) {
        let directory = try TemporaryDirectory()
        let retriever = CountingRetriever()
        let agent = SalesAgent(
            database: try directory.openDatabase(), retriever: retriever, placer: NoOrders(),
            reader: try ExampleReader(directory: TestPaths.bankDirectory))
        let turn = try await agent.respond(chatId: "web-1", message: message, state: DialogueState())
        return (retriever.searches.withLock { $0 }, turn)
    }

    @Test func aMessageOrderingHundredsOfProductsSearchesOnlyTheCap() async throws {
        let cap = Understanding.maxItemsPerMessage
        let (few, _) = try await Self.searches(Self.order(cap))
        let (many, turn) = try await Self.searches(Self.order(300))
        #expect(few >= cap)
        #expect(many == few, "\(cap) productos: \(few) búsquedas; 300 productos: \(many)")
        #expect(turn.facts.items.contains(.tooManyItems(max: cap)))
    }

    /// Counts the calls that reach the (paid) embedding API.
    final class CountingEmbedder: Embedder {
        let calls = Mutex(0)
        var model: String { "pruebas/3" }
        func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
            calls.withLock { $0 += 1 }
            return texts.map { [Float($0.count), 1, 0] }
        }
    }

    @Test func aRepeatedQueryIsEmbeddedOnceAndTheCacheIsBounded() async throws {
        let base = CountingEmbedder()
        let cache = QueryEmbedder(base: base, cache: QueryEmbeddingCache(capacity: 3), maxInFlight: 1, maxBatch: 32)
        for _ in 0..<100 { #expect(try await cache.embedQuery("guantes de nitrilo") == [18, 1, 0]) }
        #expect(base.calls.withLock { $0 } == 1)
        for index in 0..<50 { _ = try await cache.embedQuery("consulta \(index)") }
        #expect(cache.cache.count == 3)
        #expect(base.calls.withLock { $0 } == 51)
        // The oldest was forgotten; the newest is still there.
        _ = try await cache.embedQuery("consulta 49")
        #expect(base.calls.withLock { $0 } == 51)
        _ = try await cache.embedQuery("guantes de nitrilo")
        #expect(base.calls.withLock { $0 } == 52)
        // Passages (re-indexing) always reach the API.
        _ = try await cache.embed(["consulta 49"], purpose: .passage)
        #expect(base.calls.withLock { $0 } == 53)
    }

    @Test func aProductSearchOfThousandsOfWordsIsA400AndTheStoreNeverFails() async throws {
        try await SecurityHarness.run { h, client in
            let words = (1...1_100).map { "palabra\($0)" }.joined(separator: " ")
            let response = try await client.execute(
                uri: "/productos?q=\(words.replacingOccurrences(of: " ", with: "+"))", method: .get,
                headers: h.headers(.operator, "ana"))
            #expect(response.status == .badRequest || response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("32"))
            // Called directly, the store reads the query up to its caps instead of failing.
            let page = try h.database.listProducts(ProductFilter(text: words))
            #expect(page.total == 0)
            let ok = try await client.execute(
                uri: "/productos?q=casco+casco+casco", method: .get, headers: h.headers(.operator, "ana"))
            #expect(ok.status == .ok)
        }
    }
}
