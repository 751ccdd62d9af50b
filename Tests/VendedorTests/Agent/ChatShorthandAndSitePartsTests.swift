import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the b-set (issue 22, seventeenth round), tested with new phrasings. Before: "ey
/// súmale 5 discos más" set the line to 5; "dale una, talla 41" answering "¿cuántas?" searched
/// "talla"; "dale 1 d ese" searched "dale"; "el d 11 mil" was no choice by price; "para dos
/// linieros: …, dos de cada uno" ordered two "linieros"; "de a dos" in a reason was a count;
/// "barrio 2500 Lotes" was no barrio; "barrio El Centro al lado del mercado" was too long for
/// one; a site's part after the address ("obra Torres del Rodadero", "Planta 3") was lost;
/// "Recibe el ingeniero …" and "el nombre mío es …" gave no name; "el nombre va con Y: …" gave
/// the name "va"; "Sí, confirmo" to the stored data only showed the summary.
@Suite(.serialized) struct ChatShorthandAndSitePartsTests {
    static let reader = try! ExampleReader(directory: TestPaths.bankDirectory)
    static let catalog = MessageTokens.catalogWords([
        "Cono señalización", "Guantes vaqueta", "Disco corte metal", "Casco dieléctrico", "Guantes dieléctricos",
        "Botas dieléctricas", "Bota soldador", "Chaleco reflectivo", "Chaleco alta visibilidad",
    ])

    static func read(_ text: String, pending: DialogueState.Pending? = nil, cartIsEmpty: Bool = false) -> Reading {
        var context = ReadingContext(pending: pending, cartIsEmpty: cartIsEmpty, catalogWords: catalog)
        if case .choice(let options, _, _)? = pending { context.listed = options.count }
        return reader.readNow(text, context: context)
    }

    @Test func aVerbOfSummingOrAClosingMasAddsToTheLine() {
        // (An order of a product the cart holds adds to its line too; a new amount does not.)
        for text in [
            "oiga agréguele 4 conos más", "ey súmale 4 conos", "ey sumale 4 conos mas", "ponle 4 conos más porfa",
        ] {
            let items = Self.read(text).items
            #expect(items.count == 1 && items[0].action != .set && items[0].quantity == 4, "\(text): \(items)")
        }
        // Two lines joined by "más" stay two lines, and a new amount stays one.
        let two = Self.read("deme 5 discos más 3 conos").items
        #expect(two.count == 2 && two.allSatisfy { $0.action != .increase }, "\(two)")
        let set = Self.read("mejor que sean 4 conos").items
        #expect(set.count == 1 && set[0].action == .set, "\(set)")
        // "de a dos" in the reason is no count.
        let shared = Self.read("a los conos súmele seis, que los camiones llevan de a dos").items
        #expect(shared.count == 1 && shared[0].action == .increase && shared[0].quantity == 6, "\(shared)")
    }

    @Test func aShortGoAheadWithACountAnswersHowManyAndASizeNamesNothing() {
        let asked = DialogueState.Pending.quantity(productId: 97)
        for (text, amount) in [("dale una, talla 40", 1), ("listo, uno, talla M", 1), ("dale 3 de esas", 3)] {
            let items = Self.read(text, pending: asked).items
            #expect(
                items.count == 1 && items[0].quantity == amount && !items[0].named, "\(text): \(items)")
        }
        // The count still goes with a product named after it.
        let other = Self.read("dale 1 d ese. Y 2 chalecos reflectivos", pending: asked).items
        #expect(other.contains { $0.named && $0.quantity == 2 }, "\(other)")
        #expect(!other.contains { $0.words.contains("dale") }, "\(other)")
    }

    @Test func aReasonAfterARequestIsNoItemAndAGreetingQuestionNoQuestion() {
        let reason = Self.read(
            "y una linterna recargable, porque en la vereda la luz se va cada nada", cartIsEmpty: true
        ).items
        #expect(reason.count == 1 && reason[0].words.contains("linterna"), "\(reason)")
        // The marks of a greeting question in the middle go with it; a question that closes
        // the message stays one.
        let greeting = Self.read(
            "Buenas, ¿qué tal? Necesito casco dieléctrico, guantes dieléctricos y botas dieléctricas, tres de cada uno",
            cartIsEmpty: true
        ).items
        #expect(greeting.count == 3 && greeting.allSatisfy { $0.quantity == 3 && $0.named }, "\(greeting)")
    }

    @Test func aPriceInChatShorthandPicksTheOption() {
        let listed = DialogueState.Pending.choice(options: [46, 47, 48], quantity: nil, pairs: false)
        let reading = Self.read("el d 14 mil, mándeme 3", pending: listed)
        #expect(reading.choice == .price(14_000), "\(String(describing: reading.choice))")
        #expect(reading.items.first?.quantity == 3, "\(reading.items)")
    }

    @Test func aCountForWhomBesideOneForEachProductOrdersNothing() {
        let items = Self.read(
            "Buenas, para tres electricistas necesito casco dieléctrico, guantes dieléctricos y botas dieléctricas, tres de cada uno",
            cartIsEmpty: true
        ).items
        #expect(items.count == 3 && items.allSatisfy { $0.quantity == 3 && $0.named }, "\(items)")
        // Without "de cada uno" the people counted are how many ("botas pa 6 trabajadores").
        let people = Self.read("necesito botas dieléctricas pa 6 trabajadores y 6 pares de guantes", cartIsEmpty: true)
            .items
        #expect(people.map(\.quantity) == [6, 6], "\(people)")
    }

    @Test func aBarrioMayStartWithANumberAndEndsWhereALandmarkBegins() {
        let numbered = CheckoutFieldExtractor.extract(
            "Carrera 3 # 18-40, barrio 20 de Julio, tocar el timbre", requested: .address)
        #expect(numbered.values[.neighborhood] == "20 de Julio", "\(numbered.values)")
        let lots = CheckoutFieldExtractor.extract("Mz 4 casa 9, barrio 1500 Viviendas", requested: .address)
        #expect(lots.values[.neighborhood] == "1500 Viviendas", "\(lots.values)")
        let landmark = CheckoutFieldExtractor.extract(
            "calle 8 # 4-10 barrio San Luis frente al parque principal", requested: .address)
        #expect(landmark.values[.neighborhood] == "San Luis", "\(landmark.values)")
        #expect(landmark.values[.notes]?.contains("frente al parque principal") == true, "\(landmark.values)")
        // A name with "y" or "de" stays whole.
        let whole = CheckoutFieldExtractor.extract("Calle 5 # 2-20, barrio San Pedro y San Pablo", requested: .address)
        #expect(whole.values[.neighborhood] == "San Pedro y San Pablo", "\(whole.values)")
    }

    @Test func thePartOfASiteAfterItsAddressIsTheAddresss() {
        let site = CheckoutFieldExtractor.extract(
            "Diana Rocío Pérez, cédula 63512877, celular 3157700112, dirección Calle 30 # 8-15, bodega 4, barrio Chimitá",
            requested: nil)
        #expect(site.values[.address] == "Calle 30 # 8-15, bodega 4", "\(site.values)")
        #expect(site.values[.neighborhood] == "Chimitá", "\(site.values)")
        let named = CheckoutFieldExtractor.extract(
            "Avenida 5 # 10-20, obra Altos del Cacique, barrio Cabecera", requested: .address)
        #expect(named.values[.address] == "Avenida 5 # 10-20, obra Altos del Cacique", "\(named.values)")
        // A note after the address is no part of it.
        let note = CheckoutFieldExtractor.extract(
            "Avenida 5 # 10-20, barrio Cabecera, bodega del fondo, timbrar", requested: .address)
        #expect(note.values[.address] == "Avenida 5 # 10-20", "\(note.values)")
    }

    @Test func aNameAfterATitleOrASpokenLabelOrAColonIsTheName() {
        let title = CheckoutFieldExtractor.extract(
            "Recibe la doctora Marcela Ruiz Peña, c.c. 52418733, cel 3104412290", requested: nil)
        #expect(title.values[.name] == "Marcela Ruiz Peña", "\(title.values)")
        let spoken = CheckoutFieldExtractor.extract("el nombre mío es Pedro Nel Ospina Mejía", requested: .name)
        #expect(spoken.values[.name] == "Pedro Nel Ospina Mejía", "\(spoken.values)")
        let spelled = CheckoutFieldExtractor.extract(
            "perdón, el nombre va con doble ele: Guillermo Vallejo Rincón", requested: nil, known: [.name])
        #expect(spelled.values[.name] == "Guillermo Vallejo Rincón", "\(spelled.values)")
    }

    @Test func aNoteLeadGoesAndAnEMailGivenOutweighsNoHavingOne() {
        let note = CheckoutFieldExtractor.extract(
            "Calle 9 # 3-20, barrio Alfonso López. Pa entregar timbren dos veces que el citófono no sirve",
            requested: .address)
        #expect(note.values[.notes] == "timbren dos veces que el citófono no sirve", "\(note.values)")
        let email = Self.reader.readNow(
            "correo no tengo, pero el de mi hijo sí: andres.quiroga91@gmail.com",
            context: ReadingContext(phase: .checkout, requested: .email, cartIsEmpty: false))
        #expect(email.data.values[.email] == "andres.quiroga91@gmail.com", "\(email.data.values)")
        #expect(!email.declined.contains(.email), "\(email.declined)")
    }

    @Test func aLoneDIsChatForDeInASearch() {
        #expect(!QueryUnderstanding.readTokens("chaleco d esos q brillan d noche").contains("d"))
        #expect(QueryUnderstanding.readTokens("botas d caucho").contains("de"))
    }

    @Test func yesIConfirmToTheStoredDataPlacesTheOrder() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(ReturningClientTests.ramiro)
        _ = try await h.say("sc1", "necesito 3 conos de señalización")
        _ = try await h.say("sc1", "eso es todo")
        let offer = try await h.say("sc1", "ya les había comprado, cédula 71234987")
        #expect(offer.reply.contains("terminado en 0011"), "\(offer.reply)")
        let placed = try await h.say("sc1", "sí, confirmo")
        #expect(placed.reply.contains("quedó registrado"), "\(placed.reply)")
        let order = try #require(try h.orders(chatId: "sc1").first)
        #expect(order.client.phone == "3157770011" && order.items.count == 1)
        // A bare yes still shows the summary first.
        _ = try await h.say("sc2", "necesito 3 conos de señalización")
        _ = try await h.say("sc2", "eso es todo")
        _ = try await h.say("sc2", "cédula 71234987")
        let summary = try await h.say("sc2", "sí, esos mismos")
        #expect(summary.reply.contains("¿Confirmamos el pedido?"), "\(summary.reply)")
        #expect(try h.orders(chatId: "sc2").isEmpty)
        await h.tearDown()
    }

    /// Hostile text: a size after thousands of words, "más" after thousands of words, a
    /// barrio label before a huge number. `maxSizeWords` and `maxWordsBeforeMore` bound the
    /// looks; the number that opens a barrio has at most four digits.
    @Test func hostileTextAroundSizesCountsAndBarrios() {
        let words = Array(repeating: "bueno", count: 5_000).joined(separator: " ")
        let far = Self.read("mejor que sean 4 conos " + words + " más").items
        #expect(!far.contains { $0.action == .increase }, "\(far.count)")
        let sized = Self.read(words + " una, talla 42", pending: .quantity(productId: 97))
        #expect(sized.items.count <= Understanding.maxItemsPerMessage)
        let huge = CheckoutFieldExtractor.extract(
            "Calle 3 # 4-5, barrio " + String(repeating: "9", count: 5_000) + " Lotes", requested: .address)
        #expect(huge.values[.neighborhood] == nil, "\(huge.values.count)")
        let landmarks = CheckoutFieldExtractor.extract(
            "Calle 3 # 4-5, barrio San Luis " + String(repeating: "al lado ", count: 5_000), requested: .address)
        #expect(landmarks.values[.neighborhood] == "San Luis")
    }
}
