import Foundation
import Testing

@testable import Assistant
@testable import Pipeline
@testable import Shop
@testable import SpanishText

/// Found on the l-set (issue 22, eleventh round), tested with new phrasings. Before: a part of
/// the address corrected ("el apto es 301 no 310") changed nothing, or became a quantity;
/// data separated by em dashes was not read; data said beside products whose question (which
/// one) the same reply asked started the checkout and lost that line; "lo que haya de los
/// dos" took 2 units of the last offer; a purchase order's "No. 7781" became a count when
/// "De acuerdo con…" was read as talk; "póngamelo" after "¿cuántas?" added nothing.
@Suite(.serialized) struct CorrectionsAndOpenQuestionsTests {
    static func checkout(_ h: AgentHarness, _ chat: String, data: String) async throws -> ChatReply {
        _ = try await h.say(chat, "quiero 2 linternas recargables")
        _ = try await h.say(chat, "listo eso es todo")
        return try await h.say(chat, data)
    }

    @Test func anEmDashSeparatesTheData() async throws {
        let h = try await AgentHarness()
        let summary = try await Self.checkout(
            h, "e1",
            data: "Ana María Ruiz — cc 52331908 — cel 3157702211 — correo ana.ruiz@gmail.com — "
                + "Calle 10 # 4-21 torre 2 apto 504, barrio Centro — sin indicaciones")
        #expect(summary.reply.contains("Nombre: Ana María Ruiz"), "\(summary.reply)")
        #expect(summary.reply.contains("Celular: 3157702211"), "\(summary.reply)")
        #expect(summary.reply.contains("Calle 10 # 4-21 torre 2 apto 504"), "\(summary.reply)")
        await h.tearDown()
    }

    @Test func aPartOfTheAddressCorrectedReplacesOnlyThatPart() async throws {
        let h = try await AgentHarness()
        _ = try await Self.checkout(
            h, "e2",
            data: "Ana María Ruiz, cc 52331908, cel 3157702211, correo ana.ruiz@gmail.com, "
                + "Calle 10 # 4-21 torre 2 apto 504, barrio Centro, sin indicaciones")
        let fixed = try await h.say("e2", "uy no, la torre es 3 no 2")
        #expect(fixed.reply.contains("Calle 10 # 4-21 torre 3 apto 504"), "\(fixed.reply)")
        // A part of the address, not a quantity.
        #expect(fixed.reply.contains("2 × Linterna recargable"), "\(fixed.reply)")
        // A whole address given again is the address ("No." is no correction's "no").
        let whole = try await h.say("e2", "perdón, la dirección es Calle 9 No. 20-11, barrio Centro")
        #expect(whole.reply.contains("Calle 9 No. 20-11"), "\(whole.reply)")
        await h.tearDown()
    }

    @Test func aSwappedPartIsOnlyAWholePieceOfOneField() throws {
        var form = CheckoutForm()
        _ = try form.fill(.address, "Calle 13 # 8-54 apto 201")
        _ = try form.fill(.notes, "portería 2")
        #expect(SalesAgent.swappedPart(Words("es el 102, no 201"), form)?.1 == "Calle 13 # 8-54 apto 102")
        #expect(SalesAgent.swappedPart(Words("no 201 sino 102"), form)?.1 == "Calle 13 # 8-54 apto 102")
        // The end of "8-45", a "No." of a number, a word of two fields: nothing.
        #expect(SalesAgent.swappedPart(Words("Calle 13 # 8-45, no 8-54"), form) == nil)
        #expect(SalesAgent.swappedPart(Words("Cra 12 No. 201"), form) == nil)
        var two = CheckoutForm()
        _ = try two.fill(.address, "Calle 5 # 8-54")
        _ = try two.fill(.notes, "portería 5")
        #expect(SalesAgent.swappedPart(Words("es 6 no 5"), two) == nil)
        // Hostile: a flood of "1 no 2" is longer than a correction of one part.
        let flood = Words(String(repeating: "102 no 201 ", count: 10_000))
        #expect(SalesAgent.swappedPart(flood, form) == nil)
    }

    @Test func aQuestionAskedBesideDataWaitsForItsAnswer() async throws {
        let h = try await AgentHarness()
        let first = try await h.say(
            "e3",
            "Buenos días. Soy Marta Lucía Gómez Rey, cédula 52118907, de Tunja. Quiero pedir 3 linternas "
                + "recargables y 2 arneses")
        #expect(first.reply.contains("¿Cuál prefiere"), "\(first.reply)")
        #expect(!first.reply.contains("celular"), "the checkout waits: \(first.reply)")
        _ = try await h.say("e3", "Calle 20 # 11-35, barrio Maldonado, Tunja. Mi celular 3118890022")
        let cart = try await h.say("e3", "¿qué llevo?")
        #expect(cart.reply.contains("2 × Arnés"), "\(cart.reply)")
        await h.tearDown()
    }

    @Test func whatThereIsOfBothAcceptsBothOffers() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("e4", StockOffersTests.shortOrder)
        let both = try await h.say("e4", "bueno, despácheme lo que tenga de los dos")
        #expect(both.reply.contains("12 × Casco dieléctrico"), "\(both.reply)")
        #expect(both.reply.contains("7 × Botas dieléctricas"), "\(both.reply)")
        #expect(SalesAgent.namesTheOffers(Words("sí a las tres"), count: 3, 3))
        #expect(SalesAgent.namesTheOffers(Words("las que tenga de ambas"), count: 2, 2))
        #expect(!SalesAgent.namesTheOffers(Words("deme 2 de los cascos"), count: 3, 2))
        await h.tearDown()
    }

    @Test func aNumberWhoseMarkWentWithTheTalkCountsNothing() async throws {
        let h = try await AgentHarness()
        let order = try await h.say(
            "e5",
            "Buen día. De acuerdo con la orden de compra No. 5126 de Químicos del Cauca S.A.S., requerimos: "
                + "4 trajes químicos y 6 pares de guantes de neopreno.")
        #expect(!order.reply.contains("Químicos del Cauca"), "\(order.reply)")
        #expect(order.reply.contains("6 × Guantes neopreno"), "\(order.reply)")
        await h.tearDown()
    }

    @Test func aVerbWithItAnswersHowMany() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("e6", "¿cuánto vale el casco de seguridad?")
        let both = try await h.say("e6", "Uy, qué caro. Bueno, póngamelo y también 2 pares de guantes de nitrilo")
        #expect(both.reply.contains("1 × Casco de seguridad"), "\(both.reply)")
        #expect(both.reply.contains("2 × Guantes nitrilo"), "\(both.reply)")
        #expect(IntentClassifier.asksForOne("mandemela") && !IntentClassifier.asksForOne("telo"))
        await h.tearDown()
    }

    /// "me das 2", "Bendito sea, sí, deme los 8", "ay carito, pero necesito 3": the asides and
    /// the second-person request are no product's words.
    @Test func asidesAndSecondPersonRequestsNameNoProduct() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        let context = ReadingContext(
            catalogWords: MessageTokens.catalogWords(["Linterna recargable", "Detector humo", "Faja ergonómica"]))
        for (text, aside) in [
            ("me das 4 porfa y una linterna recargable", "das"), ("Bendito sea, sí, mándeme los 6", "bendito"),
            ("ay, qué carito, pero bueno, necesito 2", "carito"),
        ] {
            let reading = reader.readNow(text, context: context)
            #expect(!reading.items.isEmpty, "\(text)")
            #expect(!reading.items.contains { $0.words.contains(aside) }, "\(text): \(reading.items)")
        }
    }

    /// "¿Y cuándo me estaría llegando más o menos?" was read as "one less" ("menos") and its
    /// words searched as a product: when the order arrives is a question about shipping.
    @Test func whenItWouldArriveIsAShippingQuestion() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        let context = ReadingContext(catalogWords: MessageTokens.catalogWords(["Linterna recargable"]))
        for text in [
            "¿y eso más o menos en cuánto tiempo me estaría llegando?", "¿para cuándo me estaría llegando el pedido?",
        ] {
            let reading = reader.readNow(text, context: context)
            #expect(reading.intent == .companyShipping, "\(text): \(String(describing: reading.intent))")
            #expect(reading.items.isEmpty, "\(text)")
        }
    }

    /// "casco, guantes, botas y cinturón, todo para 2 personas" set 2 on the last product only
    /// and asked "¿cuántas?" for the others (then lost them): one count after "todo para" is
    /// each product's.
    @Test func oneCountAfterEverythingForIsEachProducts() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "e7", "para la brigada: linterna recargable, botiquín portátil y chaleco reflectivo, todo para 4 personas")
        for line in ["4 × Linterna recargable", "4 × Botiquín portátil", "4 × Chaleco reflectivo"] {
            #expect(reply.reply.contains(line), "\(line): \(reply.reply)")
        }
        await h.tearDown()
    }

    /// "dos extintores buenos, de los grandes, de 9 kilos": the size after a comma describes
    /// the product before (it was left out, and the 6 kg one taken).
    @Test func aSizeAfterACommaDescribesTheProductBefore() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("e8", "quiero 3 extintores buenos, de los de polvo, de 9 kilos")
        #expect(reply.reply.contains("3 × Extintor PQS 9kg"), "\(reply.reply)")
        #expect(ItemExtractor.opensDescription(["de", "veinte", "metros"]))
        #expect(!ItemExtractor.opensDescription(["de", "20", "personas"]))
        await h.tearDown()
    }
}
