import Testing

@testable import Shop

@Suite("Domain: validation")
struct StorageValidationTests {
    @Test(arguments: [
        ("1.107.654.321", "1107654321"),
        ("123456", "123456"),
        (" 94 456 789 ", "94456789"),
        ("16-789-012", "16789012"),
        ("1234567890", "1234567890"),
    ])
    func acceptsIdNumbers(raw: String, normalized: String) throws {
        #expect(try Validation.idNumber(raw) == normalized)
    }

    @Test(arguments: ["12345", "12345678901", "", "   ", "12a4567", "CC 1234567", "1,234,567"])
    func rejectsIdNumbers(raw: String) {
        let error = #expect(throws: ValidationError.self) { try Validation.idNumber(raw) }
        #expect(error?.field == "cedula")
        #expect(error?.code == .validation)
    }

    @Test func idNumberLengthMessageIsTheDocumentedOne() {
        let error = #expect(throws: ValidationError.self) { try Validation.idNumber("12.345") }
        #expect(error?.message == "La cédula debe tener entre 6 y 10 dígitos.")
    }

    @Test(arguments: [
        ("3182842304", "3182842304"),
        ("+57 318 284 2304", "3182842304"),
        ("57 3182842304", "3182842304"),
        ("318-284-2304", "3182842304"),
        ("(602) 3928926", "6023928926"),
        ("+57 602 392 8926", "6023928926"),
        ("3928926", "3928926"),
        ("392-89-26", "3928926"),
    ])
    func acceptsPhones(raw: String, normalized: String) throws {
        #expect(try Validation.phone(raw) == normalized)
    }

    @Test(arguments: [
        "318284230", "31828423045", "2182842304", "5182842304", "+1 318 284 2304", "318 ABC 2304", "", "123456",
        "12345678", "6123928926",
    ])
    func rejectsPhones(raw: String) {
        let error = #expect(throws: ValidationError.self) { try Validation.phone(raw) }
        #expect(error?.field == "telefono")
    }

    @Test(arguments: [
        ("ana@example.com", "ana@example.com"),
        (" Ana.Gomez@Empresa.COM.co ", "ana.gomez@empresa.com.co"),
        ("seguridad@sextinvalle.com.co", "seguridad@sextinvalle.com.co"),
        ("a+ventas@sub-dominio.example.org", "a+ventas@sub-dominio.example.org"),
    ])
    func acceptsEmails(raw: String, normalized: String) throws {
        #expect(try Validation.email(raw) == normalized)
    }

    @Test(arguments: [
        "ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana @example.com", "ana@example.c",
        ".ana@example.com", "ana..g@example.com", "ana@-example.com", "ana@example.123", "",
    ])
    func rejectsEmails(raw: String) {
        let error = #expect(throws: ValidationError.self) { try Validation.email(raw) }
        #expect(error?.field == "correo")
    }

    @Test func namesAreTrimmedAndBounded() throws {
        #expect(try Validation.name("  Ana   María  ") == "Ana María")
        #expect(try Validation.name(String(repeating: "a", count: 120)).count == 120)
        #expect(throws: ValidationError.self) { try Validation.name(String(repeating: "a", count: 121)) }
        let empty = #expect(throws: ValidationError.self) { try Validation.name(" \n ") }
        #expect(empty?.message == "El nombre no puede estar vacío.")
    }

    @Test func pricesAndStockAreWholeNonNegativeNumbers() throws {
        #expect(try Validation.price(0) == 0)
        #expect(try Validation.stock(12) == 12)
        let negative = #expect(throws: ValidationError.self) { try Validation.price(-1) }
        #expect(negative?.field == "precio")
        #expect(negative?.message == "El precio no puede ser negativo.")
        #expect(throws: ValidationError.self) { try Validation.stock(-3) }
        #expect(try Validation.wholeNumber(parsing: "$45.000", field: "precio") == 45000)
        #expect(try Validation.wholeNumber(parsing: " 1.234.567 ", field: "precio") == 1_234_567)
        for bad in ["45000.50", "45,000", "-5", "abc", "", "4.50"] {
            #expect(throws: ValidationError.self, "\(bad)") {
                try Validation.wholeNumber(parsing: bad, field: "precio")
            }
        }
    }

    @Test func clientValidationCollectsEveryError() {
        let details = ClientDetails(idNumber: "12", name: " ", phone: "123", email: "no-es-correo")
        let error = #expect(throws: ValidationErrors.self) { try details.validated() }
        #expect(error.map { Set($0.errors.map(\.field)) } == ["cedula", "nombre", "telefono", "correo"])
        #expect(error?.code == .validation)
    }

    @Test func clientValidationNormalizes() throws {
        let details = try Fixtures.client.validated(requiringPhone: true)
        #expect(details.idNumber == "1107654321")
        #expect(details.name == "Ana María Gómez")
        #expect(details.phone == "3182842304")
        #expect(details.email == "ana.gomez@example.com")
        let withoutPhone = ClientDetails(idNumber: "1234567", name: "Luis")
        #expect(try withoutPhone.validated().phone == nil)
        let error = #expect(throws: ValidationErrors.self) { try withoutPhone.validated(requiringPhone: true) }
        #expect(error?.errors(field: "telefono").count == 1)
    }

    @Test func orderRequestMergesDuplicateLinesAndRejectsBadQuantities() throws {
        let merged = try Fixtures.order([(2, 3), (1, 1), (2, 4)]).validated()
        #expect(merged.items == [.init(productId: 2, quantity: 7), .init(productId: 1, quantity: 1)])
        let error = #expect(throws: ValidationErrors.self) { try Fixtures.order([(1, 0), (2, -1)]).validated() }
        #expect(error?.errors(field: "cantidad").count == 2)
        #expect(throws: ValidationErrors.self) { try Fixtures.order([]).validated() }
    }

    @Test func orderStatesParseLeniently() throws {
        #expect(try OrderState(parsing: " Enviado ") == .sent)
        #expect(throws: ValidationError.self) { try OrderState(parsing: "perdido") }
    }
}

@Suite("Domain: money")
struct StorageMoneyTests {
    @Test(arguments: [
        (0, "$0"), (500, "$500"), (45000, "$45.000"), (1_234_567, "$1.234.567"), (100_000, "$100.000"),
        (999, "$999"), (1000, "$1.000"), (-45000, "-$45.000"),
    ])
    func formatsWholePesos(pesos: Int, text: String) {
        #expect(Money.format(pesos) == text)
    }
}

@Suite("Domain: dates")
struct StorageShopCalendarTests {
    @Test func shopDaysAreColombianDays() throws {
        let start = try #require(ShopCalendar.startOfDay("2025-03-01"))
        #expect(start.timeIntervalSince1970 == 1_740_805_200)  // 2025-03-01T05:00:00Z
        #expect(ShopCalendar.day(of: start) == "2025-03-01")
        #expect(ShopCalendar.day(of: start.addingTimeInterval(-1)) == "2025-02-28")
        #expect(ShopCalendar.startOfDay("2025-02-29") == nil)
        #expect(ShopCalendar.startOfDay("2024-02-29") != nil)
        #expect(ShopCalendar.startOfDay("01/03/2025") == nil)
    }

    @Test func dateRangesValidateTheirBounds() throws {
        let range = try DateRange(since: "2025-03-01", until: "2025-03-01")
        #expect(range.untilExclusive?.timeIntervalSince(range.since!) == 86_400)
        let error = #expect(throws: ValidationErrors.self) { try DateRange(since: "ayer", until: "2025-13-01") }
        #expect(error.map { Set($0.errors.map(\.field)) } == ["desde", "hasta"])
        #expect(throws: ValidationErrors.self) { try DateRange(since: "2025-03-02", until: "2025-03-01") }
        #expect(try DateRange(since: "2025-03-01T10:00:00Z", until: nil).since != nil)
    }
}
