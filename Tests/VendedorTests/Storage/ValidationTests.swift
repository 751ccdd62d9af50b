import Testing

@testable import Core

@Suite("Domain: validation")
struct StorageValidationTests {
    @Test(arguments: [
        ("1.107.654.321", "1107654321"),
        ("123456", "123456"),
        (" 94 456 789 ", "94456789"),
        ("16-789-012", "16789012"),
        ("1234567890", "1234567890"),
    ])
    func acceptsCedulas(raw: String, normalized: String) throws {
        #expect(try Validation.cedula(raw) == normalized)
    }

    @Test(arguments: ["12345", "12345678901", "", "   ", "12a4567", "CC 1234567", "1,234,567"])
    func rejectsCedulas(raw: String) {
        let error = #expect(throws: ValidationError.self) { try Validation.cedula(raw) }
        #expect(error?.campo == "cedula")
        #expect(error?.codigo == "validacion")
    }

    @Test func cedulaLengthMessageIsTheDocumentedOne() {
        let error = #expect(throws: ValidationError.self) { try Validation.cedula("12.345") }
        #expect(error?.mensaje == "La cédula debe tener entre 6 y 10 dígitos.")
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
        #expect(error?.campo == "telefono")
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
        #expect(error?.campo == "correo")
    }

    @Test func namesAreTrimmedAndBounded() throws {
        #expect(try Validation.name("  Ana   María  ") == "Ana María")
        #expect(try Validation.name(String(repeating: "a", count: 120)).count == 120)
        #expect(throws: ValidationError.self) { try Validation.name(String(repeating: "a", count: 121)) }
        let empty = #expect(throws: ValidationError.self) { try Validation.name(" \n ") }
        #expect(empty?.mensaje == "El nombre no puede estar vacío.")
    }

    @Test func pricesAndStockAreWholeNonNegativeNumbers() throws {
        #expect(try Validation.price(0) == 0)
        #expect(try Validation.stock(12) == 12)
        let negative = #expect(throws: ValidationError.self) { try Validation.price(-1) }
        #expect(negative?.campo == "precio")
        #expect(negative?.mensaje == "El precio no puede ser negativo.")
        #expect(throws: ValidationError.self) { try Validation.stock(-3) }
        #expect(try Validation.wholeNumber(parsing: "$45.000", campo: "precio") == 45000)
        #expect(try Validation.wholeNumber(parsing: " 1.234.567 ", campo: "precio") == 1_234_567)
        for bad in ["45000.50", "45,000", "-5", "abc", "", "4.50"] {
            #expect(throws: ValidationError.self, "\(bad)") {
                try Validation.wholeNumber(parsing: bad, campo: "precio")
            }
        }
    }

    @Test func clientValidationCollectsEveryError() {
        let datos = ClienteDatos(cedula: "12", nombre: " ", telefono: "123", correo: "no-es-correo")
        let error = #expect(throws: ValidationErrors.self) { try datos.validated() }
        #expect(error.map { Set($0.errores.map(\.campo)) } == ["cedula", "nombre", "telefono", "correo"])
        #expect(error?.codigo == "validacion")
    }

    @Test func clientValidationNormalizes() throws {
        let datos = try Fixtures.cliente.validated(requiringPhone: true)
        #expect(datos.cedula == "1107654321")
        #expect(datos.nombre == "Ana María Gómez")
        #expect(datos.telefono == "3182842304")
        #expect(datos.correo == "ana.gomez@example.com")
        let sinTelefono = ClienteDatos(cedula: "1234567", nombre: "Luis")
        #expect(try sinTelefono.validated().telefono == nil)
        let error = #expect(throws: ValidationErrors.self) { try sinTelefono.validated(requiringPhone: true) }
        #expect(error?.errores(campo: "telefono").count == 1)
    }

    @Test func orderRequestMergesDuplicateLinesAndRejectsBadQuantities() throws {
        let merged = try Fixtures.order([(2, 3), (1, 1), (2, 4)]).validated()
        #expect(merged.items == [.init(productoId: 2, cantidad: 7), .init(productoId: 1, cantidad: 1)])
        let error = #expect(throws: ValidationErrors.self) { try Fixtures.order([(1, 0), (2, -1)]).validated() }
        #expect(error?.errores(campo: "cantidad").count == 2)
        #expect(throws: ValidationErrors.self) { try Fixtures.order([]).validated() }
    }

    @Test func orderStatesParseLeniently() throws {
        #expect(try EstadoPedido(parsing: " Enviado ") == .enviado)
        #expect(throws: ValidationError.self) { try EstadoPedido(parsing: "perdido") }
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
        let range = try DateRange(desde: "2025-03-01", hasta: "2025-03-01")
        #expect(range.hastaExclusive?.timeIntervalSince(range.desde!) == 86_400)
        let error = #expect(throws: ValidationErrors.self) { try DateRange(desde: "ayer", hasta: "2025-13-01") }
        #expect(error.map { Set($0.errores.map(\.campo)) } == ["desde", "hasta"])
        #expect(throws: ValidationErrors.self) { try DateRange(desde: "2025-03-02", hasta: "2025-03-01") }
        #expect(try DateRange(desde: "2025-03-01T10:00:00Z", hasta: nil).desde != nil)
    }
}
