import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// An order said beside a question at the summary (issue 22, fifth round): "¿vienen con base?
/// Si no, agrégueme 2 conos" only showed the product; the line was never added. New phrasings.
@Suite(.serialized) struct ReviewOrderTests {
    @Test func aCountedOrderBesideAQuestionAtTheSummaryIsAdded() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("rv1", "necesito 2 vallas plásticas")
        _ = try await h.say("rv1", "es todo")
        let summary = try await h.say(
            "rv1",
            "Nelly Bermúdez, cc 31.555.204, cel 3164440021, no tengo correo, Carrera 5 # 10-12, barrio Obrero, "
                + "sin indicaciones")
        try #require(summary.reply.contains("resumen"), "\(summary.reply)")
        let reply = try await h.say("rv1", "¿Las vallas vienen con base? Si no, agrégueme 2 conos de señalización")
        #expect(reply.reply.contains("2 × Cono"), "\(reply.reply)")
        // Numbers among data in the same phase still order nothing.
        let data = try await h.say("rv1", "la dirección es Carrera 5 # 10-12 apto 2")
        #expect(!data.reply.contains("agregué"), "\(data.reply)")
        await h.tearDown()
    }
}
