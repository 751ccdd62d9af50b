import Foundation
import Testing

@testable import Assistant
@testable import Pipeline
@testable import Shop
@testable import SpanishText

/// Found on the y-set (issue 22, twelfth round), tested with new phrasings. Before: "Deme uno."
/// after "¿cuántas?" took the aside before it as the product ("uy, caro pero toca"); "mándeme
/// 5 pares no más" after a stock offer was a refusal; "quítele uno, mejor 2 galones" left 1;
/// "roja y blanca, 1 rollo" added the tape twice; "un edificio de tres pisos" ordered 3 signs
/// of a wet floor; 7" (inches) was a count of discs; "dos por respirador" ordered 2
/// respirators; "no los tapones, 3" gave the 3 to the ear plugs; "para una cuadrilla de
/// electricistas" made boots a helmet; "aquí en Palmira" opened the delivery note; "barrio
/// 7 de Agosto" was no neighbourhood.
@Suite(.serialized) struct CountsAndAsidesTests {
    /// The catalog's active names, as the agent reads with them.
    static let names: [String] = {
        let csv =
            (try? String(contentsOf: TestPaths.repoRoot.appendingPathComponent("data/catalogo.csv"), encoding: .utf8))
            ?? ""
        return csv.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count > 1 ? String(fields[1]) : nil
        }
    }()

    /// The example bank, read from disk once for the suite.
    static let reader = Result {
        try ExampleReader(directory: TestPaths.bankDirectory)
    }

    static func items(_ text: String) throws -> [ItemCommand] {
        var context = ReadingContext(catalogWords: MessageTokens.catalogWords(names))
        context.catalogHeads = MessageTokens.catalogHeads(names)
        context.catalogKinds = MessageTokens.catalogKindsOnly(names)
        return try reader.get().readNow(text, context: context).items
    }

    @Test func aCountAloneAfterAnAsideAnswersHowMany() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ca1", "¿cuánto cuesta el extintor para freidoras, el clase K?")
        let reply = try await h.say("ca1", "Uf, salado pero qué más. Mándeme dos. Y aparte una manta ignífuga.")
        #expect(reply.reply.contains("2 × Extintor K 2.5 gal"), "\(reply.reply)")
        #expect(reply.reply.contains("1 × Manta ignífuga"), "\(reply.reply)")
        #expect(!reply.reply.contains("no lo manejamos"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func aSmallerAmountAfterAStockRefusalIsTaken() async throws {
        let h = try await AgentHarness()
        let offer = try await h.say("ca2", "necesito 9 pares de botas dieléctricas")
        #expect(offer.reply.contains("solo tenemos 7"), "\(offer.reply)")
        // "no más" after a count and its unit is "only", not the go-ahead.
        #expect(CountOnly.rewrite("mándeme 4 pares no más") == "mándeme 4 pares solamente")
        #expect(CountOnly.rewrite("4 botas, no más") == "4 botas, no más")
        let taken = try await h.say("ca2", "Uy, así no me alcanza. Pues mándeme 4 pares no más")
        #expect(taken.reply.contains("4 × Botas dieléctricas"), "\(taken.reply)")
        // The very amount offered, said inside the refusal, is no acceptance.
        let again = try await h.say("ca2b", "necesito 9 pares de botas dieléctricas")
        #expect(again.reply.contains("solo tenemos 7"), "\(again.reply)")
        let refused = try await h.say("ca2b", "Si solo hay 7 no me sirve, déjelo así")
        #expect(!refused.reply.contains("× Botas dieléctricas"), "\(refused.reply)")
        await h.tearDown()
    }

    @Test func theAmountAfterMejorIsTheLinesAmount() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ca3", "necesito 4 galones de jabón antibacterial y 2 cintas aislantes")
        let reply = try await h.say("ca3", "Al jabón réstele uno, mejor 3 galones")
        #expect(reply.reply.contains("3 × Jabón antibacterial"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func colorsJoinedByYAreOneProductWithItsCount() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say("ca4", "y la cinta roja y blanca también, 2 rollos")
        #expect(reply.reply.contains("2 × Cinta barricada"), "\(reply.reply)")
        #expect(!reply.reply.contains("ahora lleva"), "\(reply.reply)")
        await h.tearDown()
    }

    @Test func numbersOfAStoryAreNoCounts() throws {
        // Floors of a building, inches of a disc, a ratio.
        let floors = try Self.items(
            "Vamos a impermeabilizar la terraza de un edificio de cuatro pisos y necesitamos equipo: 2 arneses y 2 eslingas"
        )
        #expect(floors.map(\.quantity) == [2, 2], "\(floors)")
        let inches = try Self.items("¿tienen discos de corte de 7\" para la pulidora?")
        #expect(!inches.contains { $0.quantity == 7 }, "\(inches)")
        let ratio = try Self.items("deme 12 cartuchos P100, dos por respirador")
        #expect(ratio.map(\.quantity) == [12], "\(ratio)")
        #expect(!ratio.contains { $0.words.contains("respirador") }, "\(ratio)")
        // A number after "de" in the phrase of a count is its product's feature.
        let feature = try Self.items("Solicitamos:\n- 8 arneses de cuerpo completo de 2 argollas\n- 6 mosquetones")
        #expect(feature.map(\.quantity) == [8, 6], "\(feature)")
        #expect(try Self.items("necesito 2 galones de jabón y 3 de alcohol").map(\.quantity) == [2, 3])
        // Beside another count, "por favor" and "por ahora" after a count leave it a count.
        #expect(try Self.items("deme 4 cascos y unas gafas, 6 por favor").map(\.quantity) == [4, 6])
        #expect(try Self.items("necesito 3 cascos y unas gafas, 2 por ahora").map(\.quantity) == [3, 2])
    }

    @Test func whatIsNotWantedAndWhoItIsForNameNoProduct() async throws {
        let h = try await AgentHarness()
        for (chat, text, line) in [
            ("cb1", "unos protectores de copa grandes, no los tapones de espuma, 6", "6 × Cascos auditivos"),
            // Who they are for is no product's word (the electrician's helmet is not meant).
            ("cb2", "necesito 6 pares de botas dieléctricas para la cuadrilla de linieros", "× Botas dieléctricas"),
            // A clause opened by "que" goes on describing the product before its count.
            ("cb3", "y unas gafas antiempañantes, que en la cámara fría todo se empaña, 5", "5 × Gafas antiempañante"),
            // A size said in words after a comma is the size.
            ("cb4", "dos extintores de los grandes, de nueve kilos", "2 × Extintor PQS 9kg"),
        ] {
            let reply = try await h.say(chat, text)
            #expect(reply.reply.contains(line), "\(text): \(reply.reply)")
            #expect(!reply.reply.contains("Tapaoídos") && !reply.reply.contains("Casco dieléctrico"), "\(reply.reply)")
        }
        await h.tearDown()
    }

    @Test func theCityAfterTheNeighbourhoodIsNoNoteAndADateIsANeighbourhood() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ca6", "quiero 2 linternas recargables")
        _ = try await h.say("ca6", "listo eso es todo")
        let summary = try await h.say(
            "ca6",
            "Soy Aurora Perea Rentería, cédula 35887120, cel 3126650914, correo aurora.perea@gmail.com, "
                + "vivo en la Carrera 4 # 12-30, barrio Niño Jesús, acá en Quibdó, timbrar en el segundo piso")
        #expect(summary.reply.contains("Indicaciones: timbrar en el segundo piso"), "\(summary.reply)")
        _ = try await h.say(
            "ca7",
            "nombre Wilmer Ospina\ncc 80655213\ncel 3008127764\ncorreo wospina@gmail.com\n"
                + "dir cll 23 # 9-14\nbarrio 20 de Julio\nal lado de la panadería")
        _ = try await h.say("ca7", "quiero 2 linternas recargables")
        let done = try await h.say("ca7", "listo eso es todo")
        #expect(done.reply.contains("barrio 20 de Julio"), "\(done.reply)")
        await h.tearDown()
    }

    /// "2 m" in a product's line is two metres, not a time: the line beside the buyer's data
    /// was taken as a delivery note and its product lost.
    @Test func metresInAProductLineAreNoTime() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "ca9",
            "Cordial saludo, les escribe Pedro Gómez Salcedo (NIT 901.223.114-5). Requerimos:\n"
                + "- 6 líneas de vida de 2 m con absorbedor\n- 4 mosquetones con seguro")
        #expect(reply.reply.contains("6 × Línea de vida"), "\(reply.reply)")
        #expect(reply.reply.contains("4 × Mosquetón"), "\(reply.reply)")
        // Noon is still a time ("antes de las 12 m.").
        #expect(!QuantityFilter.timeWords(Words("entregar antes de las 12 m")).isEmpty)
        await h.tearDown()
    }

    /// A question two sentences back ("¿sí me escucha?") does not make a product named later
    /// a question: the kit was silently left out.
    @Test func aQuestionFurtherBackAsksNothingOfALaterRequest() async throws {
        let h = try await AgentHarness()
        let reply = try await h.say(
            "ca10",
            "Aló, ¿me escucha? Le cuento que es una nota de voz. Necesito dos linternas recargables y un kit de "
                + "primeros auxilios de los homologados.")
        #expect(reply.reply.contains("Kit primeros auxilios"), "\(reply.reply)")
        #expect(reply.reply.contains("2 × Linterna recargable"), "\(reply.reply)")
        // The question right before still asks about what follows.
        let asked = try await h.say("ca11", "¿Qué tienen para la cocina? un extintor para aceite")
        #expect(!asked.reply.contains("agregué"), "\(asked.reply)")
        await h.tearDown()
    }

    /// "Eso queda en el corregimiento La Mesa" answering the neighbourhood was refused.
    @Test func whereAPlaceIsLeadsIntoItsName() {
        #expect(
            CheckoutFieldExtractor.stripNeighborhood("Eso queda en el corregimiento Pance") == "corregimiento Pance")
        #expect(CheckoutFieldExtractor.stripNeighborhood("queda en el barrio Obrero") == "Obrero")
        // The lead alone names no place: it stays as said.
        #expect(CheckoutFieldExtractor.stripNeighborhood("Queda en") == "Queda en")
    }

    @Test func aStockOfferSaysWhatTheCartAlreadyHolds() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ca8", "necesito 10 cartuchos ABEK")
        let offer = try await h.say("ca8", "deme 7 cartuchos ABEK más")
        #expect(offer.reply.contains("tenemos 15 unidades en total y su pedido ya lleva 10"), "\(offer.reply)")
        #expect(offer.reply.contains("¿Le agrego las 5?"), "\(offer.reply)")
        await h.tearDown()
    }
}
