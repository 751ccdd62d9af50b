import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the u-set (issue 22, nineteenth round), tested with new phrasings. Before: a
/// vereda said inside or after the address ("km 4 vía Villeta, en la vereda El Cedro") was
/// cut off or left in the address, and "¿En qué barrio queda?" came back for ever; "Santa
/// Clara" to that question was a yes ("clara" ≈ "claro"); "quítele uno a los cascos, con 2 me
/// sirven" took 2 away; "trabajo en una bodega" and "que parecen una careta" ordered one.
@Suite(.serialized) struct VeredaAndEnoughTests {
    @Test func aVeredaAfterTheAddressIsItsNeighborhood() {
        let after = CheckoutFieldExtractor.extract(
            "Km 5 vía Pance, en la vereda La Vorágine", requested: .address)
        #expect(after.values[.neighborhood] == "vereda La Vorágine", "\(after.values)")
        #expect(after.values[.address]?.contains("vereda") == false, "\(after.values)")
        // The school of the vereda is no place of its own.
        let school = CheckoutFieldExtractor.extract(
            "Km 2 vía Silvia, entrando por la escuela de la vereda", requested: .address)
        #expect(school.values[.neighborhood] == nil, "\(school.values)")
    }

    @Test func aVeredaInsideTheAddressIsSplitOff() throws {
        let split = try #require(CheckoutFieldExtractor.ruralPlace(in: "finca Los Guaduales, vereda San Rafael, km 8"))
        #expect(split.address == "finca Los Guaduales, km 8" && split.place == "vereda San Rafael", "\(split)")
        let voice = try #require(
            CheckoutFieldExtractor.ruralPlace(
                in: "kilómetro dos vía Tenjo finca El Roble vereda Chacal y que llamen al llegar"))
        #expect(voice.place == "vereda Chacal" && voice.address == "kilómetro dos vía Tenjo finca El Roble", "\(voice)")
        #expect(voice.note == "que llamen al llegar", "\(voice)")
        let spoken = try #require(
            CheckoutFieldExtractor.ruralPlace(
                in: "km 9 vía Guaduas finca Las Brisas eso es en la vereda San Isidro y pues que timbren en el portón"))
        #expect(
            spoken.address == "km 9 vía Guaduas finca Las Brisas" && spoken.place == "vereda San Isidro", "\(spoken)")
        #expect(spoken.note == "que timbren en el portón", "\(spoken)")
        #expect(CheckoutFieldExtractor.ruralPlace(in: "Km 2 vía Silvia entrando por la escuela de la vereda") == nil)
        #expect(CheckoutFieldExtractor.ruralPlace(in: "vereda El Tablazo") == nil, "nothing else is no address")
    }

    /// Hostile sizes: the place's name is at most `maxRuralNameWords` words and a message at
    /// the cap of labels and capitals reads without a trap.
    @Test func hostileTextAroundVeredas() throws {
        let long = "Km 1, vereda " + Array(repeating: "Alta", count: 300).joined(separator: " ")
        let split = try #require(CheckoutFieldExtractor.ruralPlace(in: long))
        #expect(Words(split.place).count <= 1 + CheckoutFieldExtractor.maxRuralNameWords, "\(split.place.prefix(80))")
        let many = String(
            String(repeating: "vereda Vereda en la vereda ", count: 300).prefix(Understanding.maxMessageCharacters))
        _ = CheckoutFieldExtractor.ruralPlace(in: many)
        _ = CheckoutFieldExtractor.extract("Calle 1 # 2-3, " + many, requested: .address)
    }

    @Test func theNeighborhoodAskedIsNotAskedAgain() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("v1", "2 cascos de seguridad")
        _ = try await h.say("v1", "eso es todo")
        _ = try await h.say(
            "v1",
            "Néstor Iván Pabón Ruales, cédula 87216455, celular 3167781204, correo nestor.pabon@gmail.com, "
                + "dirección km 6 vía Túquerres - Samaniego, finca La Palma, en la vereda Yascual")
        let asked = try await h.say("v1", "no, ninguna")
        #expect(asked.reply.contains("¿Confirmamos"), "\(asked.reply)")
        let stored = try h.database.dialogue(chatId: h.stored("v1"))?.form
        #expect(stored?[.neighborhood] == "vereda Yascual", "\(String(describing: stored))")
        // A place written as a name answers "¿En qué barrio queda?" whatever yes it sounds like.
        _ = try await h.say("v2", "3 conos de señalización")
        _ = try await h.say("v2", "listo nada más")
        _ = try await h.say("v2", "Lorena Patiño Gil, cc 52331908, cel 3104459812, sin correo, Calle 15 # 8-20")
        _ = try await h.say("v2", "Santa Clara")
        let form = try h.database.dialogue(chatId: h.stored("v2"))?.form
        #expect(form?[.neighborhood] == "Santa Clara", "\(String(describing: form))")
        await h.tearDown()
    }

    static let reader = try! ExampleReader(directory: TestPaths.bankDirectory)

    static func read(_ text: String, cartIsEmpty: Bool = true) -> Reading {
        let names = [
            "Casco de seguridad", "Careta facial", "Respirador doble filtro", "Gafas antiempañante",
            "Luz estroboscópica",
        ]
        var context = ReadingContext(cartIsEmpty: cartIsEmpty, catalogWords: MessageTokens.catalogWords(names))
        context.catalogHeads = MessageTokens.catalogHeads(names)
        context.catalogKinds = MessageTokens.catalogKindsOnly(names)
        return reader.readNow(text, context: context)
    }

    @Test func aCountSaidAsWhatIsEnoughIsTheNewAmount() {
        let items = Self.read("réstele uno a los cascos que con 3 me alcanza", cartIsEmpty: false).items
        #expect(items.count == 1 && items.first?.action == .set && items.first?.quantity == 3, "\(items)")
        let serve = Self.read("quítele 2 a los cascos, con 4 me sirven", cartIsEmpty: false).items
        #expect(serve.first?.action == .set && serve.first?.quantity == 4, "\(serve)")
        // Taking away without what is enough still takes away.
        let plain = Self.read("quítele 2 a los cascos", cartIsEmpty: false).items
        #expect(plain.first?.action == .decrease && plain.first?.quantity == 2, "\(plain)")
    }

    @Test func anArticleOfWhereOrOfLikenessOrdersNothing() {
        let place = Self.read(
            "es que trabajo en una fábrica de bloques y quería saber si tienen gafas que no se empañen")
        #expect(!place.items.contains { $0.quantity == 1 && $0.words.contains("fabrica") }, "\(place.items)")
        let like = Self.read("necesito 2 respiradores de esos que parecen una careta")
        #expect(like.items.count == 1 && like.items.first?.quantity == 2, "\(like.items)")
        // "…, q allá … la luz": a reason after a counted product names no other.
        let reason = Self.read("me manda 3 cascos, q alla en la finca siempre se cae la luz")
        #expect(reason.items.count == 1 && reason.items.first?.quantity == 3, "\(reason.items)")
        // An article that opens an order still orders one.
        #expect(Self.read("me manda una careta").items.first?.quantity == 1)
    }
}

/// "Súmele uno más a cada cosa: guantes, overoles y botas", "mejor que sean 4 de todo"
/// (u-set, nineteenth round): one change for each line named, or every line; before, the
/// words were searched as one product ("Eso no lo manejamos").
@Suite(.serialized) struct EveryLineChangeTests {
    @Test func aChangeForEachThingGoesToEveryLineNamed() async throws {
        let h = try await AgentHarness()
        _ = try await h.say(
            "e1", "necesito 2 cascos de seguridad, 2 pares de guantes de vaqueta y 3 conos de señalización")
        let more = try await h.say("e1", "ya que somos tres, súmele uno a cada cosa: cascos y guantes")
        #expect(
            try CartLineTargetTests.cart(h, "e1")
                == ["Casco de seguridad": 3, "Guantes vaqueta": 3, "Cono señalización": 3], "\(more.reply)")
        _ = try await h.say("e2", "me manda 2 chalecos reflectivos y 2 conos de señalización")
        let all = try await h.say("e2", "mejor que sean 5 de todo")
        #expect(
            try CartLineTargetTests.cart(h, "e2") == ["Chaleco reflectivo": 5, "Cono señalización": 5], "\(all.reply)")
        await h.tearDown()
    }
}
