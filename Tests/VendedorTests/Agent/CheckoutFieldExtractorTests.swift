import Core
import Testing

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
                .nombre: "Luisa Fernanda Ríos", .cedula: "1.144.056.789", .telefono: "300 456 7812",
                .correo: "luisa.rios@hotmail.com", .direccion: "Carrera 100 # 11-60", .barrio: "Ciudad Jardín",
                .indicaciones: "entregar en portería",
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
                .direccion: "Av 6N # 23-45", .barrio: "Granada", .nombre: "Pedro Pérez", .telefono: "602 392 8926",
                .cedula: "94.456.123", .correo: "pedro@empresa.com.co",
            ])
        #expect(
            values("Hernán Darío Velasco cc 16.456.789 cel 3158889900 correo hdvelasco@gmail.com") == [
                .nombre: "Hernán Darío Velasco", .cedula: "16.456.789", .telefono: "3158889900",
                .correo: "hdvelasco@gmail.com",
            ])
        #expect(
            values(
                "Paola Andrea Vélez / 1.151.234.567 / 3137778899 / paola.velez@constructoravelez.co / Av Pasoancho # 70-15 / barrio Caney"
            ) == [
                .nombre: "Paola Andrea Vélez", .cedula: "1.151.234.567", .telefono: "3137778899",
                .correo: "paola.velez@constructoravelez.co", .direccion: "Av Pasoancho # 70-15", .barrio: "Caney",
            ])
    }

    @Test func addressThenNeighbourhoodThenNotes() {
        #expect(values("Carrera 24 # 5B-31 barrio Alameda") == [.direccion: "Carrera 24 # 5B-31", .barrio: "Alameda"])
        #expect(
            values("Avenida 3N # 52-18, barrio La Flora, es un local comercial") == [
                .direccion: "Avenida 3N # 52-18", .barrio: "La Flora", .indicaciones: "es un local comercial",
            ])
        #expect(
            values("Calle 13 # 100-35 oficina 402, barrio Ciudad Jardín") == [
                .direccion: "Calle 13 # 100-35 oficina 402", .barrio: "Ciudad Jardín",
            ])
        #expect(
            values("sí pero la dirección ahora es Carrera 66 # 9-100, barrio El Limonar") == [
                .direccion: "Carrera 66 # 9-100", .barrio: "El Limonar",
            ])
    }

    @Test func plainAnswersToTheQuestionAsked() {
        #expect(
            CheckoutFieldExtractor.extract("Carlos Andrés Muñoz", requested: .nombre).values[.nombre]
                == "Carlos Andrés Muñoz")
        #expect(values("16.789.432", requested: .cedula) == [.cedula: "16.789.432"])
        #expect(values("315 678 9012", requested: .telefono) == [.telefono: "315 678 9012"])
        #expect(CheckoutFieldExtractor.extract("San Fernando", requested: .barrio).freeText == "San Fernando")
        #expect(
            CheckoutFieldExtractor.extract(
                "entregar en la obra, preguntar por el maestro Ramiro", requested: .indicaciones
            )
            .freeText == "entregar en la obra, preguntar por el maestro Ramiro")
        #expect(values("perdón, es 1.143.987.234", requested: .cedula) == [.cedula: "1.143.987.234"])
        #expect(values("el celular está mal, es 3001112233") == [.telefono: "3001112233"])
        #expect(values("Valentina Rojas, cedula 12345") == [.nombre: "Valentina Rojas", .cedula: "12345"])
        #expect(
            values("Clínica Dental Sonría no, perdón, a nombre de Laura Giraldo, cc 1.088.234.567") == [
                .nombre: "Laura Giraldo", .cedula: "1.088.234.567",
            ])
    }

    @Test func questionsAndProductsAreNotData() {
        #expect(values("hacen envios a Palmira?", requested: .telefono).isEmpty)
        #expect(values("ah, agregue también 2 señales de extintor", requested: .telefono).isEmpty)
        #expect(values("quiero 10 pares de guantes de vaqueta y 5 chalecos").isEmpty)
    }
}
