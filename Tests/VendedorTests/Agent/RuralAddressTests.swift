import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Rural and site addresses, cities beside a neighbourhood and names said with their town
/// (issue 22, fourth round): before, "Hacienda …, km …" lost the hacienda and its name
/// replaced the customer's, "…, bodega principal" became the neighbourhood, "Jardín, Palmira"
/// kept the city and "Yolanda Rivas de Cartago" was a name. New phrasings, none from an
/// evaluation set.
@Suite struct RuralAddressTests {
    @Test func aSiteBeforeTheStreetIsPartOfTheAddress() {
        let comma = CheckoutFieldExtractor.extract("Hacienda Las Palmas, km 12 vía a Dagua", requested: .address)
        #expect(comma.values[.address] == "Hacienda Las Palmas, km 12 vía a Dagua")
        #expect(comma.values[.name] == nil)
        let plain = CheckoutFieldExtractor.extract("parcela El Mirador kilómetro 3 vía Rozo", requested: .address)
        #expect(plain.values[.address] == "parcela El Mirador kilómetro 3 vía Rozo")
        let road = CheckoutFieldExtractor.extract("Carretera Central km 40, caseta azul", requested: .address)
        #expect(road.values[.address]?.hasPrefix("Carretera Central km 40") == true)
        // A site word inside a sentence is no part of the address ("para la bodega, calle…").
        let sentence = CheckoutFieldExtractor.extract(
            "son para la bodega, Calle 9 # 4-12", requested: .address)
        #expect(sentence.values[.address] == "Calle 9 # 4-12")
    }

    /// An island or a village without numbered streets: the inn or hotel is the address
    /// (found on the l-set: "Posada Miss Doris, sobre la vía principal" was refused).
    @Test func aPlaceKnownByItsNameIsAnAddress() throws {
        #expect(try CheckoutForm.validate(.address, "Hostal Brisas del Mar") == "Hostal Brisas del Mar")
        #expect(try CheckoutForm.validate(.address, "Cabañas El Manglar") == "Cabañas El Manglar")
        // A bare place still needs a number or a rural word.
        #expect(throws: ValidationError.self) { try CheckoutForm.validate(.address, "donde Marina") }
    }

    /// A block of labelled lines with the neighbourhood on a line of its own: the address
    /// line is the address, commas and all (found on the l-set: "Dir: Carrera 4 # 17-21,
    /// frente al malecón" kept only the street). Not in a sentence ("…, en el barrio …"),
    /// not over an e-mail or phone on the same line.
    @Test func anAddressLineOfALabelledBlockIsTheAddress() {
        let block = CheckoutFieldExtractor.extract(
            "Nombre: Rosa Peña\nDirección: Calle 9 # 14-20, bodega 3, al lado de la bomba\nBarrio: Centro\n"
                + "Cel: 3105558899", requested: nil)
        #expect(block.values[.address] == "Calle 9 # 14-20, bodega 3, al lado de la bomba")
        #expect(block.values[.neighborhood] == "Centro")
        let site = CheckoutFieldExtractor.extract(
            "Dirección: Km 3 vía al Mar, Planta 2 / Barrio: Zona Franca", requested: nil)
        #expect(site.values[.address] == "Km 3 vía al Mar, Planta 2")
        let sentence = CheckoutFieldExtractor.extract(
            "La dirección es Carrera 8 # 20-11, en el barrio San Fernando", requested: nil)
        #expect(sentence.values[.address] == "Carrera 8 # 20-11")
        let email = CheckoutFieldExtractor.extract(
            "Dirección: Carrera 8 # 20-11 apto 3, rosa.pena@gmail.com\nBarrio: San Fernando", requested: nil)
        #expect(email.values[.address] == "Carrera 8 # 20-11 apto 3")
        // Hostile: a line of thousands of pieces is read once and bounded by the field's length.
        let long = CheckoutFieldExtractor.extract(
            "Dirección: Calle 1 # 2-3" + String(repeating: ", y en el", count: 5_000) + "\nBarrio: Centro",
            requested: nil)
        #expect(long.values[.address] == "Calle 1 # 2-3")
    }

    @Test func aSiteAfterTheAddressNeedsNoNumberOrName() {
        let site = CheckoutFieldExtractor.extract("Km 8 vía al mar, bodega principal", requested: .address)
        #expect(site.values[.address] == "Km 8 vía al mar, bodega principal")
        #expect(site.values[.neighborhood] == nil)
        // A place named after the address is still its neighbourhood.
        let place = CheckoutFieldExtractor.extract("Calle 14 # 22-10, Santa Mónica", requested: .address)
        #expect(place.values[.address] == "Calle 14 # 22-10" && place.values[.neighborhood] == "Santa Mónica")
    }

    @Test func aKnownNameIsNotReplacedByAGuess() {
        // "Granja Los Cerezos" looks like a name, but the form holds one and asked for the address.
        let known = CheckoutFieldExtractor.extract(
            "Los Cerezos Restrepo, carrera 3 # 5-20", requested: .address, known: [.name])
        #expect(known.values[.name] == nil)
        #expect(!CheckoutFieldExtractor.looksLikeName("Granja Los Cerezos"))
        #expect(CheckoutFieldExtractor.looksLikeName("Luz Marina Restrepo"))
    }

    @Test func aCityBesideTheNeighborhoodIsNeither() {
        let answer = CheckoutFieldExtractor.extract("El Jardín, Palmira", requested: .neighborhood)
        #expect(answer.freeText == "El Jardín")
        let twoWords = CheckoutFieldExtractor.extract("Calle 3 # 4-50, Santander de Quilichao", requested: .address)
        #expect(twoWords.values[.neighborhood] == nil)
        // A city alone stays the answer (the customer may mean it).
        #expect(CheckoutFieldExtractor.extract("Palmira", requested: .neighborhood).freeText == "Palmira")
        // Nor is it part of an address without a street ("finca …, Tuluá").
        let site = CheckoutFieldExtractor.extract("hacienda San José, Buga", requested: .address)
        #expect(site.freeText == "hacienda San José")
        #expect(ColombianPlaces.isCity(Words("Santander de Quilichao")))
        #expect(!ColombianPlaces.isCity(Words("San Fernando")))
    }

    @Test func aVeredaKeepsItsWord() {
        let labelled = CheckoutFieldExtractor.extract("barrio: es la vereda El Queremal", requested: .neighborhood)
        #expect(labelled.values[.neighborhood] == "vereda El Queremal")
        let plain = CheckoutFieldExtractor.extract("es la vereda El Queremal", requested: .neighborhood)
        #expect(plain.freeText == "vereda El Queremal")
        #expect(CheckoutFieldExtractor.stripNeighborhood("la vereda Pichindé") == "vereda Pichindé")
        #expect(CheckoutFieldExtractor.stripNeighborhood("es La Floresta") == "La Floresta")
    }

    @Test func aTownAfterTheNameIsNoSurname() {
        let said = CheckoutFieldExtractor.extract(
            "buenas, le habla Yolanda Rivas de Cartago, cédula 31.456.789", requested: nil)
        #expect(said.values[.name] == "Yolanda Rivas")
        #expect(!CheckoutFieldExtractor.looksLikeName("Yolanda Rivas de Cartago"))
        #expect(CheckoutFieldExtractor.looksLikeName("Yolanda Rivas de la Cruz"))
    }

    @Test func wordsSaidJoinedAreOneMailbox() {
        #expect(
            SpokenEmail.rewrite("el correo es dora lucia todo pegado arroba yahoo punto es")
                == "el correo es doralucia@yahoo.es")
        #expect(SpokenEmail.rewrite("correo pipe sin espacios arroba gmail punto com") == "correo pipe@gmail.com")
        // Hostile: many words before the remark are bounded.
        let long = String(repeating: "palabra ", count: 500) + "todo junto arroba gmail punto com"
        let rewritten = SpokenEmail.rewrite(long)
        #expect(rewritten.hasSuffix("palabrapalabrapalabrapalabra@gmail.com"))
    }

    @Test func aShortNameGivesWayToTheStoredOne() async throws {
        #expect(SalesAgent.shortens("Rubén Ortiz", "Rubén Darío Ortiz Peña"))
        #expect(!SalesAgent.shortens("Rubén Ortiz Peña", "Rubén Ortiz"))
        #expect(!SalesAgent.shortens("Carlos Ortiz", "Rubén Darío Ortiz Peña"))
        // "les escribe Luz de Ferretería El Tornillo": the words after "de" may be the shop.
        #expect(SalesAgent.shortens("Luz de Ferretería El Tornillo", "Luz Dary Castaño Ríos"))
        #expect(!SalesAgent.shortens("Ana de Pereira", "Luz Dary Castaño Ríos"))
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(
            ClientDetails(
                idNumber: "43218765", name: "Rubén Darío Ortiz Peña", phone: "3104449911",
                email: "rdortiz@example.com", address: "Calle 30 # 8-14", neighborhood: "Obrero", notes: nil))
        _ = try await h.say("s1", "buenas, le escribe Rubén Ortiz, cédula 43218765, necesito 2 conos de señalización")
        _ = try await h.say("s1", "eso es todo, los mismos datos de siempre")
        _ = try await h.say("s1", "sí, confirmo")
        let order = try #require(try h.orders(chatId: "s1").first)
        #expect(order.client.name == "Rubén Darío Ortiz Peña")
        await h.tearDown()
    }

    /// Hostile: a site word far before the street (past `maxSiteNameWords`) is no part of the
    /// address, and a long run of words is walked back only that far.
    @Test func aSiteIsLookedForOnlyAFewWordsBack() {
        let far = CheckoutFieldExtractor.extract(
            "finca uno dos tres cuatro cinco seis siete, Calle 9 # 4-12", requested: .address)
        #expect(far.values[.address] == "Calle 9 # 4-12")
        let long = String(repeating: "palabra ", count: 900) + "Calle 9 # 4-12"
        #expect(CheckoutFieldExtractor.extract(long, requested: .address).values[.address] == "Calle 9 # 4-12")
    }

    /// Hostile: only a short delivery phrase right before the address is dropped as its lead
    /// (`maxAddressLeadWords`); a long note there stays the note.
    @Test func onlyAShortLeadIntoTheAddressIsDropped() {
        let data = CheckoutFieldExtractor.extract(
            "Nombre: Ana Ríos, cc 31.222.876, entregar en la portería principal del edificio azul grande "
                + "Calle 9 # 4-12",
            requested: nil)
        #expect(data.values[.address] == "Calle 9 # 4-12")
        #expect(data.values[.notes]?.hasPrefix("entregar en la portería") == true, "\(data.values)")
    }
}
