import Foundation
import Testing

@testable import Assistant

/// A request for a product said beside a question about the shop (seventh round): before,
/// only the question was answered and the request was lost. New phrasings.
@Suite(.serialized) struct RequestBesideQuestionTests {
    @Test func theRequestIsServedWithTheAnswer() async throws {
        let h = try await AgentHarness()
        let both = try await h.say(
            "rq1", "Buenas, ¿hacen envíos a Popayán? Necesito unas botas dieléctricas para mi cuadrilla")
        #expect(both.reply.contains("Botas dieléctricas"), "\(both.reply)")
        #expect(
            both.reply.lowercased().contains("despach") || both.reply.lowercased().contains("envío"), "\(both.reply)")
        await h.tearDown()
    }

    @Test func aQuestionAboutAProductIsNoRequest() {
        #expect(!SalesAgent.requestsInStatement("¿Los extintores que necesito traen garantía?"))
        #expect(SalesAgent.requestsInStatement("¿Abren el sábado? Quiero pasar por 2 cascos."))
        #expect(!SalesAgent.requestsInStatement("¿A qué hora abren?"))
        // Bounded: a flood of sentences stops at the limit.
        let flood = String(repeating: "hola. ", count: 5_000) + "necesito un casco"
        #expect(!SalesAgent.requestsInStatement(flood))
    }
}
