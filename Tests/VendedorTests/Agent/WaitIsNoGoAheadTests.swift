import Foundation
import Testing

@testable import Assistant

/// Asking the agent to wait after "¿seguimos con el pedido?" is no go-ahead, and a regional
/// interjection before a change of the cart is no answer (seventh round). New phrasings.
@Suite(.serialized) struct WaitIsNoGoAheadTests {
    @Test func waitingIsNoGoAhead() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("w1", "3 cascos de seguridad")
        let wait = try await h.say("w1", "hombe aguánteme")
        #expect(!wait.reply.contains("Para el despacho"), "\(wait.reply)")
        let more = try await h.say("w1", "ombe, súmele 2 más")
        #expect(more.reply.contains("5 × Casco de seguridad"), "\(more.reply)")
        #expect(!more.reply.contains("Para el despacho"), "\(more.reply)")
        await h.tearDown()
    }

    @Test func aCountAfterAVerbOfAddingChangesTheLineBesideAStory() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("w2", "4 chalecos reflectivos")
        let more = try await h.say("w2", "no, que somos 6 en la cuadrilla, agréguele 2 más")
        #expect(more.reply.contains("6 × Chaleco reflectivo"), "\(more.reply)")
        await h.tearDown()
    }
}
