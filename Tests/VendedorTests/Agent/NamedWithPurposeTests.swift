import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// A product named whole with what it is for, and people in the story (issue 22, fifth
/// round). Before, "un detector de gas para el apartamento" got «no lo manejamos, pero
/// tenemos: Detector gas» (the place is no product the shop lacks), and "un cliente nos
/// pidió…" ordered one unit of whatever the rest of the sentence found. New phrasings.
@Suite(.serialized) struct NamedWithPurposeTests {
    @Test func theWholeNameWithAPurposeIsTheProduct() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("np1", "quiero un detector de gas para el apartamento")
        #expect(reply.reply.contains("1 × Detector gas"), "\(reply.reply)")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        // Only part of a name with something the shop lacks stays an alternative.
        let moto = try await h.say("np2", "¿tienen cascos para moto?")
        #expect(moto.reply.contains("no lo manejamos"), "\(moto.reply)")
        await h.tearDown()
    }

    @Test func peopleInTheStoryAreNoCount() {
        let counts = QuantityFilter.counts(in: Words("un cliente nos pidió que le consiguiéramos 3 cascos"))
        #expect(counts.map(\.value) == [3])
        let neighbour = QuantityFilter.counts(in: Words("una vecina me recomendó la tienda, necesito 2 extintores"))
        #expect(neighbour.map(\.value) == [2])
    }
}
