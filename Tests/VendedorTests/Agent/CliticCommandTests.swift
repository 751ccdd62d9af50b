import Foundation
import SpanishText
import Testing

@testable import Assistant
@testable import Shop

/// Requests made with a verb the example bank does not hold, its pronouns attached
/// ("écheme", "alcánceme", "tráiganme"): before, the verb was searched as a product
/// («écheme» no lo manejamos) and the quantity was lost.
@Suite(.serialized) struct CliticCommandTests {
    @Test func commandsWithAttachedPronounsAreToldFromNouns() {
        for word in ["echeme", "alcanceme", "traiganme", "consigame", "cobreme", "mandele", "regalemela", "echemelos"] {
            #expect(IntentClassifier.isCliticCommand(word), "\(word)")
        }
        for word in [
            "uniforme", "cable", "calle", "overoles", "medianos", "suela", "pequenos", "doble", "enorme", "me",
        ] {
            #expect(!IntentClassifier.isCliticCommand(word), "\(word)")
        }
    }

    @Test func aQuantityWithAnUnknownVerbTakesTheProductOnScreen() async throws {
        let h = try await AgentHarness()
        var log: [String] = []
        log.append(try await h.say("c1", "quiero un cono de señalización").reply)
        log.append(try await h.say("c1", "alcánceme 6 más de esos").reply)
        log.append(try await h.say("c1", "y tráiganme 2 cintas de demarcación").reply)
        #expect(!log.joined().contains("no lo manejamos"), "\(log)")
        log.append(try await h.say("c1", "eso es todo").reply)
        log.append(
            try await h.say(
                "c1",
                "Rubiela Castaño, cc 31456789, cel 3167778899, sin correo, Calle 12 # 4-56, barrio Obrero, ninguna"
            ).reply)
        log.append(try await h.say("c1", "sí").reply)
        let order = try #require(try h.orders(chatId: "c1").first, "\(log)")
        #expect(order.items.map(\.quantity).sorted() == [2, 7], "\(log)")
        await h.tearDown()
    }
}

/// A clause after "y" that is a sentence of its own ("y me dice cuánto es todo") is no
/// description of the item before; before, it was searched with the product ("«cono de
/// señalización, y me dice» no lo manejamos") and the order was lost.
@Suite struct ItemClauseTests {
    @Test func aClauseOfItsOwnAfterYDoesNotDescribeTheItem() {
        for text in [
            "quisiera 1 cono de señalización, y me dice cuánto es todo, gracias",
            "deme 2 cascos dieléctricos y le pregunto otra cosa",
            "4 botas de caucho y cuánto vale el envío",
        ] {
            let items = ItemExtractor.items(in: Words(text))
            #expect(items.count == 1, "\(text)")
            #expect(
                !(items.first?.words ?? []).contains { ["dice", "pregunto", "envio", "vale"].contains($0) }, "\(text)")
        }
        // A product named after "y" is an item of its own, counted after a colon.
        let catalog = MessageTokens.catalogWords(["Disco corte metal", "Extintor PQS 9kg", "Cinta demarcación"])
        let text = Words("un par de extintores de polvo de 9 kilos y discos de corte para metal: 12")
        let own = ItemExtractor.items(
            in: text, counts: QuantityFilter.counts(in: text), isProduct: { catalog.contains($0) })
        #expect(own.map(\.quantity) == [1, 12] && own.first?.pairs == true, "\(own)")
        #expect(own.last?.words.first == "discos", "\(own)")
        // Words after "y" that describe still do.
        let described = ItemExtractor.items(in: Words("necesito 3 cintas amarillas y negras"))
        #expect(described.first?.words.contains("negras") == true)
    }

    @Test func aStockQuestionAfterTheProceedQuestionIsNoGoAhead() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        var context = ReadingContext(
            cartIsEmpty: false, catalogWords: MessageTokens.catalogWords(["Cono señalización"]))
        context.askedToProceed = true
        for text in ["hay suficientes?", "¿alcanzan para todos?"] {
            #expect(reader.readNow(text, context: context).intent != .proceed, "\(text)")
        }
        #expect(reader.readNow("listo, montemos el pedido", context: context).intent == .proceed)
    }

    @Test func aCountedPhraseReadsLikeANumber() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        let context = ReadingContext(cartIsEmpty: false, catalogWords: MessageTokens.catalogWords(["Detector gas"]))
        #expect(MessageTokens("quítele un par").tokens == ["quitele", MessageTokens.number])
        let reading = reader.readNow("Quítele un par", context: context)
        #expect(reading.intent == .decrease, "\(reading)")
        #expect(reading.items.first?.action == .decrease && reading.items.first?.pairs == true, "\(reading.items)")
    }

    @Test func aChangeVerbWithItsPronounIsTheBanksVerb() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        let context = ReadingContext(
            cartIsEmpty: false, catalogWords: MessageTokens.catalogWords(["Casco dieléctrico", "Cinta demarcación"]))
        for text in ["cámbieme los cascos a 2", "Cámbieme las cintas amarillas de precaución a once"] {
            let reading = reader.readNow(text, context: context)
            #expect(reading.intent == .setQuantity, "\(text)")
            #expect(reading.items.first?.action == .set, "\(text)")
        }
    }
}
