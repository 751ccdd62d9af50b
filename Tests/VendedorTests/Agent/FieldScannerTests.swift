import Testing

@testable import Assistant

/// How the checkout scanner groups digits written apart (issue 16): a phone or a cédula
/// written in groups is one number, and the stray digits around it (quantities, house
/// numbers, a hostile run of ones) are numbers of their own.
@Suite("FieldScanner: digit groups make one number only in a phone's or a cédula's shape")
struct FieldScannerTests {
    /// The digits of each number the scanner found, in order.
    func numbers(_ text: String) -> [String] {
        FieldScanner(text).entities.compactMap { entity in
            if case .number(let digits, _) = entity.kind { return digits }
            return nil
        }
    }

    @Test func phonesWrittenInGroupsAreOneNumber() {
        #expect(numbers("mi cel es 321 654 0987") == ["3216540987"])
        #expect(numbers("llámeme al 310 2223344 en la tarde") == ["3102223344"])
        #expect(numbers("fijo (604) 448 1290") == ["6044481290"])
        #expect(numbers("+57 300 765 4321") == ["573007654321"])
        #expect(numbers("57 3209876543") == ["573209876543"])
        #expect(numbers("wasap 317-555-0192") == ["3175550192"])
        #expect(numbers("el número es 350 12 34 567") == ["3501234567"])
    }

    @Test func landlinesAndCedulasWrittenInGroupsAreOneNumber() {
        #expect(numbers("teléfono de la oficina 385 4410") == ["3854410"])
        #expect(numbers("fijo 447 22 81") == ["4472281"])
        #expect(numbers("cédula 1 094 223 871") == ["1094223871"])
        #expect(numbers("cc 43 512 908") == ["43512908"])
        #expect(numbers("documento 1.094 223 871") == ["1094223871"])
        #expect(numbers("cédula 71.204.556") == ["71204556"])
    }

    @Test func strayDigitsAroundAPhoneAreNotGluedOn() {
        #expect(numbers("2 2 2 318 406 7751 9") == ["2", "2", "2", "3184067751", "9"])
        #expect(numbers("son 4 cascos, 3 312 908 4455") == ["4", "3", "3129084455"])
        #expect(numbers("1 1 300 1112233 1") == ["1", "1", "3001112233", "1"])
        #expect(numbers("15 300 221 0098 7") == ["15", "3002210098", "7"])
        #expect(numbers("apto 5 3 2 1 6 8 7 4") == ["5", "3", "2", "1", "6", "8", "7", "4"])
    }

    @Test func strayDigitsAroundACedulaAreNotGluedOn() {
        #expect(numbers("9 9 1 094 223 871") == ["9", "9", "1094223871"])
        #expect(numbers("cc 52 118 340 6 6") == ["52118340", "6", "6"])
    }

    @Test func groupsOfNoNumberShapeStayApart() {
        #expect(numbers("quiero 12 34 56") == ["12", "34", "56"])
        #expect(numbers("tallas 38 40 42 44") == ["38", "40", "42", "44"])
        #expect(numbers("1 2 3 4 5 6 7 8 9 0") == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"])
        #expect(numbers("lote 12345 67") == ["12345", "67"])
    }

    @Test func theCheckoutReadsTheGroupedNumbersIntoTheirSlots() {
        let values = CheckoutFieldExtractor.extract(
            "son 2 cascos y 1 arnés, cel 319 207 4466, cc 80 441 276", requested: nil
        ).values
        #expect(values[.phone] == "319 207 4466")
        #expect(values[.idNumber] == "80 441 276")
        #expect(
            CheckoutFieldExtractor.extract("1 1 318 406 7751 1", requested: .phone).values == [
                .phone: "318 406 7751"
            ])
    }

    /// The addresses the scanner found, as text.
    func addresses(_ text: String) -> [String] {
        let characters = Array(text)
        return FieldScanner(text).entities.compactMap { entity in
            if case .address = entity.kind { return String(characters[entity.range]) }
            return nil
        }
    }

    /// A street word whose number lies past the end of its piece is a story about a street and
    /// a count, no address; the same words with the number in the piece are one.
    @Test func aStreetWordBeforeACountInTheNextPieceIsNoAddress() {
        #expect(addresses("pa un arreglo en la carrera les encargo: 4 conos y 2 vallas").isEmpty)
        #expect(addresses("estamos en la avenida principal. 6 cascos blancos porfa").isEmpty)
        #expect(addresses("quedamos en la calle Caldas 12-40, frente al parque") == ["calle Caldas 12-40"])
        #expect(addresses("Cra. 15 # 20-30, apto 201") == ["Cra. 15 # 20-30, apto 201"])
    }

    /// Hostile shapes at the street-number check: thousands of street words whose counts lie in
    /// the next piece are no address and trap nothing; one real address after them still is.
    @Test func aFloodOfStreetWordsBeforeCountsIsNoAddress() {
        let flood = String(repeating: "en la calle necesito: 10 conos. ", count: 3_000)
        #expect(addresses(flood).isEmpty)
        #expect(addresses(flood + "Calle 5 # 38-21") == ["Calle 5 # 38-21"])
        #expect(addresses("calle: 99999999999999999999 conos").isEmpty)
    }
}
