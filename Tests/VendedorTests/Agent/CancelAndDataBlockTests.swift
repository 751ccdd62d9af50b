import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// Found with the development dialogues written blind before the ninth round (j-set); the
/// phrasings here are new. "No confirme… cancele" at the summary cancels (it placed the order);
/// an address dictated in words is stored in digits; a block of data under a heading that ends
/// in a label's words ("Datos de contacto para la entrega:") is read line by line, a role in
/// brackets is no part of a labelled name, a street named in several words keeps its number,
/// and "habla" before a name gives the name (and a town in brackets after a neighbourhood is
/// no part of it); what a returning customer bought before is story, not a request.
@Suite(.serialized) struct CancelAndDataBlockTests {
    @Test(arguments: [
        "Un momento, no confirme todavía. Mi socio ya los compró en Tuluá. Cancele la orden por favor, qué pena.",
        "no espere 🙈 no confirme, mi jefe ya no los necesita. Cancele el pedido porfa",
    ])
    func aCancelAtTheSummaryPlacesNoOrder(message: String) async throws {
        let h = try await AgentHarness()
        _ = try await h.say("c1", "necesito 3 conos de señalización")
        _ = try await h.say("c1", "eso es todo")
        let summary = try await h.say(
            "c1",
            "Rosa Elvira Quiñones Mina, cc 31.904.577, cel 315 660 2871, rosaq@example.com, Calle 9 # 12-40, barrio Obrero, sin indicaciones"
        )
        #expect(summary.reply.contains("¿Confirmamos el pedido?"), "\(summary.reply)")
        let reply = try await h.say("c1", message)
        #expect(try h.orders(chatId: "c1").isEmpty, "\(reply.reply)")
        #expect(!reply.reply.contains("quedó registrado"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aPluralConfirmationStillConfirms() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("c2", "necesito 3 conos de señalización")
        _ = try await h.say("c2", "eso es todo")
        _ = try await h.say(
            "c2",
            "Rosa Elvira Quiñones Mina, cc 31.904.578, cel 315 660 2872, rosaq2@example.com, Calle 9 # 12-40, barrio Obrero, sin indicaciones"
        )
        let reply = try await h.say("c2", "Confirmamos la compra, gracias.")
        #expect(try h.orders(chatId: "c2").count == 1, "\(reply.reply)")
        await h.tearDown()
    }

    /// Tenth round (k44): a company's NIT said at the summary, beside a question about the
    /// invoice, does not replace the cédula given; alone, before any cédula, it stands for it.
    @Test func aCompanysNitAtTheSummaryKeepsTheCedula() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("n1", "necesito 3 conos")
        _ = try await h.say("n1", "eso es todo")
        _ = try await h.say(
            "n1",
            "Nombre: Clara Inés Ospina\nCédula: 41.775.902\nCelular: 316 440 2981\nCorreo: compras@andina.co\nDirección: Calle 8 # 3-14\nBarrio: Centro\nIndicaciones: ninguna"
        )
        _ = try await h.say("n1", "¿La factura puede salir a nombre de la empresa con NIT 900.321.778-2?")
        _ = try await h.say("n1", "sí, confirmo")
        let order = try #require(try h.orders(chatId: "n1").first)
        #expect(order.client.idNumber == "41775902", "\(order.client.idNumber)")
        await h.tearDown()
    }

    @Test func anAddressDictatedInWordsIsWrittenInDigits() {
        #expect(
            SpokenAddress.rewrite("carrera veintidós número catorce treinta y ocho")
                == "carrera 22 # 14-38")
        #expect(
            SpokenAddress.rewrite("kilómetro siete vía a Cerrito finca La Palma") == "Km 7 vía a Cerrito finca La Palma"
        )
        #expect(
            SpokenAddress.rewrite("calle ciento cuarenta número sesenta y uno b veinte")
                == "calle 140 # 61 b-20")
        // A "guion" said between the two numbers is the dash (tenth round); a "guion" with no
        // number after it, or before the "#", stays a word.
        #expect(
            SpokenAddress.rewrite("transversal ocho número cuatro guion noventa y uno, casa esquinera")
                == "transversal 8 # 4-91, casa esquinera")
        #expect(SpokenAddress.rewrite("calle tres número nueve guion") == "calle 3 # 9 guion")
        #expect(SpokenAddress.rewrite("calle tres guion nueve") == "calle 3 guion nueve")
        // Numbers outside an address keep their words; typed addresses stay as written.
        #expect(SpokenAddress.rewrite("mándeme dos cascos y tres gafas") == "mándeme dos cascos y tres gafas")
        #expect(SpokenAddress.rewrite("Calle 5 número 38-21") == "Calle 5 número 38-21")
        #expect(SpokenAddress.rewrite("mi número es el que le di") == "mi número es el que le di")
    }

    @Test func theCheckoutStoresTheDictatedAddressInDigits() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("c3", "necesito 2 chalecos reflectivos")
        _ = try await h.say("c3", "eso es todo")
        _ = try await h.say("c3", "me llamo Gustavo Adolfo Rentería, cédula 16 783 902")
        _ = try await h.say("c3", "celular 318 552 0917")
        _ = try await h.say("c3", "no tengo correo")
        let reply = try await h.say("c3", "carrera veintidós número catorce treinta y ocho")
        #expect(reply.reply.contains("barrio"), "\(reply.reply)")
        #expect(try h.database.dialogue(chatId: h.stored("c3"))?.form[.address] == "carrera 22 # 14-38")
        await h.tearDown()
    }

    /// Hostile shapes: a flood of street words and number words is rewritten in one pass and
    /// traps nothing.
    @Test func aFloodOfSpokenStreetNumbersIsRewrittenInOnePass() {
        let flood = String(repeating: "calle noventa y nueve número ciento uno ", count: 20_000)
        let rewritten = SpokenAddress.rewrite(flood)
        #expect(rewritten.hasPrefix("calle 99 # 101 calle 99 # 101"))
        let numbers = String(repeating: "número novecientos ", count: 30_000)
        #expect(!SpokenAddress.rewrite("calle " + numbers).isEmpty)
        #expect(SpokenAddress.rewrite(String(repeating: "y ", count: 50_000)).count == 100_000)
    }

    @Test func aHeadingEndingInALabelsWordsLabelsNoLine() {
        let values = CheckoutFieldExtractor.extract(
            "Información de contacto para la entrega:\nRosa Elvira Quiñones Mina\nC.C. 31.904.577\n315 660 2871",
            requested: nil
        ).values
        #expect(values[.name] == "Rosa Elvira Quiñones Mina")
        #expect(values[.notes] == nil)
        // A label after an address on the same line still labels its value.
        let labelled = CheckoutFieldExtractor.extract(
            "dirección de entrega Calle 9 # 12-40, barrio: El Porvenir", requested: nil
        ).values
        #expect(labelled[.neighborhood] == "El Porvenir")
    }

    @Test func aRoleInBracketsIsNoPartOfTheName() {
        let values = CheckoutFieldExtractor.extract(
            "Nombre: Rosa Elvira Quiñones Mina (Jefe de Almacén)\nCédula: 31.904.577", requested: nil
        ).values
        #expect(values[.name] == "Rosa Elvira Quiñones Mina")
    }

    @Test func aStreetNamedInSeveralWordsKeepsItsNumber() {
        let values = CheckoutFieldExtractor.extract(
            "Dirección: Calle de la Mantilla # 3-51\nBarrio: Centro", requested: nil
        ).values
        #expect(values[.address] == "Calle de la Mantilla # 3-51")
        // Lowercase words between a street word and a count are a story, not a street's name.
        #expect(
            CheckoutFieldExtractor.extract("en la calle donde trabajan los muchachos 4 cascos", requested: nil)
                .values[.address] == nil)
    }

    @Test func hablaBeforeANameGivesTheName() {
        let values = CheckoutFieldExtractor.extract(
            "Buenas tardes, habla Rosa Elvira Quiñones Mina, de la ferretería El Tornillo. cc 31904577", requested: nil
        ).values
        #expect(values[.name] == "Rosa Elvira Quiñones Mina")
    }

    @Test func aTownInBracketsIsNoPartOfTheNeighbourhood() {
        let values = CheckoutFieldExtractor.extract(
            "Barrio: San Judas (al lado del colegio)\nCédula: 31.904.577", requested: nil
        )
        .values
        #expect(values[.neighborhood] == "San Judas")
        #expect(
            CheckoutFieldExtractor.extract("San Judas (al lado del colegio)", requested: .neighborhood).freeText
                == "San Judas")
    }

    @Test(arguments: [
        "Buenas, yo les compré el año pasado unos guantes de vaqueta. Ahora necesito 5 chalecos reflectivos",
        "hola, ya les había comprado unas gafas antes, esta vez quiero 5 chalecos reflectivos",
        // When said before the verb (tenth round).
        "Buen día. Hace unos meses les compramos unas gafas de seguridad; ahora queremos 5 chalecos reflectivos",
        "Hola, la semana pasada les pedí unos guantes de vaqueta. Necesito 5 chalecos reflectivos",
    ])
    func whatWasBoughtBeforeIsNoRequest(message: String) async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("p1", message)
        #expect(reply.reply.contains("5 × Chaleco reflectivo"), "\(reply.reply)")
        #expect(!reply.reply.contains("Guantes vaqueta") && !reply.reply.contains("Gafas"), "\(reply.reply)")
        await h.tearDown()
    }

    /// All-lowercase text (WhatsApp) shows no names by their capitals: the place after a dash
    /// or a complement word stays in the address by its position.
    @Test func aLowercaseRuralAddressKeepsItsPlaces() {
        let values = CheckoutFieldExtractor.extract("km 12 via tulua - buga, finca los almendros", requested: .address)
            .values
        #expect(values[.address] == "km 12 via tulua - buga, finca los almendros")
    }

    /// "no hay" before what it is instead: the value after it, without its article.
    @Test func noNeighbourhoodButAVeredaGivesTheVereda() {
        let values = CheckoutFieldExtractor.extract(
            "Calle 3 # 4-10 y barrio pues no hay es la vereda El Líbano", requested: .address
        ).values
        #expect(values[.neighborhood] == "vereda El Líbano")
        #expect(CheckoutFieldExtractor.withoutDenied("no hay es") == "no hay es")
        #expect(CheckoutFieldExtractor.withoutDenied("pues no") == "pues no")
    }

    /// The bounds of the new readers: a street name of more than `maxStreetNameWords` words is
    /// no street; a paper word more than `maxHeadingWords` words before a label makes no
    /// heading; more than two fillers before "no hay" make no denial.
    @Test func theNewReadersStopAtTheirBounds() {
        #expect(
            CheckoutFieldExtractor.extract("Calle Uno Dos Tres Cuatro Cinco 12", requested: nil).values[.address]
                == nil)
        let far = CheckoutFieldExtractor.extract(
            "datos que le mando ahora mismo con todo el gusto para la entrega: tocar el timbre", requested: nil
        ).values
        #expect(far[.notes] == "tocar el timbre")
        #expect(
            CheckoutFieldExtractor.withoutDenied("pues bueno eh no hay es la vereda El Líbano")
                == "pues bueno eh no hay es la vereda El Líbano")
        // Hostile: thousands of capitalised words after a street word and a 30-digit count.
        let flood = "Calle " + String(repeating: "Real ", count: 20_000) + String(repeating: "9", count: 30)
        #expect(CheckoutFieldExtractor.extract(flood, requested: nil).values[.address] == nil)
    }

    /// At the summary, a message only loosely like a cancel ("dejemos ahí por favor") and with no
    /// verb of cancelling does not cancel: cancelling is destructive.
    @Test func aNoWithoutAVerbOfCancellingDoesNotCancel() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("c4", "necesito 3 conos de señalización")
        _ = try await h.say("c4", "eso es todo")
        _ = try await h.say(
            "c4",
            "Rosa Elvira Quiñones Mina, cc 31.904.579, cel 315 660 2873, rosaq4@example.com, Calle 9 # 12-40, barrio Obrero, sin indicaciones"
        )
        let reply = try await h.say("c4", "dejemos ahí por favor")
        #expect(!reply.reply.contains("cancelé"), "\(reply.reply)")
        await h.tearDown()
    }
}
