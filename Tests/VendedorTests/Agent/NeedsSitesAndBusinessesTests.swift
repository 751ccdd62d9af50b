import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the o-set (issue 22, eighteenth round), tested with new phrasings. Before: "… y
/// algo para las manos" was read as words describing the line before, and "manos" as a slip
/// of the command "menos"; "el letrerito ese que dice dónde…" and "unos guantes que no se
/// rompan" were dropped for the question word or the "no" inside what the product does;
/// "quite el botiquín, con los dos kits es suficiente" named both; the impersonal "q uno se
/// mete" was a count of one; "Sí, confirme" was a no; a works named by its kind before or
/// after a road ("Mina La Esmeralda km 4…", "…, Ladrillera Santa Fe") was cut from the
/// address, and an address on a river was refused; "Es para Ferretería …, recibe …" gave the
/// business as the name; "… O sea todo por tres" asked which product the 3 were for.
@Suite(.serialized) struct NeedsSitesAndBusinessesTests {
    static let reader = try! ExampleReader(directory: TestPaths.bankDirectory)
    static let catalog = MessageTokens.catalogWords([
        "Cono señalización", "Guantes vaqueta", "Chaleco reflectivo", "Casco de seguridad", "Botiquín portátil",
        "Kit primeros auxilios", "Señal Extintor",
    ])

    static func read(_ text: String, phase: DialogueState.Phase = .browsing, cartIsEmpty: Bool = true) -> Reading {
        reader.readNow(text, context: ReadingContext(phase: phase, cartIsEmpty: cartIsEmpty, catalogWords: catalog))
    }

    @Test func aNeedAfterACountedProductIsAThingOfItsOwn() {
        let items = Self.read("mándeme 5 chalecos, y algo pa las manos porque se raspan con los bultos").items
        #expect(items.count == 2, "\(items)")
        #expect(items.first?.words.contains("chalecos") == true && items.first?.words.contains("manos") == false)
        #expect(items.last?.words.contains("manos") == true && items.last?.quantity == nil, "\(items)")
        // "manos" is no slip of "menos": it stays a word of what is wanted.
        #expect(!Self.reader.classifier(catalogWords: Self.catalog).isCommandWord("manos"))
        #expect(Self.reader.classifier(catalogWords: Self.catalog).isCommandWord("quitele"))
    }

    @Test func aQuestionWordOrANoInsideWhatTheProductDoesKeepsIt() {
        let sign = Self.read("3 conos y la señal esa que dice dónde está el extintor").items
        #expect(sign.contains { $0.words.contains("senal") && $0.quantity == nil }, "\(sign)")
        let gloves = Self.read("2 cascos y los guantes esos que no se rompen").items
        #expect(gloves.contains { $0.words.contains("guantes") }, "\(gloves)")
        // A question or a refusal before the product still keeps it out.
        let asked = Self.read("2 cascos y cuánto valen los guantes").items
        #expect(!asked.contains { $0.words.contains("guantes") && $0.quantity == nil && $0.action == .add }, "\(asked)")
        let refused = Self.read("2 cascos y no los guantes").items
        #expect(!refused.contains { $0.words.contains("guantes") }, "\(refused)")
    }

    @Test func whatIsEnoughNamesNothingToTakeAway() {
        let items = Self.read("ya no, saque el botiquín, con el kit que lleva basta", cartIsEmpty: false).items
        #expect(items.count == 1 && items[0].action == .remove, "\(items)")
        #expect(items.first?.words.contains("botiquin") == true && items.first?.words.contains("kit") == false)
        // "con" that describes the product stays.
        let with = Self.read("3 guantes con refuerzo").items
        #expect(with.first?.words.contains("refuerzo") == true, "\(with)")
    }

    /// Hostile sizes (a message is cut at 2,000 characters): "suficiente" is looked for at most
    /// 6 words after "con" (300 words between them leave the words as they are), and a need or
    /// a relative clause over 300 words is read without a trap.
    @Test func hostileTextAroundWhatIsEnoughAndNeeds() {
        let filler = Array(repeating: "rojo", count: 300).joined(separator: " ")
        let far = Self.read("saque el botiquín con \(filler) suficiente", cartIsEmpty: false).items
        #expect(far.first?.words.contains("rojo") == true, "the bound: a far 'suficiente' cuts nothing")
        let near = Self.read("saque el botiquín con rojo suficiente", cartIsEmpty: false).items
        #expect(near.first?.words.contains("rojo") == false, "\(near)")
        let need = Self.read("2 conos y algo pa \(filler) que no se rompa").items
        #expect(need.count == 2 && need[1].quantity == nil)
        let relative = Self.read(
            "2 conos y la señal que \(Array(repeating: "dónde", count: 300).joined(separator: " "))"
        )
        .items
        #expect(relative.contains { $0.words.contains("senal") })
    }

    /// "todo por tres" after the products multiplies each of them; the count is no line of its
    /// own (before: "¿De qué producto serían las 3 unidades?").
    @Test func everythingTimesACountMultipliesEachProduct() {
        let items = Self.read("por cada carro: un botiquín, dos conos y un chaleco reflectivo. Todo eso x 4").items
        #expect(items.count == 3, "\(items)")
        #expect(items.map(\.quantity) == [4, 8, 4], "\(items)")
        #expect(items.allSatisfy { $0.named }, "\(items)")
        // Only "todo" (or "todo eso") before it multiplies; a count after "por" alone does not.
        let plain = Self.read("2 conos por 3 días").items
        #expect(!plain.contains { $0.quantity == 6 }, "\(plain)")
        #expect(EntityReader.timesAll(Words("todos por dos")) == 2)
        #expect(EntityReader.timesAll(Words("todo por 999999")) == nil)
        // The message's last word: nothing after "por" to read.
        #expect(EntityReader.timesAll(Words("mándeme todo por")) == nil)
    }

    @Test func theImpersonalOneCountsNothing() {
        for text in ["pa la finca q uno se mete al barro", "es que uno se quema las manos", "donde uno se resbala"] {
            let items = Self.read(text).items
            #expect(!items.contains { $0.quantity == 1 }, "\(text): \(items)")
        }
        #expect(Self.read("deme uno no más").items.first?.quantity == 1)
    }

    @Test func confirmInTheImperativeConfirms() {
        for text in ["Sí, confirme", "confírmelo", "sí confirme porfa"] {
            #expect(Self.read(text, phase: .review, cartIsEmpty: false).intent == .confirm, "\(text)")
        }
        #expect(Self.read("no, no confirme", phase: .review, cartIsEmpty: false).intent == .deny)
    }

    @Test func aWorksNamedByItsKindIsPartOfTheAddress() throws {
        let before = CheckoutFieldExtractor.extract(
            "dir: Cantera El Mirador km 7 vía Tunja - Paipa\nbarrio: vereda Pirgua", requested: nil)
        #expect(before.values[.address] == "Cantera El Mirador km 7 vía Tunja - Paipa", "\(before.values)")
        let after = CheckoutFieldExtractor.extract("Km 2 vía Duitama, Trapiche La Esperanza", requested: .address)
        #expect(after.values[.address] == "Km 2 vía Duitama, Trapiche La Esperanza", "\(after.values)")
        // A surname that is a site's word is no site ("Mina" in a name).
        let name = CheckoutFieldExtractor.extract(
            "Yeison Andrés Mina Córdoba, Calle 4 # 5-60, barrio El Jardín", requested: nil)
        #expect(name.values[.address] == "Calle 4 # 5-60", "\(name.values)")
        // A house on a river's bank is an address without numbers.
        #expect(
            try CheckoutForm.validate(.address, "Casa azul, margen izquierda del río Atrato")
                == "Casa azul, margen izquierda del río Atrato")
    }

    /// A name's label before a lowercase article describes someone ("a nombre de la
    /// enfermera jefe" inside a note); a reminder after a value ("como le dije") is no part
    /// of it; a rural word alone ("eso es vereda") names no barrio.
    @Test func describingSomeoneRemindingAndARuralWordAloneAreNoValues() {
        let note = CheckoutFieldExtractor.extract(
            "Barrio: Centro. Indicaciones: dejar en la tienda a nombre de la señora del mostrador y llamar antes.",
            requested: nil)
        #expect(
            note.values[.notes] == "dejar en la tienda a nombre de la señora del mostrador y llamar antes",
            "\(note.values)")
        #expect(note.values[.name] == nil, "\(note.values)")
        #expect(
            CheckoutFieldExtractor.extract("a nombre de Jorge Luis Díaz", requested: .name).values[.name]
                == "Jorge Luis Díaz")
        let reminder = CheckoutFieldExtractor.extract("La Floresta, como ya le conté", requested: .neighborhood)
        #expect(reminder.freeText == "La Floresta", "\(String(describing: reminder.freeText))")
        let rural = CheckoutFieldExtractor.extract(
            "barrio no tiene, eso es vereda. Vereda El Diviso", requested: .neighborhood)
        #expect(
            rural.values[.neighborhood] == nil && rural.freeText == "Vereda El Diviso",
            "\(rural.values) \(String(describing: rural.freeText))")
    }

    @Test func aBusinessIsNoPersonsName() {
        let block = CheckoutFieldExtractor.extract(
            "Es para Droguería La Economía, recibe Marta Lucía Gil Ospina, cédula 71234987, cel 3157778899",
            requested: .name)
        #expect(block.values[.name] == "Marta Lucía Gil Ospina", "\(block.values)")
        #expect(!CheckoutFieldExtractor.looksLikeName("Constructora Altos del Río"))
        #expect(CheckoutFieldExtractor.looksLikeName("Marta Lucía Gil Ospina"))
    }
}
