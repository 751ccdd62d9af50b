import Testing

@testable import Assistant
@testable import SpanishText

@Suite("Quantities in Spanish: digits, words, dozens, pairs; sizes and prices are not quantities")
struct QuantityParserTests {
    func counts(_ text: String) -> [Int] {
        QuantityParser.counts(in: Words(text)).map(\.value)
    }

    /// Containers are counted ("dos galones de jabón"), a size is not ("extintor de 2
    /// galones"); a number joining a feature to a thing already named is no order, one after
    /// "me colabora con" is.
    @Test func containersFeaturesAndRequests() {
        #expect(counts("quería pedir diez galones de jabón antibacterial") == [10])
        #expect(counts("un extintor de 2 galones") == [1])
        let filtered = { (text: String) in QuantityFilter.counts(in: Words(text)).map(\.value) }
        #expect(filtered("me interesan las máscaras de media cara con dos filtros") == [])
        #expect(filtered("necesito un arnés con 2 argollas") == [1])
        #expect(filtered("me colabora con 5 guantes de vaqueta") == [5])
        #expect(filtered("ok, con 3 estoy bien") == [3])
    }

    @Test func digitsAndWords() {
        #expect(counts("quiero 10 pares de guantes de vaqueta y 5 chalecos") == [10, 5])
        #expect(counts("quiero veinte pares de guantes de nitrilo y quince tapabocas N95") == [20, 15])
        #expect(counts("treinta y cinco conos y ciento veinte tapabocas") == [35, 120])
        #expect(counts("necesito 2 docenas de tapabocas N95") == [24])
        #expect(counts("una docena de tapaoídos") == [12])
        #expect(counts("media docena de chalecos") == [6])
        #expect(counts("dos mil sellos") == [2000])
        #expect(counts("chalecos reflectivos x 12") == [12])
    }

    @Test func sizesCodesAndPricesAreNotQuantities() {
        #expect(counts("2 extintores de 9 kilos") == [2])
        #expect(counts("tapabocas de 3 pliegues") == [])
        #expect(counts("el extintor PQS de 10 libras") == [])
        #expect(counts("guantes talla 9") == [])
        #expect(QuantityParser.mentions(in: Words("el de 14 mil")).map(\.kind) == [.price])
        #expect(QuantityParser.mentions(in: Words("el de $14.000")).map(\.value) == [14000])
    }

    @Test func pairsAndUnits() {
        let mention = QuantityParser.counts(in: Words("un par de guantes de neopreno")).first
        #expect(mention?.value == 1)
        #expect(mention?.pairs == true)
        #expect(QuantityParser.counts(in: Words("3 rollos de cinta")).first?.range == 0..<3)
    }

    @Test func wholeWordsOnly() {
        #expect(Words("tienen sistema de alarma?").contains("si") == false)
        #expect(Words("sí, confirmo").contains("si"))
        #expect(Words("1.107.654.321").texts == ["1.107.654.321"])
    }
}
