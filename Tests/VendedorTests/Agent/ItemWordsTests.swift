import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// The words of an item as the search reads them (issue 22, sixth round). Before, the item
/// lost "para" and its articles ("tapetes para desinfectar los zapatos" was searched as
/// "tapetes desinfectar zapatos": the zapatos a second thing named, «no lo manejamos»), kept
/// chat shorthand and the customer's reason ("… xq el mío se rompió") as product words, read
/// "pa un taller" as one unit of a taller, "27mil" as a word, and "1 de los de electricista"
/// after a cinturón as a search of the whole catalog. New phrasings.
@Suite(.serialized) struct ItemWordsTests {
    @Test func whatFollowsParaAndAnArticleIsAUse() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("iw1", "me regala 2 tapetes de esos para limpiar los zapatos, por favor")
        #expect(reply.reply.contains("2 × Tapete sanitizante"), "\(reply.reply)")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        // A thing said right after the name and "para" still specifies another kind of it.
        let moto = try await h.say("iw2", "¿tienen cascos para la moto?")
        #expect(moto.reply.contains("no lo manejamos"), "\(moto.reply)")
        await h.tearDown()
    }

    @Test func anArticleAfterParaCountsNothing() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("iw3", "para una panadería necesito 2 extintores de 9 kilos")
        #expect(reply.reply.contains("2 × Extintor PQS 9kg"), "\(reply.reply)")
        #expect(!reply.reply.contains("panader"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func thousandsGluedToTheirNumberAreANumber() {
        #expect(SpanishNumber.digitsValue("27mil") == 27000)
        #expect(SpanishNumber.digitsValue("mil") == nil)
        #expect(SpanishNumber.digitsValue("1234mil") == nil)
        #expect(SpanishNumber.digitsValue("2x7mil") == nil)
        // Huge or malformed: no number, no trap.
        #expect(SpanishNumber.digitsValue("9999999mil") == nil)
        #expect(SpanishNumber.digitsValue("999mil") == 999_000)
        #expect(QuantityParser.counts(in: Words("quiero 999mil cascos")).allSatisfy { $0.value <= 999_000 })
        #expect(QuantityFilter.counts(in: Words("quiero 999mil cascos")).isEmpty)
        let said = QuantityParser.mentions(in: Words("1 botiquin de los de 27mil"))
        #expect(said.filter { $0.kind == .count }.map(\.value) == [1])
    }

    @Test func shorthandIsItsWordAndAReasonEndsTheProduct() {
        let none: (String) -> Bool = { _ in false }
        #expect(
            EntityReader.withoutCommands(["guantes", "d", "nitrilo", "xq", "los", "otros", "se", "rompieron"], none)
                == ["guantes", "de", "nitrilo"])
        // A class letter stays a letter.
        #expect(EntityReader.withoutCommands(["extintor", "clase", "d"], none) == ["extintor", "clase", "d"])
        // A reason with nothing named before it is kept (the search sees it whole).
        #expect(EntityReader.withoutCommands(["porque", "se", "rompio"], none).first == "porque")
        // The one declined after "no" and an article is no word of the product wanted.
        #expect(
            EntityReader.withoutCommands(["los", "de", "cuero", "no", "los", "de", "tela"], none)
                == ["los", "de", "cuero"])
        // After pointing words it ends them too.
        #expect(
            EntityReader.withoutCommands(["de", "esos", "porque", "tenemos", "tres", "sedes"], none) == ["de", "esos"])
        // "… como cuarenta son pa una ebanistería": the purpose said as a sentence ends it too.
        #expect(
            EntityReader.withoutCommands(["guantes", "de", "vaqueta", "son", "pa", "una", "ebanisteria"], none)
                == ["guantes", "de", "vaqueta"])
        // "para" right after the name stays a use of it.
        #expect(
            EntityReader.withoutCommands(["guantes", "para", "soldar"], none) == ["guantes", "para", "soldar"])
    }

    @Test func wordsWithoutTheNounAreOfTheKindTouchedLast() async throws {
        #expect(EntityReader.opensWithoutNoun(["d", "los", "d", "electricista"]))
        #expect(EntityReader.opensWithoutNoun(["las", "que", "brillan"]))
        #expect(!EntityReader.opensWithoutNoun(["los", "guantes"]))
        // In one message the kind is the one named before ("2 cinturones … y 2 d los q son…").
        #expect(EntityReader.omitsTheNoun(1..<8, Words("2 d los q son pa la espalda")))
        #expect(!EntityReader.omitsTheNoun(1..<3, Words("2 cascos blancos")))
        let h = try await AgentHarness()
        _ = try await h.say("iw4", "quiero 1 casco de seguridad")
        let reply = try await h.say("iw4", "y 2 de los de electricista tmb")
        #expect(reply.reply.contains("2 × Casco dieléctrico"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func eachOneAndSpansOfTimeCountNothing() {
        let each = QuantityFilter.counts(in: Words("necesito casco, guantes y botas, 3 de cada uno pa los muchachos"))
        #expect(each.map(\.value) == [3])
        let age = QuantityFilter.counts(
            in: Words("les escribe un señor de 74 años, hace 2 meses compré; necesito 2 conos"))
        #expect(age.map(\.value) == [2])
    }

    @Test func oneCloseOptionIsTheProduct() async throws {
        let h = try await AgentHarness()
        let boots = try await h.say("iw5", "necesito 3 pares de botas aisladas")
        #expect(boots.reply.contains("3 × Botas dieléctricas"), "\(boots.reply)")
        #expect(!boots.reply.contains("¿Cuál prefiere"), "\(boots.reply)")
        // "de aislar" is the insulating tape, not the tape that closes off an area.
        let tape = try await h.say("iw6", "mándeme 5 rollos de cinta negra de aislar")
        #expect(tape.reply.contains("5 × Cinta aislante"), "\(tape.reply)")
        await h.tearDown()
    }

    @Test func theSearchOverrulesAPlainNameFarBehindIt() async throws {
        // The plain words meet "Espuma antiincendios" by its name; the search reads the
        // synonyms (tapones para los oídos) and ranks the tapaoídos far ahead.
        let h = try await AgentHarness()
        let reply = try await h.say("iw7", "quiero 20 tapones para los oídos de los de espuma")
        #expect(reply.reply.contains("20 × Tapaoídos desechable"), "\(reply.reply)")
        #expect(!reply.reply.contains("Espuma antiincendios"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aNITCheckDigitIsNoCount() {
        let text = "Ferretería El Tornillo S.A.S., NIT 901.223.845-7. Pedimos 3 cascos"
        let original = Array(text)
        // The data reader blanks the NIT and its number, offsets kept.
        let nit = "NIT 901.223.845"
        var characters = Array(text.replacingOccurrences(of: nit, with: String(repeating: " ", count: nit.count)))
        EntityReader.blankCheckDigits(&characters, original: original)
        #expect(!String(characters).contains("-7"))
        #expect(String(characters).contains("3 cascos"))
        // A range typed in the text stays ("3-4 pares").
        var range = Array("3-4 pares")
        EntityReader.blankCheckDigits(&range, original: Array("3-4 pares"))
        #expect(String(range) == "3-4 pares")
        // Hostile: a long run of dashes and digits is read once.
        let long = Array(String(repeating: " -1", count: 5_000))
        var copy = long
        EntityReader.blankCheckDigits(&copy, original: long)
        // Dashes after a space of the customer's own (no number taken out) stay.
        #expect(copy == long)
    }

    @Test func aSetWithAStoryKeepsTheProductsCount() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("iw8", "necesito 15 conos")
        let reply = try await h.say("iw8", "déjelos en 10 conos; los otros 5 ya los conseguimos en la bodega")
        #expect(reply.reply.contains("10 × Cono señalización"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aGluedCourtesyAndHowFewNameNothing() async throws {
        let h = try await AgentHarness()
        let shown = try await h.say("iw9", "tienen botiquines portátiles?")
        try #require(shown.reply.contains("¿Cuántas"), "\(shown.reply)")
        let reply = try await h.say("iw9", "4 porfabor y 2 conos")
        #expect(reply.reply.contains("4 × Botiquín portátil"), "\(reply.reply)")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        let one = try await h.say("iw10", "quiero una linterna recargable, una solita")
        #expect(one.reply.contains("1 × Linterna recargable"), "\(one.reply)")
        #expect(!one.reply.contains("¿Qué producto") && !one.reply.contains("no lo manejamos"), "\(one.reply)")
        await h.tearDown()
    }
}

extension ItemWordsTests {
    /// A voice note with each count after its product and the purpose said last as a sentence.
    @Test func aPurposeSentenceAfterTheLastCountNamesNoProduct() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "iw9",
            "necesito guantes de vaqueta como veinte y también gafas de seguridad como treinta son para una ebanistería"
        )
        #expect(reply.reply.contains("20 × Guantes vaqueta"), "\(reply.reply)")
        #expect(reply.reply.contains("30 × Gafas seguridad"), "\(reply.reply)")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        await h.tearDown()
    }
}

extension ItemWordsTests {
    /// The search's only hit is the product even when words after the name lower its score.
    @Test func aSingleHitOfTheSearchIsTheProduct() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "iw10", "buenas, ¿tienen yoyos pal carnet, de esos que se estiran y se recogen?")
        #expect(reply.reply.contains("Porta credencial"), "\(reply.reply)")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        await h.tearDown()
    }
}
