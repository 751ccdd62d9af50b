import SpanishText

/// A part of a sentence in which customers say who they are or what they have ("somos un laboratorio
/// de control de calidad", "le cuento que soy pensionado y vivo en una casa de dos pisos",
/// "ellos son 4"): context for the shop, not a request, so the product words in it ("laboratorio",
/// "pisos") are not searched; nor is what they bought before ("les compré hace unos meses unas
/// botas"). A sentence that also asks for something ("soy electricista y
/// necesito guantes", "tengo una obra, me regala…", "tengo una pregunta") is not one.
enum SelfDescription {
    /// Words that may lead to the verb ("le cuento que", "es que", "pues mire").
    static let leads: Set<String> = [
        "le", "les", "cuento", "comento", "que", "es", "pues", "mire", "mira", "resulta", "bueno", "y", "pero",
        "ahora", "fijese", "la", "verdad", "porque", "escribo", "yo", "nosotros", "nosotras", "ellos", "ellas",
        "aca", "aqui", "vea", "oiga", "ah", "eh", "actualmente", "hoy", "ya", "todavia", "como", "he", "hemos",
        "habia", "habiamos", "antes", "alguna", "vez",
        // When ("el año pasado les compré", "hace unos meses compramos").
        "el", "ano", "anos", "mes", "meses", "semana", "semanas", "dias", "pasado", "pasada", "hace", "unos",
        "unas", "tiempo", "poco",
    ]
    static let maxLeads = 6
    /// First-person verbs of being and having, and "son" after "ellos"; and of having bought
    /// before ("yo les compré hace unos meses unas botas": what was bought then is no request).
    static let verbs: Set<String> = [
        "soy", "somos", "vivo", "vivimos", "trabajo", "trabaje", "trabajamos", "tengo", "tenemos", "estoy",
        "estamos", "fui", "era", "eramos", "manejo", "manejamos", "administro", "administramos", "compre",
        "comprado", "compraron", "compramos", "pedi", "pedimos",
    ]
    /// Words that make the sentence a request or a question after all.
    static let asking: Set<String> = [
        "necesito", "necesitamos", "necesita", "necesitan", "quiero", "queremos", "quisiera", "quisieramos",
        "requiero", "requerimos", "requieren", "busco", "buscamos", "buscando", "interesa", "interesado",
        "interesada", "interesados", "comprar", "pedir", "pido", "cotizar", "cotice", "cotizacion", "solicito",
        "solicitamos", "deme", "denme", "regala", "regale", "mande", "manden", "envie", "envien", "pidieron",
        "pidio", "piden", "exigen", "exige", "exigieron", "toca", "ocupo", "ocupamos", "pregunta", "duda",
        "consulta", "inquietud", "cuanto", "cuantos", "cuantas", "precio", "valor", "vale", "cuesta", "tienen",
        "manejan", "venden", "hay", "sirve", "recomienda",
    ]

    /// The parts of `text` (cut at "y"/"e", and before a verb of asking said after who the
    /// customer is) that only describe: character ranges in `text`. "estoy arreglando la
    /// finca y quisiera 3 palas" → the first part only; "soy Marleny de la panadería Delicias
    /// en Buga necesito tapabocas" → up to "necesito".
    static func ranges(in text: String) -> [Range<Int>] {
        let words = Words(text)
        var result: [Range<Int>] = []
        var start = 0
        for index in 0...words.count
        where index == words.count || ["y", "e"].contains(words[index]) || requests.contains(words[index]) {
            if index > start, describes(Array(words.texts[start..<index])) {
                result.append(words.words[start].range.lowerBound..<words.words[index - 1].range.upperBound)
            }
            start = requests.contains(words.at(index)) ? index : index + 1
        }
        return result
    }

    /// The verbs of asking that end a description said before them in the same sentence
    /// (not the words of a question: "tengo guantes, ¿cuánto valen?" stays whole).
    static let requests: Set<String> = [
        "necesito", "necesitamos", "quiero", "queremos", "quisiera", "quisieramos", "requiero", "requerimos",
        "busco", "buscamos", "solicito", "solicitamos", "ocupo", "ocupamos",
    ]

    static func describes(_ words: [String]) -> Bool {
        var index = 0
        while index < min(words.count, maxLeads), leads.contains(words[index]), !verbs.contains(words[index]) {
            index += 1
        }
        guard index < words.count else { return false }
        let verb = words[index]
        let opens =
            verbs.contains(verb) || (verb == "son" && index > 0 && ["ellos", "ellas"].contains(words[index - 1]))
        guard opens else { return false }
        // A command with its pronouns ("mándeme", "regáleme") asks too; so does an asking
        // word typed in a hurry ("bsucando", "nesecito").
        return !words[(index + 1)...].contains { word in
            asking.contains(word) || IntentClassifier.isCliticCommand(word) || isNearAsking(word)
        }
    }

    /// The asking words of five letters or more and every form of them with one letter left
    /// out: a word one edit from an asking word (a letter missing, added, changed, or two
    /// swapped) is in this set or has a one-letter-shorter form in it.
    static let nearAsking: Set<String> = {
        var forms: Set<String> = []
        for word in asking where word.count >= 5 {
            forms.insert(word)
            forms.formUnion(IntentClassifier.deletions(word))
        }
        return forms
    }()

    static func isNearAsking(_ word: String) -> Bool {
        guard word.count >= 5, word.count <= 20, word.allSatisfy(\.isLetter) else { return false }
        return nearAsking.contains(word) || IntentClassifier.deletions(word).contains(where: nearAsking.contains)
    }
}
