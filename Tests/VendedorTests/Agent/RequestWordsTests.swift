import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// A request verb before the product and a request after it, through the real pipeline (Redis, the reply worker,
/// SQLite, words-only search): the reply names the product, and the words shown back as the
/// customer's query are the product's, not "busco". None of these phrasings is in the
/// evaluation sets.
@Suite("Agent: request words around a product", .serialized)
struct RequestWordsTests {
    @Test func theShownQueryIsTheProductNotTheRequestVerb() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("verbo", "buenas, busco rodilleras y cascos")
        #expect(!reply.reply.contains("«busco"), "\(reply.reply)")
        let other = try await h.say("verbo2", "buscamos chalecos reflectores")
        #expect(!other.reply.contains("«buscamos") && !other.reply.contains("no lo manejamos"), "\(other.reply)")
        #expect(other.reply.contains("Chaleco reflectivo"), "\(other.reply)")
        await h.tearDown()
    }

    /// The options a bare name ties are those the search ranks alike: "cascos" are the
    /// helmets, not "Cascos auditivos" (ear muffs), which a request for orejeras still finds.
    @Test func aTiedListLeavesOutAnotherKindOfThing() async throws {
        let h = try await AgentHarness()
        let helmets = try await h.say("cascos", "me manda 4 cascos")
        #expect(helmets.reply.contains("Casco de seguridad"), "\(helmets.reply)")
        #expect(!helmets.reply.contains("Cascos auditivos"), "\(helmets.reply)")
        let muffs = try await h.say("orejeras", "necesito orejeras")
        #expect(muffs.reply.contains("Cascos auditivos"), "\(muffs.reply)")
        await h.tearDown()
    }

    /// A clause after "y" that begins with an object pronoun asks the shop something; it is
    /// no part of the product ("cintas amarillas y negras" still describes one).
    @Test func aRequestAfterTheProductIsNotPartOfIt() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("aparte", "una manta ignífuga, y me confirma si hacen domicilios")
        #expect(reply.reply.contains("Manta ignífuga") && !reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        let tape = try await h.say("cinta", "2 cintas amarillas y negras")
        #expect(tape.reply.contains("Cinta demarcación"), "\(tape.reply)")
        await h.tearDown()
    }
}
