import Foundation
import Testing

@testable import Assistant
@testable import SpanishText

/// Delivery notes said after the neighbourhood without punctuation (a voice note, a long
/// sentence) and notes about who receives (seventh round). New phrasings, none from an
/// evaluation set.
@Suite struct CheckoutSpokenNotesTests {
    typealias Extractor = CheckoutFieldExtractor

    @Test func aClauseAfterTheNeighborhoodIsTheNote() {
        let joined = Extractor.extract(
            "calle 12 número 4 30 barrio la esperanza y pues la casa es la de la reja azul", requested: nil)
        #expect(joined.values[.neighborhood] == "la esperanza")
        #expect(joined.values[.notes] == "la casa es la de la reja azul")
        let copula = Extractor.extract(
            "carrera 3 número 15 40 barrio san nicolás en palmira es el taller de motos de la esquina",
            requested: nil)
        #expect(copula.values[.neighborhood] == "san nicolás")
        #expect(copula.values[.notes] == "es el taller de motos de la esquina")
        let named = Extractor.extract(
            "Calle 50 # 10-20 barrio Alfonso López, la tienda se llama Donde Chucho", requested: nil)
        #expect(named.values[.neighborhood] == "Alfonso López")
        #expect(named.values[.notes] == "la tienda se llama Donde Chucho")
    }

    @Test func aNeighborhoodWithAConjunctionInItsNameStays() {
        let name = Extractor.extract("Cra 4 # 5-60 barrio San Pedro y San Pablo", requested: nil)
        #expect(name.values[.neighborhood] == "San Pedro y San Pablo")
        #expect(name.values[.notes] == nil)
    }

    @Test func aNoteAboutWhoReceivesIsRead() {
        let block = Extractor.extract(
            "Juan Pablo Erazo, CC 98.765.123, cel 3157771122, Calle 9 # 3-12, barrio Granada, Pasto. "
                + "Si no contesto, que reciba mi hijo Julián",
            requested: nil)
        #expect(block.values[.neighborhood] == "Granada")
        #expect(block.values[.notes] == "Si no contesto, que reciba mi hijo Julián")
        #expect(Extractor.extract("que lo reciba la señora del aseo", requested: .notes).freeText != nil)
        let single = Extractor.extract(
            "Reciba un cordial saludo. Necesito 2 botiquines. CC 98.765.123, barrio Granada", requested: nil)
        #expect(single.values[.notes] == nil)
        // "reciban un cordial saludo" is a greeting, no note.
        let greeting = Extractor.extract(
            "Buenas tardes, reciban un cordial saludo, necesito 3 conos. CC 98.765.123, barrio Granada", requested: nil)
        #expect(greeting.values[.notes] == nil)
    }

    @Test func aRequestAfterTheNeighborhoodIsNoNote() {
        let order = Extractor.extract(
            "Cl 8 # 20-11 barrio Bretaña, y me manda también 2 guantes de vaqueta", requested: nil)
        #expect(order.values[.neighborhood] == "Bretaña")
        #expect(order.values[.notes] == nil)
        let question = Extractor.extract("Cl 8 # 20-11 barrio Bretaña, cuánto se demora el envío?", requested: nil)
        #expect(question.values[.notes] == nil)
    }
}

extension CheckoutSpokenNotesTests {
    @Test func aCityOrADeniedNeighborhoodIsNoNote() {
        let city = Extractor.extract(
            "Cra 2 # 3-45, barrio Las Palmas, en Santander de Quilichao, sin indicaciones", requested: nil)
        #expect(city.values[.neighborhood] == "Las Palmas")
        #expect(city.values[.notes] == nil)
        let denied = Extractor.extract("el barrio no es Junín, es San Cayetano", requested: nil)
        #expect(denied.values[.neighborhood] == "San Cayetano")
        // A copula after words that only lead to the value introduces it.
        let now = Extractor.extract("sí, pero el barrio ahora es La Floresta", requested: nil)
        #expect(now.values[.neighborhood] == "La Floresta")
    }
}

extension CheckoutSpokenNotesTests {
    @Test func underscoresAndDashesDictatedInAnEmail() {
        #expect(
            SpokenEmail.rewrite("el correo es yeison guion bajo mena arroba gmail punto com")
                == "el correo es yeison_mena@gmail.com")
        #expect(SpokenEmail.rewrite("ana guion perez arroba yahoo punto es") == "ana-perez@yahoo.es")
        #expect(SpokenEmail.rewrite("lina raya al piso soto arroba hotmail punto com") == "lina_soto@hotmail.com")
        #expect(
            SpokenEmail.rewrite("marta punto gil guion bajo r arroba outlook punto com") == "marta.gil_r@outlook.com")
        // A flood of marks stays bounded (four parts at most) and traps nothing.
        let flood = String(repeating: "guion bajo x ", count: 3_000) + "arroba gmail punto com"
        #expect(SpokenEmail.rewrite(flood).hasSuffix("@gmail.com"))
    }
}

extension CheckoutSpokenNotesTests {
    /// Hostile: a sentence after the neighbourhood longer than the bound is no note; a message
    /// of thousands of pieces after it traps nothing.
    @Test func aSentenceAboutThePlaceIsBounded() {
        let long = String(repeating: "el taller se llama Motos Ruiz ", count: 8)
        let beyond = Extractor.extract("Cra 2 # 3-45, barrio Las Palmas, " + long, requested: nil)
        #expect(beyond.values[.notes] == nil)
        #expect(!CheckoutFieldExtractor.saysAboutThePlace(Words(long)))
        let flood = Extractor.extract(
            "Cra 2 # 3-45, barrio Las Palmas" + String(repeating: ", la casa es azul", count: 5_000), requested: nil)
        #expect(flood.values[.neighborhood] == "Las Palmas")
    }
}
