import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Answering a choice by declining one option, taking a line out with the words of a
/// decrease, two lines changed in one message, and a part counted in a product's name
/// (issue 22, sixth round). Before, "las normales, no las antiempañantes" added the
/// option declined (the only distinctive word named it), and "quítale los guantes mejor"
/// was read as nothing (below the threshold) and searched as a product. New phrasings.
@Suite(.serialized) struct ChoiceAndRemovalTests {
    @Test func theOptionDeclinedIsNotTheAnswer() async throws {
        let h = try await AgentHarness()
        let shown = try await h.say("cr1", "mándeme 4 gafas")
        #expect(shown.reply.contains("Gafas antiempañante"), "\(shown.reply)")
        let reply = try await h.say("cr1", "unas sencillas, no las antiempañantes")
        #expect(reply.reply.contains("4 × Gafas seguridad"), "\(reply.reply)")
        #expect(!reply.reply.contains("× Gafas antiempañante"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aNoThatNamesNoOptionDeclinesNothing() {
        let options = [
            Product(id: 1, name: "Gafas seguridad", description: "", price: 8500, stock: 5),
            Product(id: 2, name: "Gafas antiempañante", description: "", price: 13000, stock: 5),
        ]
        #expect(SalesAgent.declining(["no", "las", "normales"], among: options).1.isEmpty)
        #expect(SalesAgent.declining(["las", "claras", "no", "las", "antiempanantes"], among: options).1 == [2])
        // A long tail after "no" is read only in its first words.
        let tail = ["las", "claras", "no"] + Array(repeating: "antiempanantes", count: 5_000)
        #expect(SalesAgent.declining(tail, among: options).1 == [2])
    }

    @Test func takingAwayWithoutACountTakesTheLineOut() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("cr2", "quiero 3 conos y 2 botiquines portátiles")
        let reply = try await h.say("cr2", "sáquele los conos mejor")
        #expect(reply.reply.contains("Quité Cono"), "\(reply.reply)")
        #expect(
            !reply.reply.contains("no lo manejamos") && !reply.reply.contains("No tengo exactamente"), "\(reply.reply)")
        // With a count it still takes units away.
        let fewer = try await h.say("cr2", "quítele 1 a los botiquines")
        #expect(fewer.reply.contains("1 × Botiquín portátil"), "\(fewer.reply)")
        await h.tearDown()
    }

    @Test func twoLinesGetTheirAmountsInOneMessage() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("cr3", "quiero 5 conos y 2 botiquines portátiles")
        let reply = try await h.say("cr3", "que sean 3 conos, y los botiquines póngalos en 4")
        #expect(reply.reply.contains("3 × Cono señalización"), "\(reply.reply)")
        #expect(reply.reply.contains("4 × Botiquín portátil"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aSmallNumberBetweenTwoProductsIsAFeature() {
        let catalog: Set<String> = ["mascara", "filtros", "guantes", "linternas", "pilas"]
        let isProduct = { (word: String) in catalog.contains(word) }
        #expect(
            QuantityFilter.counts(in: Words("tienen mascara d dos filtros pa fumigar"), isProduct: isProduct).isEmpty)
        #expect(
            QuantityFilter.counts(in: Words("3 linternas de 2 pilas"), isProduct: isProduct).map(\.value) == [3])
        // A large number there is an order ("guantes de 40 pares" is not a feature count).
        #expect(
            QuantityFilter.counts(in: Words("mascara de 20 filtros"), isProduct: isProduct).map(\.value) == [20])
    }

    @Test func changingALineForAnotherKeepsItsCount() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("cr4", "quiero 3 gafas de seguridad")
        let reply = try await h.say("cr4", "ay no, cámbieme esas 3 por unas antiempañantes")
        #expect(reply.reply.contains("3 × Gafas antiempañante"), "\(reply.reply)")
        #expect(reply.reply.contains("Quité Gafas seguridad"), "\(reply.reply)")
        #expect(SalesAgent.changeFor(["cambie", "los", "4", "por", "los", "ventilados"]) == 0)
        #expect(SalesAgent.changeFor(["cambie", "la", "direccion"]) == nil)
        await h.tearDown()
    }

    @Test func aQuestionAboutAKindInTheCartAddsNothingAtTheGoAhead() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("cr5", "necesitamos 4 cascos de seguridad")
        let asked = try await h.say(
            "cr5", "¿los cascos sirven para electricistas? es para trabajo con redes eléctricas")
        // The scenario: the answer shows another casco and asks how many.
        try #require(asked.reply.contains("Casco dieléctrico") && asked.reply.contains("¿Cuántas"), "\(asked.reply)")
        let done = try await h.say("cr5", "ok gracias, eso es todo")
        #expect(!done.reply.contains("Casco dieléctrico"), "\(done.reply)")
        await h.tearDown()
    }
}
