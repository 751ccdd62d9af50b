import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Ways of giving data that the held-out set of the previous sessions showed (promoted to
/// development on 2026-12-05) and that failed: phones dictated in pairs, names after "le
/// habla", surnames that are common words, titles, roles, notes after the address, the
/// address's unit after a comma, rural addresses, cédulas written 4-3-3. Every phrasing here
/// is new (none is in an evaluation set).
@Suite(.serialized) struct VoiceAndDataStyleTests {
    @Test func numbersDictatedInPairsAndHundredsAreTheirDigits() {
        let cases = [
            ("mi celular es tres uno cinco, seis siete ocho, cuarenta y dos, diecinueve", "mi celular es 3156784219"),
            ("el fijo seis cero dos, cuatro cuatro tres, doce, setenta", "el fijo 6024431270"),
            ("cédula setenta y uno, trescientos quince, cero ocho dos", "cédula 71315082"),
            ("tres uno dos cuatro cinco seis siete", "3124567"),
        ]
        for (spoken, typed) in cases {
            #expect(DictatedDigits.rewrite(spoken) == typed, "\(spoken) → \(DictatedDigits.rewrite(spoken))")
        }
        // Counts in a sentence stay words: too few groups or digits.
        for sentence in [
            "necesito doce pares de guantes y seis gafas", "quince, veinte o treinta conos", "talla cuarenta y dos",
        ] {
            #expect(DictatedDigits.rewrite(sentence) == sentence, "\(sentence)")
        }
    }

    /// A message at the cap made of this change's reading paths (dictated pairs, address
    /// units after commas, self-descriptions, names after "le habla", corrections, people
    /// counts, "de esos dos", spelling remarks): no trap, and bounded results.
    @Test func hostileTextThroughThisChangesPaths() {
        let pieces = [
            "tres cuarenta y uno doce noventa y nueve", "Calle 5 # 10-20, torre 2, apto 3, bodega 4,",
            "somos una empresa y",
            "le habla Ana De La De La", "mientras uno", "cédula 12", "pa 5 trabajadores", "quince conos perdón veinte",
            "de esos dos", "todo pegado arroba x punto com", "Km 9 vía, finca La", String(repeating: "9", count: 40),
        ]
        var text = ""
        var index = 0
        while text.count < Understanding.maxMessageCharacters {
            text += pieces[index % pieces.count] + " "
            index += 1
        }
        let capped = String(text.prefix(Understanding.maxMessageCharacters))
        let spoken = SpokenEmail.rewrite(DictatedDigits.rewrite(capped))
        #expect(spoken.count <= capped.count)
        let extraction = CheckoutFieldExtractor.extract(spoken, requested: .address)
        for value in extraction.values.values { #expect(value.count <= capped.count) }
        #expect(SelfDescription.ranges(in: spoken).allSatisfy { $0.upperBound <= spoken.count })
        let words = Words(spoken)
        let items = ItemExtractor.items(in: words, counts: QuantityFilter.counts(in: words))
        #expect(items.allSatisfy { $0.quantity >= 1 && $0.quantity <= QuantityFilter.maxQuantity })
        #expect(items.count <= words.count)
    }

    @Test func whatIsSaidAboutTheSpellingIsNoPartOfADictatedEmail() {
        #expect(
            SpokenEmail.rewrite("mi correo es rosavilla todo pegado arroba hotmail punto com")
                == "mi correo es rosavilla@hotmail.com")
        #expect(SpokenEmail.rewrite("es jaime sin espacios arroba gmail punto com") == "es jaime@gmail.com")
    }

    @Test func aPhoneDictatedInPairsFillsTheForm() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("v1", "buenas, necesito dos botiquines portátiles")
        _ = try await h.say("v1", "nada más")
        _ = try await h.say("v1", "me llamo Ofelia Caicedo Mina cédula tres uno cuatro cinco dos ocho nueve siete")
        let next = try await h.say("v1", "el celular es tres uno ocho, dos dos cero, noventa y uno, catorce")
        #expect(!next.reply.contains("El teléfono"), "\(next.reply)")
        #expect(next.reply.contains("correo"), "\(next.reply)")
        await h.tearDown()
    }

    @Test func namesAsCustomersIntroduceThemselves() throws {
        let extract = { (text: String) in CheckoutFieldExtractor.extract(text, requested: nil).values[.name] }
        #expect(
            extract("buenas noches le habla Rodrigo Alberto Zapata de Pereira necesito unos conos")
                == "Rodrigo Alberto Zapata")
        #expect(extract("Cordial saludo, les escribe Marta Inés Lozano. Quisiera saber precios") == "Marta Inés Lozano")
        #expect(extract("a nombre de la administradora: Gloria Amparo Ruiz, cc 31.222.444") == "Gloria Amparo Ruiz")
        #expect(extract("le escribe el encargado de compras de la empresa") == nil)
        #expect(extract("soy cliente de ustedes hace años") == nil)
        #expect(CheckoutFieldExtractor.looksLikeName("Yesid Fernando Vale"))
        #expect(CheckoutFieldExtractor.looksLikeName("Juan Camilo Polo De la Ossa"))
        #expect(!CheckoutFieldExtractor.looksLikeName("Muy bien"))
        #expect(try CheckoutForm.validate(.name, "Ing. Hugo Ferney Ríos") == "Hugo Ferney Ríos")
        #expect(try CheckoutForm.validate(.name, "Don Gilberto") == "Don Gilberto")
    }

    @Test func addressesWithTheirUnitNotesAfterThemAndRuralOnes() throws {
        let rural = CheckoutFieldExtractor.extract(
            "Km 12 vía al mar, hacienda Las Brisas, barrio La Elvira", requested: .address)
        #expect(rural.values[.address] == "Km 12 vía al mar, hacienda Las Brisas", "\(rural.values)")
        #expect(rural.values[.neighborhood] == "La Elvira", "\(rural.values)")
        let unit = CheckoutFieldExtractor.extract("Cra 9 # 14-22, oficina 305, barrio Centro", requested: .address)
        #expect(unit.values[.address] == "Cra 9 # 14-22, oficina 305", "\(unit.values)")
        let note = CheckoutFieldExtractor.extract(
            "Calle 70 # 2-31, barrio Chiminangos. Es la tienda de la esquina, al lado del parque. Gracias",
            requested: .address)
        #expect(note.values[.notes] == "Es la tienda de la esquina, al lado del parque", "\(note.values)")
        let schedule = CheckoutFieldExtractor.extract(
            "Carrera 3 # 8-10, barrio Obrero, Palmira. Recibir en bodega, horario 7 a.m. a 3 p.m.",
            requested: .address)
        #expect(schedule.values[.notes] == "Recibir en bodega, horario 7 a.m. a 3 p.m", "\(schedule.values)")
        #expect(
            try CheckoutForm.validate(.address, "Vereda San Antonio, finca El Cedro")
                == "Vereda San Antonio, finca El Cedro")
        #expect(throws: ValidationError.self) { try CheckoutForm.validate(.address, "por allá arriba") }
        let shapes = [
            ("Cll 8 Nro 12 - 40 barrio Belén", "Cll 8 Nro 12 - 40", "Belén"),
            ("Transv. 5 # 2-18 Sur, Palmira", "Transv. 5 # 2-18 Sur", nil),
            ("Cra. 24 #15-33 Alameda", "Cra. 24 #15-33", "Alameda"),
            (
                "calle treinta y dos número once guion veinte barrio Obrero",
                "calle treinta y dos número once guion veinte", "Obrero"
            ),
        ]
        for (text, address, neighborhood) in shapes {
            let values = CheckoutFieldExtractor.extract(text, requested: .address).values
            #expect(values[.address] == address && values[.neighborhood] == neighborhood, "\(text): \(values)")
        }
        #expect(try CheckoutForm.validate(.address, "carrera nueve número cuatro guion diez") != "")
        let spaced = CheckoutFieldExtractor.extract("cc 1144 208 316", requested: nil)
        #expect(spaced.values[.idNumber].map { $0.filter(\.isNumber) } == "1144208316", "\(spaced.values)")
        let mall = CheckoutFieldExtractor.extract("Av 6 # 20-15 CC Chipichape local 12", requested: .address)
        #expect(mall.values[.idNumber] == nil, "\(mall.values)")
    }

    @Test func aNoteWithAScheduleSurvivesTheChattyClauseInIt() throws {
        let reader = try ExampleReader(directory: TestPaths.bankDirectory)
        var context = ReadingContext(catalogWords: MessageTokens.catalogWords(["Casco de seguridad"]))
        context.phase = .checkout
        context.requested = .address
        let reading = reader.readNow(
            "Dirección: Cra 12 # 4-30, barrio Centro, Tuluá. Dejar en bodega, horario 9 a.m. a 4 p.m.", context: context
        )
        #expect(reading.data.values[.notes] == "Dejar en bodega, horario 9 a.m. a 4 p.m", "\(reading.data.values)")
        #expect(reading.data.values[.neighborhood] == "Centro", "\(reading.data.values)")
    }

    @Test func aValueThatSaysItStaysKeepsTheOldOne() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("k1", "me regala 2 señales de salida")
        _ = try await h.say("k1", "listo así")
        _ = try await h.say("k1", "Pedro Nel Ospina, cc 98765123, 3005557788, pedronel@example.com")
        _ = try await h.say("k1", "Calle 8 # 4-40 barrio Granada")
        let corrected = try await h.say("k1", "uy perdón, es Calle 8 # 4-44, el barrio sí está bien")
        #expect(!corrected.reply.contains("sí está bien"), "\(corrected.reply)")
        _ = try await h.say("k1", "ninguna")
        let note = try await h.say("k1", "y que pregunten por doña Rosa")
        #expect(note.reply.contains("doña Rosa"), "\(note.reply)")
        _ = try await h.say("k1", "sí señor")
        let order = try #require(try h.orders(chatId: "k1").first)
        #expect(order.client.neighborhood == "Granada")
        #expect(order.client.address == "Calle 8 # 4-44")
        #expect(order.client.notes == "que pregunten por doña Rosa")
        await h.tearDown()
    }

    @Test func aConfirmationWhenTheNotesAreAskedMeansNone() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("n1", "3 conos por favor")
        _ = try await h.say("n1", "eso es todo")
        _ = try await h.say("n1", "Lucía Fernanda Mejía, 1122334455, 3014445566, lucia@example.com")
        let asked = try await h.say("n1", "Transversal 4 # 10-20 barrio Versalles")
        #expect(asked.reply.contains("indicación"), "\(asked.reply)")
        let summary = try await h.say("n1", "perfecto, procedan")
        #expect(summary.reply.contains("resumen"), "\(summary.reply)")
        await h.tearDown()
    }
}

/// A customer whose cédula is on file answers the offer with a change and the rest kept, or
/// with "nada más", or gave the cédula while shopping.
@Suite(.serialized) struct StoredDataChangeTests {
    static let lucero = ClientDetails(
        idNumber: "52123789", name: "Lucero Pinzón", phone: "3112223344", email: "lucero@example.com",
        address: "Calle 19 # 5-60", neighborhood: "Santa Fe", notes: nil)

    @Test func aChangeWithTheRestKeptTakesTheRecord() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.lucero)
        _ = try await h.say("s1", "buenas, 4 conos de señalización")
        let offer = try await h.say("s1", "ya, mi cc es 52123789")
        #expect(offer.reply.contains("terminado en 3344"), "\(offer.reply)")
        let summary = try await h.say("s1", "el correo ahora es lucero.pinzon@example.com, todo lo demás sigue igual")
        #expect(summary.reply.contains("resumen"), "\(summary.reply)")
        _ = try await h.say("s1", "dale")
        let order = try #require(try h.orders(chatId: "s1").first)
        #expect(order.client.email == "lucero.pinzon@example.com")
        #expect(order.client.address == "Calle 19 # 5-60")
        await h.tearDown()
    }

    @Test func nadaMasIsNotAnAnswerToTheOffer() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.lucero)
        let offer = try await h.say("s2", "soy Lucero, cédula 52123789, necesito 2 cascos de seguridad")
        #expect(offer.reply.contains("terminado en 3344"), "\(offer.reply)")
        let again = try await h.say("s2", "nada más")
        #expect(again.reply.contains("terminado en 3344"), "\(again.reply)")
        await h.tearDown()
    }

    @Test func aCedulaGivenWhileShoppingIsLookedUpAtCheckout() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.lucero)
        _ = try await h.say("s3", "hola, necesito 6 tapabocas N95, mi cédula es 52.123.789")
        let reply = try await h.say("s3", "listo, eso es todo, con los datos de siempre")
        #expect(reply.reply.contains("resumen"), "\(reply.reply)")
        await h.tearDown()
    }

    /// Emojis beside the data (fifth round): before, "Hernando Gil Ocampo 👷" was no name and
    /// the name was asked for ever.
    @Test func pictographsBesideTheDataAreLeftOut() {
        let data = CheckoutFieldExtractor.extract(
            "Hernando Gil Ocampo 👷\n79.456.123\n📱 3152223344\nCra 8 # 12-40 🏠", requested: .name)
        #expect(data.values[.name] == "Hernando Gil Ocampo")
        #expect(data.values[.phone] == "3152223344")
        #expect(data.values[.address] == "Cra 8 # 12-40")
        // Digits, "#" and "*" are emoji to Unicode too; they stay.
        #expect(!CheckoutFieldExtractor.isPictograph("#") && !CheckoutFieldExtractor.isPictograph("7"))
        #expect(CheckoutFieldExtractor.isPictograph("🙋‍♀️") && CheckoutFieldExtractor.isPictograph("✅"))
    }

    /// A code spelled in a voice note (fifth round): "ene noventa y cinco" is N95; before, 95
    /// was a count and the counts of the whole message shifted onto the wrong words.
    @Test func aSpelledCodeIsTheCode() async throws {
        let codes: Set<String> = ["n95", "p100"]
        #expect(MessageTokens.joiningCodes("cartuchos pe cien", codes: codes).contains("P100"))
        #expect(MessageTokens.joiningCodes("tapabocas ene 95", codes: codes).contains("N95"))
        // A letter name before a number that makes no code stays ("de 100", "te 3").
        #expect(MessageTokens.joiningCodes("de 100 y te 3", codes: codes) == "de 100 y te 3")
        // Hostile: thousands of letter names, one pass.
        let long = String(repeating: "ene ", count: 5_000) + "noventa y cinco"
        #expect(MessageTokens.joiningCodes(long, codes: codes).hasSuffix("N95"))
        let h = try await AgentHarness()
        let reply = try await h.say(
            "sc1", "buenos días necesito ocho tapabocas ene noventa y cinco y dos cajas de herramientas")
        #expect(reply.reply.contains("8 × Tapabocas N95"), "\(reply.reply)")
        #expect(reply.reply.contains("2 × Caja herramientas"), "\(reply.reply)")
        await h.tearDown()
    }
}
