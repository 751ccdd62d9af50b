import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import Assistant
@testable import Integrations
@testable import Shop

/// Found by reading (issue 16): one message could fan out into hundreds of catalog searches
/// (and paid embedding calls: query embeddings are cached, `QueryEmbedder`'s own tests), and
/// `GET /productos?q=` with 1,100 words answered 500.
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
        let agent = SalesAgent(database: try directory.openDatabase(), retriever: retriever, placer: NoOrders(),
            reader: try ExampleReader(directory: TestPaths.repoRoot.appendingPathComponent("data/entendimiento").path))
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

    @Test func aProductSearchOfThousandsOfWordsIsRefused() async throws {
        try await SecurityHarness.run { h, client in
            let words = (1...1_100).map { "palabra\($0)" }.joined(separator: " ")
            let response = try await client.execute(
                uri: "/productos?q=\(words.replacingOccurrences(of: " ", with: "+"))", method: .get,
                headers: h.headers(.operator, "ana"))
            #expect(response.status == .unprocessableContent, "\(String(buffer: response.body))")
            #expect(String(buffer: response.body).contains("\(ProductFilter.maxTextLength)"))
            let ok = try await client.execute(
                uri: "/productos?q=casco+casco+casco", method: .get, headers: h.headers(.operator, "ana"))
            #expect(ok.status == .ok)
        }
    }
}
