import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// The outside styles of issue 22 the dev dialogues c52–c87 brought up (corporate blocks,
/// voice notes, long polite messages, abbreviations), each mechanism through the real
/// pipeline (Redis, the reply and order workers, SQLite, the offline reader) with phrasings
/// that are not in the example bank.
@Suite("Understanding: outside styles (corporate, voice, abbreviations)", .serialized)
struct OutsideStyleTests {
    static func form(_ h: AgentHarness, _ chatId: String) throws -> CheckoutForm? {
        try h.database.dialogue(chatId: h.stored(chatId))?.form
    }

    static func cart(_ h: AgentHarness, _ chatId: String) throws -> [String: Int] {
        let lines = try h.database.dialogue(chatId: h.stored(chatId))?.cart.lines ?? []
        return Dictionary(lines.map { ($0.name, $0.quantity) }, uniquingKeysWith: +)
    }

    /// Starts a checkout for two cones and gives name, cédula and phone: the e-mail is asked next.
    static func upToTheEmail(_ h: AgentHarness, _ chat: String) async throws {
        _ = try await h.say(chat, "necesito 2 conos de señalización")
        _ = try await h.say(chat, "eso es todo")
        let asked = try await h.say(chat, "Iván Darío Londoño, cc 71.654.987, cel 3017894561")
        #expect(asked.reply.contains("correo"), "\(asked.reply)")
    }

    @Test func anAbbreviationsDotStaysInsideTheAddress() async throws {
        let h = try await AgentHarness()
        try await Self.upToTheEmail(h, "abrev")
        _ = try await h.say("abrev", "ivanlondono@gmail.com")
        let reply = try await h.say("abrev", "Av. Las Américas # 23-45 Apto. 1102")
        #expect(!reply.reply.contains("debe tener"), "\(reply.reply)")
        #expect(try Self.form(h, "abrev")?[.address] == "Av. Las Américas # 23-45 Apto. 1102")
        await h.tearDown()
    }

    @Test func aNoteMayOpenAfterLeadWordsInAnAllInOneMessage() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "todo",
            "Buenas noches. Necesito 3 linternas recargables. Soy Gilberto Arango, cédula 70.123.456, "
                + "celular 3112223344, correo garango@gmail.com, Carrera 70 # 44-10, barrio Laureles. "
                + "Por favor dejarlas con el administrador del edificio.")
        #expect(reply.reply.contains("Este es el resumen"), "\(reply.reply)")
        #expect(
            reply.reply.contains("Indicaciones: Por favor dejarlas con el administrador del edificio"), "\(reply.reply)"
        )
        #expect(try Self.cart(h, "todo") == ["Linterna recargable": 3])
        await h.tearDown()
    }

    @Test func aNoteGivenWhileTheEmailIsAskedIsTheNoteNotAProduct() async throws {
        let h = try await AgentHarness()
        try await Self.upToTheEmail(h, "nota")
        let reply = try await h.say("nota", "que lo entreguen en la caseta del celador")
        #expect(!reply.reply.contains("no lo manejamos") && !reply.reply.contains("no es válido"), "\(reply.reply)")
        #expect(try Self.form(h, "nota")?[.notes] == "que lo entreguen en la caseta del celador")
        #expect(try Self.cart(h, "nota") == ["Cono señalización": 2])
        await h.tearDown()
    }

    @Test func anEmailDeclinedAfterItsLabelIsNoInvalidEmail() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("sincorreo", "necesito 2 conos de señalización")
        _ = try await h.say("sincorreo", "eso es todo")
        let reply = try await h.say(
            "sincorreo", "Luis Ángel Mora, cédula 79.456.321, celular 3158889900, correo electrónico no manejo")
        #expect(!reply.reply.contains("no es válido"), "\(reply.reply)")
        #expect(reply.reply.contains("dirección"), "\(reply.reply)")
        #expect(try Self.form(h, "sincorreo")?.declined.contains(.email) == true)
        await h.tearDown()
    }

    @Test func aCompanyBlockGivesThePersonsDataAndSearchesNothing() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("empresa", "necesito 10 chalecos reflectivos")
        _ = try await h.say("empresa", "eso es todo")
        let reply = try await h.say(
            "empresa",
            "Empresa: Ferretería El Tornillo Feliz SAS\nNIT: 900.111.222-3\nContacto: Adriana Gil Ochoa\n"
                + "Cédula: 52.333.444\nTeléfono: 604 444 5566\nCorreo: compras@eltornillo.co\n"
                + "Dirección: Calle 30 # 65-12\nBarrio: Belén\nCiudad: Medellín")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        let form = try #require(try Self.form(h, "empresa"))
        #expect(form[.name] == "Adriana Gil Ochoa" && form[.idNumber] == "52333444", "\(reply.reply)")
        #expect(form[.phone] == "6044445566" && form[.neighborhood] == "Belén", "\(reply.reply)")
        #expect(try Self.cart(h, "empresa") == ["Chaleco reflectivo": 10])
        // Without a person's cédula the NIT stands for it.
        _ = try await h.say("nit", "necesito 10 chalecos reflectivos")
        _ = try await h.say("nit", "eso es todo")
        _ = try await h.say("nit", "Razón social: Talleres Unidos\nNIT 901.444.555\nContacto: Pedro Ruiz")
        #expect(try Self.form(h, "nit")?[.idNumber] == "901444555")
        #expect(try Self.form(h, "nit")?[.name] == "Pedro Ruiz")
        await h.tearDown()
    }

    @Test func aCedulaSaidInWordsAndADictatedEmailAreRead() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("voz", "necesito 2 conos de señalización")
        _ = try await h.say("voz", "eso es todo")
        _ = try await h.say("voz", "a nombre de adriana gil")
        let id = try await h.say("voz", "mi cédula es cincuenta y dos millones ochocientos mil doscientos doce")
        #expect(!id.reply.contains("solo puede tener números"), "\(id.reply)")
        #expect(try Self.form(h, "voz")?[.idNumber] == "52800212")
        _ = try await h.say("voz", "celular 3004445566")
        let email = try await h.say("voz", "el correo es adriana punto gil arroba hotmail punto com")
        #expect(!email.reply.contains("no es válido"), "\(email.reply)")
        #expect(try Self.form(h, "voz")?[.email] == "adriana.gil@hotmail.com")
        // A smaller amount in words is a quantity, not an id.
        _ = try await h.say("mil", "necesito dos mil tapabocas de tres pliegues")
        #expect(try Self.form(h, "mil")?[.idNumber] == nil)
        await h.tearDown()
    }

    @Test func aDispatchStatementAfterAddMoreOrGoOnIsTheGoAhead() async throws {
        let h = try await AgentHarness()
        for (index, phrase) in ["ok, despachen", "okey, despáchenlos", "entonces despachen"].enumerated() {
            let chat = "despache-\(index)"
            _ = try await h.say(chat, "quiero 2 cascos dieléctricos")
            let reply = try await h.say(chat, phrase)
            #expect(reply.reply.contains("Para el despacho necesito"), "«\(phrase)»: \(reply.reply)")
        }
        // A shipping question is still answered as one.
        _ = try await h.say("pregunta", "quiero 2 cascos dieléctricos")
        let question = try await h.say("pregunta", "¿despachan a Tuluá?")
        #expect(!question.reply.contains("Para el despacho necesito"), "\(question.reply)")
        await h.tearDown()
    }

    @Test func labelledDataGivenWhileShoppingWaitsForTheCheckout() async throws {
        let h = try await AgentHarness()
        let info = try await h.say("presenta", "buenas, me llamo Ana María Cortés, ¿tienen botas dieléctricas?")
        #expect(info.reply.contains("Botas dieléctricas") && info.reply.contains("Cuántas"), "\(info.reply)")
        #expect(try Self.form(h, "presenta")?[.name] == "Ana María Cortés")
        _ = try await h.say("presenta", "deme 2")
        #expect(try Self.cart(h, "presenta") == ["Botas dieléctricas": 2])
        let start = try await h.say("presenta", "eso es todo")
        #expect(start.reply.contains("cédula") && !start.reply.contains("nombre completo"), "\(start.reply)")
        await h.tearDown()
    }

    /// Every reply template that counts agrees with 0, 1 and many.
    @Test func repliesAgreeInNumberWithOneAndMany() {
        func product(_ id: Int64, _ stock: Int) -> ProductFact {
            ProductFact(Product(id: id, name: "Producto \(id)", description: "", price: 1000, stock: stock))
        }
        let one = [product(1, 5)]
        let two = [product(1, 5), product(2, 1)]
        func text(_ fact: ReplyFact) -> String { ReplyComposer.compose(ReplyFacts([fact])) }
        #expect(text(.listed(one)).contains("este es el precio") && text(.listed(one)).contains("¿Cuántas unidades"))
        #expect(
            text(.listed(two)).contains("estos son los precios") && text(.listed(two)).contains("¿Cuál le interesa"))
        #expect(text(.productList(query: "x", one, exact: true)).contains("Esta es la opción"))
        #expect(!text(.productList(query: "x", one, exact: false)).contains("¿Cuál le interesa"))
        #expect(text(.productList(query: "x", two, exact: true)).contains("Estas son las opciones"))
        #expect(text(.notFound(query: "x", suggestions: one)).hasSuffix("¿Le sirve?"))
        #expect(text(.notFound(query: "x", suggestions: two)).hasSuffix("¿Le sirve alguno?"))
        #expect(text(.productInfo(product(1, 1), purpose: false)).contains("tenemos 1 disponible."))
        #expect(text(.productInfo(product(1, 0), purpose: false)).contains("agotado"))
        #expect(text(.productList(query: "x", two, exact: true)).contains("(1 disponible)"))
        let short = text(.stockShort(product(1, 1), requested: 3, available: 1, alternatives: []))
        #expect(short.contains("1 unidad disponible") && short.contains("¿Le agrego la que hay?"))
        let many = text(.stockShort(product(1, 4), requested: 9, available: 4, alternatives: []))
        #expect(many.contains("4 unidades disponibles") && many.contains("¿Le agrego las 4?"))
        #expect(text(.stockShort(product(1, 0), requested: 3, available: 0, alternatives: [])).contains("agotado"))
        #expect(!text(.stockShort(product(1, 1), requested: 3, available: 0, alternatives: [])).contains("(1)"))
        #expect(text(.checkoutStart(missing: [.email, .notes])).contains("Me lo puede enviar"))
        #expect(text(.checkoutStart(missing: [.name, .email, .notes])).contains("Me los puede enviar"))
        let onlyNotes = text(.checkoutStart(missing: [.notes]))
        #expect(!onlyNotes.contains("necesito: ,") && onlyNotes.contains("indicación"), "\(onlyNotes)")
        #expect(text(.choose(query: "x", two, quantity: 1)).hasSuffix("¿Cuál prefiere?"))
        #expect(text(.choose(query: "x", two, quantity: 6)).hasSuffix("¿Cuál prefiere para las 6 unidades?"))
        #expect(
            text(.dropped(["A"])).hasSuffix("está disponible.")
                && text(.dropped(["A", "B"])).hasSuffix("están disponibles."))
    }

    @Test func aCatalogCodeWrittenApartStillNamesTheProduct() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("codigo", "me manda 8 cartuchos p 100 por favor")
        #expect(try Self.cart(h, "codigo") == ["Cartucho P100": 8], "\(reply.reply)")
        await h.tearDown()
    }

    @Test func theNeighbourhoodsSlashedShorthandEndsTheAddress() async throws {
        let h = try await AgentHarness()
        try await Self.upToTheEmail(h, "barrio")
        _ = try await h.say("barrio", "no tengo")
        _ = try await h.say("barrio", "Cra 12 # 45-67 b/ San Judas")
        let form = try #require(try Self.form(h, "barrio"))
        #expect(form[.address] == "Cra 12 # 45-67" && form[.neighborhood] == "San Judas")
        await h.tearDown()
    }

    @Test func aCountAfterItsProductOrBeforeItsPurposeCountsTheProduct() async throws {
        let h = try await AgentHarness()
        let gloves = try await h.say("despues", "buenas, requerimos guantes de nitrilo x 15 para el personal de aseo")
        #expect(try Self.cart(h, "despues") == ["Guantes nitrilo": 15], "\(gloves.reply)")
        let helmets = try await h.say("cantidad", "cascos dieléctricos cantidad 4 para los técnicos de la cuadrilla")
        #expect(try Self.cart(h, "cantidad") == ["Casco dieléctrico": 4], "\(helmets.reply)")
        _ = try await h.say("foco", "¿tienen botas PVC?")
        let site = try await h.say("foco", "mándeme 5 para la finca")
        #expect(try Self.cart(h, "foco") == ["Botas PVC": 5], "\(site.reply)")
        await h.tearDown()
    }

    @Test func countedContainersAfterARequestNounAreTheQuantity() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("galones", "les hago una solicitud de dos galones de alcohol antiséptico")
        #expect(try Self.cart(h, "galones") == ["Alcohol glicerinado": 2], "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aCountShapedAnswerIsTheQuantityNotTheGoAhead() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("equis", "¿tienen gafas antiempañantes?")
        let reply = try await h.say("equis", "serían x14")
        #expect(try Self.cart(h, "equis") == ["Gafas antiempañante": 14], "\(reply.reply)")
        #expect(!reply.reply.contains("Para el despacho"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aCompanyWordInsideAProductQuestionStaysTheProducts() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("ubicacion", "valor de la señal de ubicación del extintor")
        #expect(reply.reply.contains("Señal Extintor"), "\(reply.reply)")
        #expect(!reply.reply.contains("Carrera 4 # 31-11"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aRequestVerbWithAClosingArticleTakesTheProductShown() async throws {
        let h = try await AgentHarness()
        // One product shown, found or suggested: the article takes it.
        let shown = try await h.say("articulo", "¿venden cinta amarilla de precaución?")
        #expect(shown.reply.contains("Cinta demarcación"), "\(shown.reply)")
        let reply = try await h.say("articulo", "regáleme una, qué pena con usted")
        #expect(try Self.cart(h, "articulo") == ["Cinta demarcación": 1], "\(reply.reply)")
        await h.tearDown()
    }

    @Test func doubleAndHalfScaleTheLineInFocus() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("doble", "me manda 4 conos de señalización")
        _ = try await h.say("doble", "no, mejor que sea el doble")
        #expect(try Self.cart(h, "doble") == ["Cono señalización": 8])
        _ = try await h.say("doble", "uy no, mejor la mitad")
        #expect(try Self.cart(h, "doble") == ["Cono señalización": 4])
        // A product named with "doble" is still a product.
        _ = try await h.say("doble", "y una cinta doble faz")
        #expect(try Self.cart(h, "doble") == ["Cono señalización": 4, "Cinta doble faz": 1])
        await h.tearDown()
    }
}
