import Foundation

/// The paraphrase banks of the customer simulator (`data/evaluacion/simulador/`): how
/// customers name products, phrase requests, state quantities, give their data, and the
/// noise of chat messages. Each file explains its format in Spanish in its header.
struct SimulatorBanks: Sendable {
    var productForms: [ProductForm]
    var phrases: Phrases
    var people: People
    var quantities: Quantities
    var noise: Noise

    static let defaultDirectory = "data/evaluacion/simulador"

    static func load(directory: String = defaultDirectory) throws -> SimulatorBanks {
        func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
            let path = directory + "/" + file
            do {
                return try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw BenchError("no se pudo leer \(path): \(error)")
            }
        }
        return SimulatorBanks(
            productForms: try ProductForm.load(path: directory + "/productos.tsv"),
            phrases: try decode(Phrases.self, "frases.json"),
            people: try decode(People.self, "personas.json"),
            quantities: try decode(Quantities.self, "cantidades.json"),
            noise: try decode(Noise.self, "ruido.json"))
    }
}

/// One way of naming a product (a row of `productos.tsv`).
struct ProductForm: Sendable, Equatable {
    enum Kind: String, Sendable {
        /// The catalog's name as a customer says it.
        case catalog = "catalogo"
        /// A generic or regional name.
        case common = "comun"
        /// What the customer needs it for; asked without a quantity.
        case need = "necesidad"
    }

    enum Gender: String, Sendable {
        case masculine = "m"
        case feminine = "f"
    }

    var productId: Int64
    var kind: Kind
    var gender: Gender
    /// The word it is counted with ("par", "rollo", "galon"), if any.
    var unit: String?
    var singular: String
    var plural: String

    static func load(path: String) throws -> [ProductForm] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var forms: [ProductForm] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("id\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let id = Int64(fields[0]), let kind = Kind(rawValue: fields[1]),
                let gender = Gender(rawValue: fields[2]), !fields[4].isEmpty
            else { throw BenchError("\(path):\(number + 1): línea mal formada: \(line)") }
            guard kind == .need || !fields[5].isEmpty else {
                throw BenchError("\(path):\(number + 1): falta el plural")
            }
            forms.append(
                ProductForm(
                    productId: id, kind: kind, gender: gender, unit: fields[3].isEmpty ? nil : fields[3],
                    singular: fields[4], plural: fields[5]))
        }
        return forms
    }
}

/// `frases.json`.
struct Phrases: Decodable, Sendable {
    var greetings: [String]
    var askProduct: [String]
    var order: [String]
    var orderMore: [String]
    var orderSeveral: [String]
    var quantityAlone: [String]
    var quantityOfThose: [String]
    var askNeed: [String]
    var changeQuantity: [String]
    var changeQuantityByName: [String]
    var close: [String]
    var confirm: [String]
    var cancel: [String]
    var farewell: [String]
    var noNotes: [String]
    var noEmail: [String]
    var sameData: [String]
    var midQuestions: [String]
    var dataIntros: [String]
    var fieldInSentence: FieldTexts
    var fieldLabels: FieldTexts
    var corrections: FieldTexts
    var increaseQuantity: [String]
    var decreaseQuantity: [String]
    var acceptAvailable: [String]
    var acceptAvailableCount: [String]
    var listQuestions: [String]
    var unpromptedData: [String]
    var corporateGreetings: [String]
    var corporateOrder: [String]
    var corporateOrderSeveral: [String]
    var elderlyIntros: [String]
    var elderlyClosers: [String]

    enum CodingKeys: String, CodingKey {
        case greetings = "saludos"
        case askProduct = "preguntar_producto"
        case order = "pedir"
        case orderMore = "pedir_mas"
        case orderSeveral = "pedir_varios"
        case quantityAlone = "cantidad_sola"
        case quantityOfThose = "cantidad_de_esos"
        case askNeed = "preguntar_necesidad"
        case changeQuantity = "cambiar_cantidad"
        case changeQuantityByName = "cambiar_cantidad_producto"
        case close = "cerrar"
        case confirm = "confirmar"
        case cancel = "cancelar"
        case farewell = "despedida"
        case noNotes = "sin_indicaciones"
        case noEmail = "sin_correo"
        case sameData = "mismos_datos"
        case midQuestions = "preguntas_intermedias"
        case dataIntros = "presentar_datos"
        case fieldInSentence = "campos_en_frase"
        case fieldLabels = "campos_en_bloque"
        case corrections = "correcciones"
        case increaseQuantity = "sumar_cantidad"
        case decreaseQuantity = "restar_cantidad"
        case acceptAvailable = "aceptar_disponible"
        case acceptAvailableCount = "aceptar_disponible_numero"
        case listQuestions = "pregunta_sobre_lista"
        case unpromptedData = "datos_sin_pedir"
        case corporateGreetings = "saludos_corporativos"
        case corporateOrder = "pedir_corporativo"
        case corporateOrderSeveral = "pedir_varios_corporativo"
        case elderlyIntros = "introduccion_mayor"
        case elderlyClosers = "cierre_mayor"
    }
}

/// Texts per client field (labels, sentence templates, corrections); a field may have none.
struct FieldTexts: Decodable, Sendable {
    var name: [String]?
    var idNumber: [String]?
    var phone: [String]?
    /// For a landline instead of `phone` (a landline is not a "celular").
    var landline: [String]?
    var email: [String]?
    var address: [String]?
    var neighborhood: [String]?
    var notes: [String]?

    subscript(field: ClientField, landline landlineNumber: Bool = false) -> [String] {
        switch field {
        case .name: name ?? []
        case .idNumber: idNumber ?? []
        case .phone: (landlineNumber ? landline : nil) ?? phone ?? []
        case .email: email ?? []
        case .address: address ?? []
        case .neighborhood: neighborhood ?? []
        case .notes: notes ?? []
        }
    }

    enum CodingKeys: String, CodingKey {
        case name = "nombre"
        case idNumber = "cedula"
        case phone = "telefono"
        case landline = "telefono_fijo"
        case email = "correo"
        case address = "direccion"
        case neighborhood = "barrio"
        case notes = "indicaciones"
    }
}

/// `personas.json`.
struct People: Decodable, Sendable {
    var maleNames: [String]
    var femaleNames: [String]
    var maleMiddleNames: [String]
    var femaleMiddleNames: [String]
    var surnames: [String]
    var idPrefixes8: [String]
    var idPrefixes10: [String]
    var mobilePrefixes: [String]
    var landlineAreaCodes: [String]
    var emailDomains: [String]
    var companyDomains: [String]
    var streetTypes: [String]
    var numberSigns: [String]
    var streetSuffixes: [String]
    var addressComplements: [String]
    var neighborhoods: [String]
    var deliveryNotes: [String]

    enum CodingKeys: String, CodingKey {
        case maleNames = "nombres_hombre"
        case femaleNames = "nombres_mujer"
        case maleMiddleNames = "segundos_nombres_hombre"
        case femaleMiddleNames = "segundos_nombres_mujer"
        case surnames = "apellidos"
        case idPrefixes8 = "prefijos_cedula_8"
        case idPrefixes10 = "prefijos_cedula_10"
        case mobilePrefixes = "prefijos_celular"
        case landlineAreaCodes = "indicativos_fijo"
        case emailDomains = "dominios_correo"
        case companyDomains = "empresas"
        case streetTypes = "vias"
        case numberSigns = "separadores_placa"
        case streetSuffixes = "sufijos_via"
        case addressComplements = "complementos"
        case neighborhoods = "barrios"
        case deliveryNotes = "indicaciones"
    }
}

/// `cantidades.json`.
struct Quantities: Decodable, Sendable {
    struct One: Decodable, Sendable {
        var masculineBefore: String
        var feminineBefore: String
        var masculineAlone: String
        var feminineAlone: String

        enum CodingKeys: String, CodingKey {
            case masculineBefore = "m_antes"
            case feminineBefore = "f_antes"
            case masculineAlone = "m_sola"
            case feminineAlone = "f_sola"
        }
    }

    struct Special: Decodable, Sendable {
        var quantity: Int
        var beforeProduct: String
        var alone: String
        var notWithPairs: Bool

        enum CodingKeys: String, CodingKey {
            case quantity = "cantidad"
            case beforeProduct = "antes"
            case alone = "sola"
            case notWithPairs = "sin_unidad_par"
        }
    }

    struct Unit: Decodable, Sendable {
        var singular: String
        var plural: String
    }

    var words: [String: String]
    var one: One
    var specials: [Special]
    var withProduct: [String]
    var aloneDigits: [String]
    var units: [String: Unit]
    var dictatedDigits: [String: String]

    enum CodingKeys: String, CodingKey {
        case words = "numeros"
        case one = "uno"
        case specials = "especiales"
        case withProduct = "con_producto"
        case aloneDigits = "sola_digitos"
        case units = "unidades"
        case dictatedDigits = "digitos_dictados"
    }
}

/// `ruido.json`.
struct Noise: Decodable, Sendable {
    var emojis: [String]
    var shorthand: [String: [String]]
    var letterSwaps: [[String]]
    var openers: [String]
    var closers: [String]

    enum CodingKeys: String, CodingKey {
        case emojis
        case shorthand = "abreviaturas"
        case letterSwaps = "confusiones"
        case openers = "muletillas_inicio"
        case closers = "muletillas_final"
    }
}
