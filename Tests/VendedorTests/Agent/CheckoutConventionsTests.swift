import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// How the evaluation's writers read checkout data (sixth round): a city said after the
/// neighbourhood is no part of it but the number of its name is, a vereda given with a
/// labelled site belongs to the address, a note dictated after "ponga:" is only what follows,
/// courtesy, a lead-in or a joining "es" before a note go, a note beside "los mismos datos" is
/// read, labelled notes go on over ";", a name's label inside a note stays in it, the full
/// name after a labelled stand-in ("mi esposa, …") is the name, and the full name given at
/// checkout replaces the shorter one said while shopping. New phrasings, none from an
/// evaluation set.
@Suite(.serialized) struct CheckoutConventionsTests {
    typealias Extractor = CheckoutFieldExtractor

    @Test func aCityAfterTheNeighborhoodIsNoPartOfIt() {
        let bare = Extractor.extract("Cra 12 # 8-40 barrio San Judas Tuluá", requested: nil)
        #expect(bare.values[.address] == "Cra 12 # 8-40" && bare.values[.neighborhood] == "San Judas")
        let parenthesis = Extractor.extract("Calle 70 # 2-15, barrio El Peñón (Popayán)", requested: nil)
        #expect(parenthesis.values[.neighborhood] == "El Peñón")
        #expect(Extractor.extract("Los Pinos en Yumbo", requested: .neighborhood).freeText == "Los Pinos")
        #expect(Extractor.extract("Versalles, en Palmira", requested: .neighborhood).freeText == "Versalles")
        // A city that is the place's own name, or a city alone, stays.
        #expect(ColombianPlaces.withoutCity("La Candelaria") == "La Candelaria")
        #expect(ColombianPlaces.withoutCity("Nueva Florida") == "Nueva Florida")
        #expect(ColombianPlaces.withoutCity("Santander de Quilichao") == "Santander de Quilichao")
        #expect(ColombianPlaces.withoutCity("Cali") == "Cali")
        #expect(ColombianPlaces.withoutCity("Bello Horizonte") == "Bello Horizonte")
    }

    @Test func aNeighborhoodKeepsTheNumberOfItsName() {
        let labelled = Extractor.extract("Cra 9 # 14-22 barrio Los Alcázares 2, cel 3104445566", requested: nil)
        #expect(labelled.values[.neighborhood] == "Los Alcázares 2" && labelled.values[.phone] == "3104445566")
        let stage = Extractor.extract("Cra 9 # 14-22 barrio Mojica 1 etapa", requested: nil)
        #expect(stage.values[.neighborhood] == "Mojica 1 etapa")
        let after = Extractor.extract("Calle 3 # 7-70, Comuneros 2", requested: nil)
        #expect(after.values[.address] == "Calle 3 # 7-70" && after.values[.neighborhood] == "Comuneros 2")
    }

    @Test func aVeredaGivenWithALabelledSiteIsPartOfTheAddress() {
        let block = Extractor.extract(
            "Nombre: Rigoberto Salazar Mena. Dirección: Hacienda El Porvenir, vereda Santa Rosa. "
                + "Barrio: corregimiento La Paila. Indicaciones: preguntar en la tienda",
            requested: nil)
        #expect(block.values[.address] == "Hacienda El Porvenir, vereda Santa Rosa")
        #expect(block.values[.neighborhood] == "corregimiento La Paila")
        // Another piece after the site is no part of it.
        let other = Extractor.extract("dirección: finca Los Mangos, casa de bahareque", requested: nil)
        #expect(other.values[.address] == "finca Los Mangos")
    }

    @Test func aDictatedNoteIsWhatFollowsTheVerbOfWriting() {
        let labelled = Extractor.extract(
            "Indicaciones: cambió el portero y ya no recibe, mejor anoten: dejar en la tienda de la esquina",
            requested: nil)
        #expect(labelled.values[.notes] == "dejar en la tienda de la esquina")
        let answer = Extractor.extract(
            "el vigilante nuevo no recibe nada, pongan que diga llamar a Jorge al llegar", requested: .notes)
        #expect(answer.freeText == "llamar a Jorge al llegar")
        // Without a verb of writing, the note is kept whole.
        #expect(Extractor.dictatedNote("dejar en portería: torre 2") == "dejar en portería: torre 2")
        #expect(Extractor.dictatedNote("que diga el portero") == "que diga el portero")
    }

    @Test func aNoteIsNeitherALeadInNorItsCopula() {
        let barrio = Extractor.extract("queda en el barrio Las Acacias", requested: .neighborhood)
        #expect(barrio.values == [.neighborhood: "Las Acacias"])
        let copula = Extractor.extract("la indicación es que timbren en la casa del fondo", requested: .notes)
        #expect(copula.values[.notes] == "que timbren en la casa del fondo")
        // A note that describes the place keeps its "es".
        #expect(Extractor.withoutCopula("es un local de esquina") == "es un local de esquina")
    }

    @Test func courtesyBeforeANoteAmongDataGoes() {
        let values = Extractor.extract(
            "Gloria Inés Paz, cc 31.555.222, Calle 9 # 4-10, barrio Obrero, y porfa timbrar dos veces", requested: nil
        ).values
        #expect(values[.notes] == "timbrar dos veces")
        #expect(Extractor.withoutCourtesy("por favor que lo dejen en portería") == "por favor que lo dejen en portería")
    }

    @Test func aMessageKeepingTheStoredDataGivesTheNoteItChanges() {
        let kept = Extractor.extract(
            "sí, los mismos datos pero hoy no estoy en la oficina: que dejen el paquete con el celador",
            requested: .name)
        #expect(kept.values[.notes] == "que dejen el paquete con el celador")
        #expect(kept.values[.name] == nil)
    }

    @Test func labelledNotesGoOnOverASemicolonBeforeAnotherNote() {
        let block = Extractor.extract(
            "Barrio: El Ingenio\nObservaciones: entrar por el parqueadero; preguntar por Doris en compras; gracias",
            requested: nil)
        #expect(block.values[.notes] == "entrar por el parqueadero; preguntar por Doris en compras")
        #expect(block.values[.neighborhood] == "El Ingenio")
    }

    @Test func aNameLabelInsideANoteStaysInIt() {
        let note = Extractor.extract(
            "dejar con la vecina del segundo piso a nombre de Chepe el del taller", requested: .notes)
        #expect(note.values[.name] == nil)
        #expect(note.freeText == "dejar con la vecina del segundo piso a nombre de Chepe el del taller")
        // Outside a note the label still gives the name.
        let name = Extractor.extract("a nombre de Marta Lucía Cifuentes, cc 52.111.222", requested: nil)
        #expect(name.values[.name] == "Marta Lucía Cifuentes")
    }

    @Test func theFullNameAfterALabelledStandInIsTheName() {
        #expect(
            Extractor.extract("a nombre de mi cuñada, Yesenia Caicedo Rivas", requested: .name).values[.name]
                == "Yesenia Caicedo Rivas")
        #expect(Extractor.extract("el contacto soy yo, Harold Mina", requested: .name).values[.name] == "Harold Mina")
        #expect(
            Extractor.extract("me llamo Dayana, Dayana Lucumí Ortiz", requested: .name).values[.name]
                == "Dayana Lucumí Ortiz")
        // Another person's name or a place after a first name is not taken for it.
        #expect(Extractor.extract("soy Marta, Santa Mónica", requested: .name).values[.name] == "Marta")
    }

    @Test func aLongerNameExtendingTheKnownOneReplacesIt() {
        let longer = Extractor.extract(
            "Ana Lucía Perea Mosquera, cédula 29.876.543", requested: .idNumber, known: [.name],
            knownName: "Ana Lucía Perea")
        #expect(longer.values[.name] == "Ana Lucía Perea Mosquera")
        let other = Extractor.extract(
            "Luis Mosquera, cédula 29.876.543", requested: .idNumber, known: [.name], knownName: "Ana Lucía Perea")
        #expect(other.values[.name] == nil)
    }

    @Test func theFullNameGivenAtCheckoutWins() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("n1", "buenas, les escribe Ana Lucía Perea, necesito 3 conos de señalización")
        _ = try await h.say("n1", "nada más")
        for message in [
            "Ana Lucía Perea Mosquera cc 29.876.543", "cel 3125550199, no tengo correo", "Calle 8 # 12-40",
            "Alameda", "ninguna",
        ] {
            _ = try await h.say("n1", message)
        }
        _ = try await h.say("n1", "sí")
        let order = try #require(try h.orders(chatId: "n1").first)
        #expect(order.client.name == "Ana Lucía Perea Mosquera")
        await h.tearDown()
    }

    @Test func hostileTextThroughTheNewPaths() {
        let rural = "dirección: finca X" + String(repeating: ", vereda Y", count: 2_500)
        let address = Extractor.extract(rural, requested: nil).values[.address]
        #expect(address.map { $0.count <= rural.count } ?? true)
        let dictated = String(repeating: "ponga: que diga ", count: 1_250)
        #expect(Extractor.dictatedNote(dictated).count <= dictated.count)
        let notes = Extractor.extract("Indicaciones: " + dictated, requested: nil)
        #expect(notes.values[.notes].map { $0.count <= dictated.count } ?? true)
        let semicolons = "Indicaciones: timbrar" + String(repeating: "; llamar antes", count: 2_500)
        #expect(Extractor.extract(semicolons, requested: nil).values[.notes]?.hasPrefix("timbrar; llamar") == true)
        let labels = String(repeating: "dejar en portería a nombre de Ana Ruiz, ", count: 1_000)
        #expect(Extractor.extract(labels, requested: .notes).values[.name] == nil)
        let city = String(repeating: "Palermo ", count: 5_000) + "en Cali"
        #expect(ColombianPlaces.withoutCity(city).hasSuffix("Palermo"))
    }
}
