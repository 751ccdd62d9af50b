import SpanishText

// The word tests of the checkout extractor: what a delivery note, a name or chatter looks
// like, and how a value is trimmed.
extension CheckoutFieldExtractor {
    /// Words of an invoice: a name said after them is the invoice's ("factura a nombre de…").
    static let invoiceWords: Set<String> = [
        "factura", "facturas", "facturar", "facture", "facturen", "facturacion", "facturarlo", "facturarla",
    ]
    /// Characters before a name's label looked at for them.
    static let invoiceReach = 80

    /// How delivery notes start ("entregar en…", "apto 503…", "junto a la panadería", "de 8
    /// a.m. a 5 p.m.").
    static let noteOpeners: [[String]] = [
        "entregar", "entregue", "entreguen", "entregarlo", "dejar", "dejarlo", "dejelo", "dejen", "deje", "llamar",
        "llamen", "llame", "timbrar", "timbre", "timbren", "toquen", "toque", "avisen", "avise", "marquen",
        "marque", "suban", "entren", "esperen", "preguntar", "pregunten", "pregunte", "apto", "apartamento", "torre",
        "oficina", "piso", "casa", "interior", "bodega", "local", "porteria", "recepcion", "descargar", "entrada",
        "conjunto", "edificio", "frente", "detras", "cerca", "horario", "recibe", "reciben", "recibir", "que reciba",
        "lo reciba", "la reciba", "los reciba", "enviar",
        "subir", "avisar", "junto", "al lado", "a un lado", "a una cuadra", "a dos cuadras", "a media cuadra",
        "diagonal a", "esquina", "porton", "puerta", "reja", "rejas", "segundo piso", "tercer piso", "primer piso",
        "despues de", "antes de", "de lunes", "entre semana", "en la obra", "en la porteria", "en recepcion",
        "no hay nadie", "solo en", "solo de", "por la", "por el", "el vigilante", "la vigilancia", "con el portero",
        "con la", "con el", "en horario", "es un", "es una", "queda", "al frente",
        "mz", "manzana", "lote", "parqueadero", "sotano",
        // Directions on the way there ("pasando el puente…", "cuando lleguen al restaurante
        // me llaman").
        "pasando", "subiendo", "bajando", "entrando", "llegando", "cuando lleguen", "cuando llegue",
        "cuando vayan", "cuando esten", "al llegar", "se bajan", "se baja", "para llegar", "pa llegar",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Delivery notes start like "entregar en…", "apto 503…", "es un local…", or name a time
    /// ("de 8 a.m. a 5 p.m.").
    /// A note may open after a few words that only lead to it: "si no hay nadie dejarlo
    /// con…", "que lo dejen en la portería", "por favor llamar antes".
    static func isNote(_ words: Words) -> Bool {
        var start = 0
        while true {
            let from = start
            // A verb opener may carry its pronouns: "dejarlas", "entréguenlo", "déjemelo".
            if noteOpeners.contains(where: { opener in
                from + opener.count <= words.count
                    && opener.indices.allSatisfy {
                        words[from + $0] == opener[$0] || ($0 == 0 && withoutClitic(words[from]) == opener[0])
                    }
            }) {
                return true
            }
            guard start < maxNoteLeads, start < words.count, noteLeads.contains(words[start]) else { break }
            start += 1
        }
        return !QuantityFilter.timeWords(words).isEmpty
    }

    /// A sentence after the address that describes the place ("Es la Panadería La Espiga,
    /// la de la esquina", "queda subiendo la loma"): a delivery note there.
    static func describesPlace(_ words: Words) -> Bool {
        words.count >= 3 && ["es", "queda", "son"].contains(words[0])
    }

    /// A sentence said after the neighbourhood that tells about the place or who is there ("la
    /// tienda se llama Donde Chucho", "el taller se llama Motos Ruiz, ahí me preguntan"): three
    /// words or more, no number, no request, no name alone, no city alone.
    static func saysAboutThePlace(_ words: Words) -> Bool {
        guard words.count >= 3, words.count <= maxPlaceSentenceWords,
            !words.texts.contains(where: {
                $0.contains(where: \.isNumber) || Lexicon.requestVerbs.contains($0) || askingWords.contains($0)
            }),
            // "…, en Santander de Quilichao", "aquí en Palmira": the city said with its preposition.
            !ColombianPlaces.saysCity(words), !isOnlyChatter(words)
        else { return false }
        return true
    }

    /// The most words of a sentence about the place taken as the note.
    static let maxPlaceSentenceWords = 30

    /// Words that ask about something or name data: a sentence with one (or with a verb of
    /// asking, `Lexicon.requestVerbs`) is no note.
    static let askingWords: Set<String> = [
        "tambien", "cuanto", "cuanta", "precio", "vale", "cuesta", "quite", "quitar", "cambie", "cambiar",
        "cotizacion", "pedido", "producto", "productos", "celular", "correo", "cedula", "telefono", "nombre",
    ]

    /// The verb without the pronouns attached to it ("dejarlas" → "dejar", "déjemelo" →
    /// "deje"), or the word itself.
    static func withoutClitic(_ word: String) -> String {
        for suffix in ["melos", "melas", "selos", "selas", "melo", "mela", "selo", "sela", "los", "las", "lo", "la"]
        where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// Words that may come before a note's opener ("si", "que lo", "por favor", "favor").
    static let noteLeads: Set<String> = [
        "si", "que", "lo", "la", "los", "las", "me", "nos", "le", "les", "por", "favor", "porfa", "xfa", "pueden",
        "puede", "mejor", "pero", "ojo", "importante", "se", "y",
    ]
    static let maxNoteLeads = 3

    /// Greetings, yes/no, thanks and filler words only.
    static func isOnlyChatter(_ words: Words) -> Bool {
        words.texts.allSatisfy(isChatter)
    }

    static func isChatter(_ word: String) -> Bool {
        chatterWords.contains(word) || Lexicon.fillers.contains(word)
    }

    /// Words that only hand the data over ("bueno, le doy los datos", "aquí van mis datos").
    static let chatterWords: Set<String> = [
        "perdon", "disculpa", "disculpe", "claro", "listo", "ok", "bueno", "gracias", "es", "mi",
        "son", "mis", "datos", "aqui", "van", "estan", "seria", "eh", "ah", "si", "no", "y", "los", "el",
        "la", "de", "pues", "entonces", "ahi", "va", "estos", "esos", "ahora", "perfecto", "dale", "vale",
        "siguientes", "tome", "anote", "apunte", "le", "paso", "envio", "mando", "para", "entrega", "doy",
        "dejo", "comparto", "dicto",
        // "Bolívar, como le dije", "ya le conté": a reminder of what was said.
        "como", "ya", "dije", "conte", "comente", "dicho", "mencione",
        // "Recibe el ingeniero Hernán Darío Tuirán": who receives, by a title.
        "recibe", "recibira", "ingeniero", "ingeniera", "ing", "doctor", "doctora", "dr", "dra", "senor", "senora",
        "sr", "sra", "don", "dona", "arquitecto", "arquitecta", "licenciado", "licenciada", "profesor", "profesora",
    ]

    /// A name after words that only hand the data over, in one piece ("bueno le doy los datos
    /// Yolanda Patricia Gaitán Rozo" before "cédula …", dictated without a comma): the name from
    /// the first capitalized word on, and where it starts in `text` (characters). Nil unless
    /// every word before it is chatter (at most `maxChatterBeforeName`) and the rest looks like
    /// a name.
    static func nameAfterChatter(_ text: String) -> (name: String, offset: Int)? {
        let words = Words(text)
        let characters = Array(text)
        guard words.count >= 3,
            let start = (1..<min(words.count - 1, maxChatterBeforeName + 1)).first(where: { index in
                characters[words.words[index].range.lowerBound].isUppercase
            }),
            // Only words of handing over: "unidad Bosques de Zúñiga" is a place's name.
            words.texts[0..<start].allSatisfy(chatterWords.contains)
        else { return nil }
        let offset = words.words[start].range.lowerBound
        let name = String(characters[offset...])
        return looksLikeName(name) ? (name, offset) : nil
    }

    /// Words of chatter a name may follow in one piece.
    static let maxChatterBeforeName = 8

    /// One to five words of letters (particles inside not counted: "Kevin Andrés Polo De la
    /// Hoz"), none of them a shop or data word; a surname that is also a common word
    /// ("Rubén Darío Cuesta", "Ana Vale Mora") counts when written with a capital after
    /// the first word, beside at least two other words of a name.
    static func looksLikeName(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: \.isWhitespace)
        let words = Words(text)
        guard words.count == parts.count, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "." } }),
            // "Finca El Recuerdo", "Edificio Torres del Parque": a site, not a person; nor is
            // "Ferretería El Tornillo Feliz" (a business).
            !words.isEmpty, !FieldScanner.complementWords.contains(words[0]), !businessWords.contains(words[0])
        else {
            return false
        }
        let stop = Lexicon.fillers.union(FieldScanner.streetWords).union(labelWords)
            .union(["barrio", "cedula", "celular", "correo", "telefono", "direccion", "nombre"])
            .union(correctionWords).union(roleWords).union(courtesyWords).union(paperWords)
        // "Alirio Banguera de Buenaventura": a city after "de" is where the person is from.
        if (1..<words.count).contains(where: {
            ["de", "desde"].contains(words[$0 - 1]) && ColombianPlaces.cities.contains(words[$0])
        }) {
            return false
        }
        let inside = Set(1..<max(words.count - 1, 1))
        let particle = { (offset: Int) in nameParticles.contains(words[offset]) && inside.contains(offset) }
        let counted = (0..<words.count).filter { !particle($0) }.count
        guard (1...5).contains(counted) else { return false }
        let capitalized = { (offset: Int) in parts[offset].first?.isUppercase ?? false }
        let plain = (0..<words.count).filter { !particle($0) && !stop.contains(words[$0]) }.count
        return !(0..<words.count).contains { offset in
            guard stop.contains(words[offset]), !particle(offset) else { return false }
            // A capitalized common word inside a name: a surname, not a filler.
            let surname =
                offset > 0 && capitalized(offset) && Lexicon.fillers.contains(words[offset])
                && !labelWords.contains(words[offset]) && plain >= 2
            return !surname
        } && !isNote(words)
    }

    /// What a customer says they are instead of their name ("soy cliente de ustedes", "soy
    /// el encargado de compras", "soy pensionado"): never part of a name.
    static let roleWords: Set<String> = [
        "cliente", "clienta", "clientes", "ustedes", "usted", "nosotros", "presidente", "presidenta", "coordinador",
        "coordinadora", "encargado", "encargada", "administrador", "administradora", "gerente", "jefe", "jefa",
        "dueno", "duena", "propietario", "propietaria", "pensionado", "pensionada", "comprador", "compradora",
        "representante", "asistente", "auxiliar", "secretaria", "secretario", "contratista", "empresa", "persona",
    ]

    /// Approval and courtesy said before the data ("Muy bien, es todo", "Perfecto"): no name.
    /// Kinds of business that open a business's name ("Ferretería El Tornillo Feliz",
    /// "Constructora Altos del Muña"), never a person's.
    static let businessWords: Set<String> = [
        "ferreteria", "constructora", "distribuidora", "comercializadora", "drogueria", "panaderia", "papeleria",
        "supermercado", "minimercado", "restaurante", "hotel", "colegio", "escuela", "institucion", "clinica",
        "hospital", "taller", "inversiones", "industrias", "transportes", "servicios", "ingenieria", "cooperativa",
        "fundacion", "corporacion", "asociacion", "parroquia", "almacen", "tienda", "ladrillera", "fabrica",
    ]

    static let courtesyWords: Set<String> = [
        "muy", "bien", "excelente", "genial", "super", "perfecto", "listo", "claro", "ok", "okay", "vale", "gracias",
        "favor", "porfa", "bueno", "buena", "buenas", "buenos",
    ]

    /// "Laura del Pilar", "María de los Ángeles": particles inside a name.
    /// Words of the order's paperwork, never a person's name ("Envío datos de despacho").
    static let paperWords: Set<String> = [
        "datos", "despacho", "envio", "pedido", "orden", "compra", "entrega", "factura", "cotizacion", "informacion",
    ]

    static let nameParticles: Set<String> = ["de", "del", "la", "las", "los", "y"]

    /// The name that opens a labelled value going on with other words ("le habla Hernán
    /// Darío Restrepo de Medellín, necesito…" → "Hernán Darío Restrepo"): the leading words
    /// written with a capital, particles between them, up to "de" and a city; nil when that
    /// is not a name of two words or more.
    static func leadingName(_ value: String) -> String? {
        let words = Words(value)
        let characters = Array(value)
        var taken = 0
        var index = 0
        while index < words.count {
            let word = words.words[index]
            if characters[word.range.lowerBound].isUppercase, !ColombianPlaces.cities.contains(word.text) || index == 0
            {
                index += 1
                taken = index
                continue
            }
            // Particles only between capitalized words, never before a city ("de Medellín").
            guard index > 0, nameParticles.contains(word.text) else { break }
            var next = index + 1
            while next < words.count, nameParticles.contains(words[next]) { next += 1 }
            guard next < words.count, characters[words.words[next].range.lowerBound].isUppercase,
                !ColombianPlaces.cities.contains(words[next])
            else { break }
            index = next
        }
        guard taken >= 2 else { return nil }
        let name = words.originalText(0..<taken)
        return looksLikeName(name) ? name : nil
    }

    /// Words that own up to a mistake ("error mío", "perdón"): never part of a name.
    static let correctionWords: Set<String> = [
        "error", "errores", "perdon", "disculpe", "disculpa", "corrijo", "corrijan", "equivoque", "equivocacion",
        "correccion", "mio", "mia",
    ]

    /// Words that introduce a value without being part of it ("es", "ahora es", "sería").
    static let valueLeads: Set<String> = ["es", "son", "seria", "sera", "ahora", "nuevo", "nueva", "queda", "mi"]

    /// "finca El Diviso, km 12 vía a Remolino, vereda La Aurora", "km 4 vía Villeta, en la
    /// vereda El Cedro": an address that holds a rural place (`ruralPlaceLabels` and a
    /// capitalized name of at most `maxRuralNameWords` words, up to a comma or a word that
    /// opens a clause) as the address without it and the place; what a voice note said after
    /// it ("… vereda Moyano y que pregunten en la portería") is the note when it reads as one.
    /// Nil when there is none ("entrando por la escuela de la vereda") or nothing else. The
    /// last such place counts. One pass over the words.
    static func ruralPlace(in address: String) -> (address: String, place: String, note: String?)? {
        let words = Words(address)
        let characters = Array(address)
        guard
            let label = (1..<max(words.count - 1, 1)).last(where: { index in
                ruralPlaceLabels.contains(words[index])
                    && (characters[words.words[index + 1].range.lowerBound].isUppercase
                        || characters[words.words[index + 1].range.lowerBound].isNumber)
            })
        else { return nil }
        let end = ruralPlaceEnd(words, characters, label: label)
        // "en la vereda …", "eso queda en la vereda …": the words leading to it go with it.
        var start = label
        while start > 0, ruralPlaceLeads.contains(words[start - 1]) { start -= 1 }
        guard start > 0 else { return nil }
        let place = trimmed(
            String(characters[words.words[label].range.lowerBound..<words.words[end - 1].range.upperBound]))
        let before = trimmed(String(characters[..<words.words[start].range.lowerBound]))
        var after = end < words.count ? trimmed(String(characters[words.words[end].range.lowerBound...])) : ""
        var note: String?
        let tail = Words(after)
        // "y pues que me llamen antes de llegar": the note, without the words that joined it.
        let joined = (0..<tail.count).first { !noteJoiners.contains(tail[$0]) } ?? tail.count
        if joined < tail.count, case let said = trimmed(tail.originalText(joined..<tail.count)), isNote(Words(said)) {
            note = said
            after = ""
        }
        let rest = after.isEmpty ? before : before + ", " + after
        guard !before.isEmpty else { return nil }
        return (rest, place, note)
    }

    /// Where the name of the rural place whose kind is word `label` ends (exclusive): at the
    /// next comma, period or line break, a word that opens a clause, a km or a road, a number,
    /// or a word in lower case but a particle; at most `maxRuralNameWords` words.
    static func ruralPlaceEnd(_ words: Words, _ characters: [Character], label: Int) -> Int {
        var end = min(words.count, label + 1 + maxRuralNameWords)
        for index in (label + 2)..<max(label + 2, end) {
            let gap = characters[words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound]
            let capital = characters[words.words[index].range.lowerBound].isUppercase
            // "… vereda Puerto Caldas kilómetro seis vía Granada": a km, a road or a number
            // starts the next piece of the address; "vereda Pompeya pasando el puente": a word
            // in lower case but a particle ends a name written with capitals.
            if gap.contains(where: { ",.;:/|\n".contains($0) }) || ruralPlaceEnds.contains(words[index])
                || (ruralPlaceBreaks.contains(words[index]) && (!capital || words[index].hasPrefix("k")))
                || words[index].first?.isNumber == true
                || (!capital && !nameParticles.contains(words[index]))
            {
                end = index
                break
            }
        }
        // "vereda Pompeya de la…": particles only join words of the name.
        while end > label + 2, nameParticles.contains(words[end - 1]) { end -= 1 }
        return end
    }

    /// "Barrio no, es la vereda Churuvita", "Barrio o vereda: Vereda Llano Grande": the last
    /// rural place named with a capital in the text (its kind and name), or nil.
    static func namedRuralPlace(in text: String) -> String? {
        let words = Words(text)
        let characters = Array(text)
        guard
            let label = (0..<max(words.count - 1, 0)).last(where: { index in
                ruralPlaceLabels.contains(words[index]) && !ruralPlaceLabels.contains(words[index + 1])
                    && characters[words.words[index + 1].range.lowerBound].isUppercase
            })
        else { return nil }
        let end = ruralPlaceEnd(words, characters, label: label)
        return words.originalText(label..<end)
    }

    /// Words that lead to a rural place inside an address ("eso queda en la vereda …").
    static let ruralPlaceLeads: Set<String> = ["en", "la", "de", "del", "queda", "eso", "es"]
    /// Words that join a note to what was said before it ("y pues que me llamen…").
    static let noteJoiners: Set<String> = ["y", "e", "pues", "entonces", "ah", "eh"]

    /// Words, in lower case, that open the next piece of a rural address after a place's
    /// name ("vereda Puerto Caldas kilómetro seis"; "La Playa" is a name).
    static let ruralPlaceBreaks: Set<String> = [
        "km", "kilometro", "kilometros", "via", "finca", "hacienda", "parcela", "lote", "predio", "carretera",
    ]

    /// Words that end a rural place's name said without a comma ("vereda Moyano y que…").
    static let ruralPlaceEnds: Set<String> = ["y", "que", "pero", "donde", "por", "para", "pa", "porque", "entonces"]

    /// Without the punctuation and spaces around it.
    static func trimmed(_ raw: String) -> String {
        var text = Substring(raw)
        while let first = text.first, isTrimmed(first) { text = text.dropFirst() }
        while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        return String(text)
    }

    /// "Diana Rengifo (Coordinadora de Compras)", "El Progreso (La Virginia)": what is said in
    /// brackets after a name or a neighbourhood (a role, the town) is no part of it.
    static func withoutAside(_ value: String) -> String {
        guard let open = value.firstIndex(of: "("), open != value.startIndex else { return value }
        return trimmed(String(value[..<open]))
    }

    static func cleanValue(_ raw: String) -> String {
        var text = Substring(raw)
        while let first = text.first, isTrimmed(first) { text = text.dropFirst() }
        while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        while let space = text.firstIndex(of: " "), valueLeads.contains(TextFold.fold(String(text[..<space]))) {
            text = text[text.index(after: space)...]
        }
        // "Rosalba Trujillo de Gómez y mi": the words that lead to the next value go.
        while let space = text.lastIndex(of: " "),
            valueTails.contains(TextFold.fold(String(text[text.index(after: space)...])))
        {
            text = text[..<space]
            while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        }
        // "barrio Centenario y no hay indicaciones": the clause that says another value has
        // none is no part of this one (a look at the last few words).
        let words = Words(String(text))
        if words.count > 2,
            let joiner = (max(1, words.count - maxNoneClauseWords)..<words.count - 1).first(where: {
                ["y", "e"].contains(words[$0]) && meansNone(words.originalText($0 + 1..<words.count))
            })
        {
            return trimmed(words.originalText(0..<joiner))
        }
        return String(text).trimmingWhitespace()
    }

    /// The most words of "… y no hay indicaciones" after a value.
    static let maxNoneClauseWords = 5

    /// Words that end a value only because the next one follows ("… y mi cédula").
    static let valueTails: Set<String> = ["y", "e", "mi", "con", "el", "la", "su", "de", "es", "mis"]

    /// Words that say where a place is before naming it, longest first.
    static let placeLeads: [String] = [
        "eso queda en", "eso es en", "eso esta en", "queda en", "esta ubicado en", "sigue siendo",
    ]
    .flatMap { lead in ["el", "la", ""].map { $0.isEmpty ? lead : lead + " " + $0 } }

    static func stripNeighborhood(_ text: String) -> String {
        let words = Words(text)
        // "Eso queda en el corregimiento La Mesa", "queda en el barrio Obrero": where it is.
        for lead in placeLeads where words.index(ofPhrase: lead) == 0 && words.count > lead.split(separator: " ").count
        {
            return stripNeighborhood(words.originalText(lead.split(separator: " ").count..<words.count))
        }
        // "es en San Pedro", "el barrio se llama Pinar de Suba", "(en el sector) de Santa
        // Isabel": no neighbourhood's name opens with "en", "de" or "se llama".
        for lead in neighborhoodLeads where words.hasPhrase(lead, at: 0) {
            // "es la vereda La Moralia": the vereda keeps its word ("vereda La Moralia").
            let count = lead.count - (lead.last == "vereda" ? 1 : 0)
            return words.originalText(count..<words.count)
        }
        return text
    }

    /// What opens a neighbourhood's value before its name, longest first.
    static let neighborhoodLeads: [[String]] = [
        "el barrio se llama", "barrio se llama", "el barrio es", "mi barrio es", "en el barrio", "barrio",
        "es la vereda", "la vereda", "se llama", "es en", "es el", "es", "en", "de",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Whether a value only says there is none ("ninguna", "no hay", "sin indicaciones por
    /// ahora", "N/A", "no tengo"): every word is a "none" word or a filler, and one is a
    /// "none" word.
    static func meansNone(_ raw: String) -> Bool {
        let words = Words(raw)
        guard !words.isEmpty, words.count <= 8 else { return false }
        // "Sin indicaciones adicionales" read after its label: only "adicionales" is left.
        if words.texts.allSatisfy(additionWords.contains) { return true }
        var none = false
        for word in words.texts {
            if noneWords.contains(word) {
                none = true
            } else if !noneFillers.contains(word) {
                return false
            }
        }
        return none
    }

    /// Words saying a stored value stays as it was ("la misma", "lo demás igual").
    /// "los mismos", "lo demás igual", "los datos registrados", "los anteriores".
    static let sameWords: Set<String> = [
        "igual", "iguales", "mismo", "misma", "mismos", "mismas", "registrado", "registrada", "registrados",
        "registradas", "anteriores",
    ]

    /// Whether a message keeps the stored data besides what it changes ("lo demás igual",
    /// "los demás datos siguen igual", "la dirección sí es la misma", "la de siempre").
    static func keepsStored(_ words: Words) -> Bool {
        words.containsAny(sameWords) || words.index(ofPhrase: "de siempre") != nil
    }

    /// Whether a labelled value only says it has not changed ("sí es la misma", "sigue
    /// igual", "la de siempre", "el barrio sí está bien"): short, no digits nor "@", and
    /// saying "the same" or "it is right".
    static func meansSame(_ raw: String) -> Bool {
        let words = Words(raw)
        guard !words.isEmpty, !raw.contains("@"), !raw.contains(where: \.isNumber) else { return false }
        // "la dirección y el barrio ya se los di arriba": given before, so it stays.
        if words.count <= maxAlreadyGivenWords,
            words.containsAny(["arriba", "anteriormente"]) || (words.contains("ya") && words.containsAny(givenVerbs))
        {
            return true
        }
        guard words.count <= 6 else { return false }
        return keepsStored(words) || words.containsAny(["bien", "correcto", "correcta"])
    }

    /// Verbs of having given a datum already ("ya se la di", "ya se lo mandé").
    static let givenVerbs: Set<String> = ["di", "dije", "pase", "envie", "mande", "mencione", "dimos", "escribi"]
    static let maxAlreadyGivenWords = 10

    /// Words that only qualify a note ("adicionales", "extra"): alone they say nothing.
    static let additionWords: Set<String> = ["adicional", "adicionales", "extra", "extras", "otra", "otras", "mas"]

    static let noneWords: Set<String> = ["no", "ninguna", "ninguno", "ningun", "nada", "sin", "na", "n", "nop", "nel"]
    static let noneFillers: Set<String> = [
        "hay", "tengo", "por", "ahora", "el", "momento", "gracias", "de", "a", "la", "entrega", "indicaciones",
        "indicacion", "observaciones", "observacion", "instrucciones", "notas", "nota", "correo", "email", "mail",
        "especial", "especiales", "en", "especifico", "asi", "esta", "bien", "pues", "senor", "senora", "solamente",
    ]
}
