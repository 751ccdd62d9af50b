import SpanishText

/// A sentence in which customers say who they are or what they have ("somos un laboratorio
/// de control de calidad", "le cuento que soy pensionado y vivo en una casa de dos pisos",
/// "ellos son 4"): context for the shop, not a request, so the product words in it ("laboratorio",
/// "pisos") are not searched. A sentence that also asks for something ("soy electricista y
/// necesito guantes", "tengo una obra, me regala…", "tengo una pregunta") is not one.
enum SelfDescription {
    /// Words that may lead to the verb ("le cuento que", "es que", "pues mire").
    static let leads: Set<String> = [
        "le", "les", "cuento", "comento", "que", "es", "pues", "mire", "mira", "resulta", "bueno", "y", "pero",
        "ahora", "fijese", "la", "verdad", "porque", "escribo", "yo", "nosotros", "nosotras", "ellos", "ellas",
        "aca", "aqui", "pues", "vea", "oiga", "ah", "eh", "actualmente", "hoy",
    ]
    static let maxLeads = 6
    /// First-person verbs of being and having, and "son" after "ellos".
    static let verbs: Set<String> = [
        "soy", "somos", "vivo", "vivimos", "trabajo", "trabaje", "trabajamos", "tengo", "tenemos", "estoy",
        "estamos", "fui", "era", "eramos", "manejo", "manejamos", "administro", "administramos",
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

    static func describes(_ text: String, isCommand: (String) -> Bool) -> Bool {
        let words = Words(text).texts
        var index = 0
        while index < min(words.count, maxLeads), leads.contains(words[index]), !verbs.contains(words[index]) {
            index += 1
        }
        guard index < words.count else { return false }
        let verb = words[index]
        let opens = verbs.contains(verb) || (verb == "son" && index > 0 && ["ellos", "ellas"].contains(words[index - 1]))
        guard opens else { return false }
        return !words[(index + 1)...].contains { asking.contains($0) || isCommand($0) }
    }
}
