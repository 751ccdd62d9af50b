import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// A purchase order written as a numbered list, with its reference code (issue 22, fourth
/// round): before, the item numbers "2.", "3.", "4." and the code "OC-2026-0457" were read as
/// quantities with no product ("¿De qué producto serían las 457 unidades?"), and the message
/// hit the cap of products per message. Also one count for a whole list ("de todo 8"), the
/// contact of a corporate block ("Responsable:") and the words about the place before a
/// delivery note. New phrasings.
@Suite(.serialized) struct NumberedListTests {
    @Test func itemNumbersAreNoQuantities() {
        #expect(ListMarkers.rewrite("1. conos x 5\n2) vallas x 2") == "   conos x 5\n   vallas x 2")
        // One numbered line is no list ("2. pares de guantes" may be the count).
        #expect(ListMarkers.rewrite("2. pares de guantes") == "2. pares de guantes")
        // Hostile: thousands of marker lines, one pass, same length.
        let long = String(repeating: "12. x\n", count: 2000)
        #expect(ListMarkers.rewrite(long).count == long.count)
    }

    @Test func aCodeGluedByDashesIsNoCount() {
        let words = Words("pedido REF-2031-0088 de 12 cascos y 3-4 pares")
        let values = QuantityFilter.counts(in: words).map(\.value)
        #expect(values.contains(12))
        #expect(!values.contains(88) && !values.contains(2031))
    }

    @Test func aNumberedOrderIsRead() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "l1",
            "Buenas tardes, adjunto pedido REF-118-2026:\n1. Conos de señalización x 6\n2. Vallas plásticas x 2\n"
                + "3. Cinta barricada x 3")
        #expect(reply.reply.contains("6 × Cono"), "\(reply.reply)")
        #expect(reply.reply.contains("2 × Valla") && reply.reply.contains("3 × Cinta"), "\(reply.reply)")
        #expect(!reply.reply.contains("serían las"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aRoadBetweenTwoPlacesKeepsBoth() {
        let data = CheckoutFieldExtractor.extract(
            "Dirección: Km 12 vía Palmira - Pradera, galpón 2 / Barrio: La Tupia", requested: nil)
        #expect(data.values[.address] == "Km 12 vía Palmira - Pradera, galpón 2")
        #expect(data.values[.neighborhood] == "La Tupia")
    }

    @Test func oneCountForAWholeList() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "l2", "para la brigada: conos de señalización, vallas plásticas y cinta barricada. De todo 4")
        #expect(reply.reply.contains("4 × Cono"), "\(reply.reply)")
        #expect(reply.reply.contains("4 × Valla") && reply.reply.contains("4 × Cinta"), "\(reply.reply)")
        // "de todo" inside a description is no count for the list.
        #expect(!EntityReader.saysEveryOne(Words("un arnés para protección de todo el cuerpo y 2 eslingas")))
        #expect(EntityReader.saysEveryOne(Words("guantes y gafas, 6 de cada uno")))
        await h.tearDown()
    }

    @Test func aCorporateContactAndTheWordsBeforeANote() {
        let block = CheckoutFieldExtractor.extract(
            "Envío datos para el despacho:\nResponsable: Hernando Quiñones Lasso\nC.C. 16.602.118", requested: nil)
        #expect(block.values[.name] == "Hernando Quiñones Lasso")
        #expect(!CheckoutFieldExtractor.looksLikeName("Envío datos para el despacho"))
        let note = CheckoutFieldExtractor.extract(
            "Cra 8 # 30-12 barrio Jorge Isaacs, bodega del fondo, preguntar por don Aurelio", requested: .address)
        #expect(note.values[.notes] == "bodega del fondo, preguntar por don Aurelio", "\(note.values)")
        // A city between the address and the note is no part of it.
        let city = CheckoutFieldExtractor.extract("Calle 9 # 2-40, Jamundí, llamar al llegar", requested: .address)
        #expect(city.values[.notes] == "llamar al llegar")
    }

    /// Fifth round: "8 de las que indican…" left the noun out; before, the clause was searched
    /// alone and the extinguishers were listed instead of the sign.
    @Test func aCountOfThoseThatLeavesTheNounOut() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "l9", "para la oficina: 6 señales de salida, 4 de las que muestran dónde está el extintor")
        #expect(
            reply.reply.contains("6 × Señal Salida") && reply.reply.contains("4 × Señal Extintor"), "\(reply.reply)")
        #expect(EntityReader.omitsTheNoun(2..<4, Words("4 de las que muestran")))
        #expect(!EntityReader.omitsTheNoun(2..<4, Words("4 de las blancas")))
        await h.tearDown()
    }
}
