import Testing

@testable import Assistant

@Suite("Checkout data read from customers' messages")
struct CheckoutFieldExtractorTests {
    typealias S = CheckoutSlot

    func values(_ text: String, requested: S? = nil) -> [S: String] {
        CheckoutFieldExtractor.extract(text, requested: requested).values
    }

    @Test func oneMessageWithEverything() {
        let text =
            "Buenas, quiero 2 cascos dieléctricos y 2 pares de guantes dieléctricos. Mis datos: Luisa Fernanda Ríos, CC 1.144.056.789, tel 300 456 7812, luisa.rios@hotmail.com, dirección Carrera 100 # 11-60, barrio Ciudad Jardín, entregar en portería"
        let extraction = CheckoutFieldExtractor.extract(text, requested: nil)
        #expect(
            extraction.values == [
                .name: "Luisa Fernanda Ríos", .idNumber: "1.144.056.789", .phone: "300 456 7812",
                .email: "luisa.rios@hotmail.com", .address: "Carrera 100 # 11-60", .neighborhood: "Ciudad Jardín",
                .notes: "entregar en portería",
            ])
        // The products stay in what is left to read.
        #expect(extraction.remainder.contains("quiero 2 cascos dieléctricos y 2 pares de guantes dieléctricos"))
        #expect(!extraction.remainder.contains("1.144"))
    }

    @Test func labelsInAnyOrder() {
        #expect(
            values(
                "dirección: Av 6N # 23-45, barrio Granada, nombre Pedro Pérez, tel 602 392 8926, cc 94.456.123, correo pedro@empresa.com.co"
            ) == [
                .address: "Av 6N # 23-45", .neighborhood: "Granada", .name: "Pedro Pérez", .phone: "602 392 8926",
                .idNumber: "94.456.123", .email: "pedro@empresa.com.co",
            ])
        #expect(
            values("Hernán Darío Velasco cc 16.456.789 cel 3158889900 correo hdvelasco@gmail.com") == [
                .name: "Hernán Darío Velasco", .idNumber: "16.456.789", .phone: "3158889900",
                .email: "hdvelasco@gmail.com",
            ])
        #expect(
            values(
                "Paola Andrea Vélez / 1.151.234.567 / 3137778899 / paola.velez@constructoravelez.co / Av Pasoancho # 70-15 / barrio Caney"
            ) == [
                .name: "Paola Andrea Vélez", .idNumber: "1.151.234.567", .phone: "3137778899",
                .email: "paola.velez@constructoravelez.co", .address: "Av Pasoancho # 70-15", .neighborhood: "Caney",
            ])
    }

    @Test func addressThenNeighbourhoodThenNotes() {
        #expect(
            values("Carrera 24 # 5B-31 barrio Alameda") == [.address: "Carrera 24 # 5B-31", .neighborhood: "Alameda"])
        #expect(
            values("Avenida 3N # 52-18, barrio La Flora, es un local comercial") == [
                .address: "Avenida 3N # 52-18", .neighborhood: "La Flora", .notes: "es un local comercial",
            ])
        #expect(
            values("Calle 13 # 100-35 oficina 402, barrio Ciudad Jardín") == [
                .address: "Calle 13 # 100-35 oficina 402", .neighborhood: "Ciudad Jardín",
            ])
        #expect(
            values("sí pero la dirección ahora es Carrera 66 # 9-100, barrio El Limonar") == [
                .address: "Carrera 66 # 9-100", .neighborhood: "El Limonar",
            ])
    }

    @Test func plainAnswersToTheQuestionAsked() {
        #expect(
            CheckoutFieldExtractor.extract("Carlos Andrés Muñoz", requested: .name).values[.name]
                == "Carlos Andrés Muñoz")
        #expect(values("16.789.432", requested: .idNumber) == [.idNumber: "16.789.432"])
        #expect(values("315 678 9012", requested: .phone) == [.phone: "315 678 9012"])
        #expect(CheckoutFieldExtractor.extract("San Fernando", requested: .neighborhood).freeText == "San Fernando")
        #expect(
            CheckoutFieldExtractor.extract(
                "entregar en la obra, preguntar por el maestro Ramiro", requested: .notes
            )
            .freeText == "entregar en la obra, preguntar por el maestro Ramiro")
        #expect(values("perdón, es 1.143.987.234", requested: .idNumber) == [.idNumber: "1.143.987.234"])
        #expect(values("el celular está mal, es 3001112233") == [.phone: "3001112233"])
        #expect(values("Valentina Rojas, cedula 12345") == [.name: "Valentina Rojas", .idNumber: "12345"])
        #expect(
            values("Clínica Dental Sonría no, perdón, a nombre de Laura Giraldo, cc 1.088.234.567") == [
                .name: "Laura Giraldo", .idNumber: "1.088.234.567",
            ])
    }

    @Test func questionsAndProductsAreNotData() {
        #expect(values("hacen envios a Palmira?", requested: .phone).isEmpty)
        #expect(values("ah, agregue también 2 señales de extintor", requested: .phone).isEmpty)
        #expect(values("quiero 10 pares de guantes de vaqueta y 5 chalecos").isEmpty)
    }
}
