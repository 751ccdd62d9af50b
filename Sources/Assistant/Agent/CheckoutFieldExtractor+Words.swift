import SpanishText

// The word tests of the checkout extractor: what a delivery note, a name or chatter looks
// like, and how a value is trimmed.
extension CheckoutFieldExtractor {
    /// How delivery notes start ("entregar en…", "apto 503…", "junto a la panadería", "de 8
    /// a.m. a 5 p.m.").
    static let noteOpeners: [[String]] = [
        "entregar", "entregue", "entreguen", "entregarlo", "dejar", "dejarlo", "dejelo", "dejen", "deje", "llamar",
        "llamen", "llame", "timbrar", "timbre", "preguntar", "pregunten", "pregunte", "apto", "apartamento", "torre",
        "oficina", "piso", "casa", "interior", "bodega", "local", "porteria", "recepcion", "descargar", "entrada",
        "conjunto", "edificio", "frente", "detras", "cerca", "horario", "recibe", "reciben", "recibir", "enviar",
        "subir", "avisar", "junto", "al lado", "a un lado", "a una cuadra", "a dos cuadras", "a media cuadra",
        "diagonal a", "esquina", "porton", "puerta", "reja", "rejas", "segundo piso", "tercer piso", "primer piso",
        "despues de", "antes de", "de lunes", "entre semana", "en la obra", "en la porteria", "en recepcion",
        "no hay nadie", "solo en", "solo de", "por la", "por el", "el vigilante", "la vigilancia", "con el portero",
        "con la", "con el", "en horario", "es un", "es una", "queda", "al frente",
        "mz", "manzana", "lote", "parqueadero", "sotano",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Delivery notes start like "entregar en…", "apto 503…", "es un local…", or name a time
    /// ("de 8 a.m. a 5 p.m.").
    static func isNote(_ words: Words) -> Bool {
        noteOpeners.contains { opener in
            opener.count <= words.count && opener.indices.allSatisfy { words[$0] == opener[$0] }
        } || !QuantityFilter.timeWords(words).isEmpty
    }

    /// Greetings, yes/no, thanks and filler words only.
    static func isOnlyChatter(_ words: Words) -> Bool {
        let chatter: Set<String> = [
            "perdon", "disculpa", "disculpe", "claro", "listo", "ok", "bueno", "gracias", "es", "mi",
            "son", "mis", "datos", "aqui", "van", "estan", "seria", "eh", "ah", "si", "no", "y", "los", "el",
            "la", "de", "pues", "entonces", "ahi", "va", "estos", "esos", "ahora", "perfecto", "dale", "vale",
            "siguientes", "tome", "anote", "apunte", "le", "paso", "envio", "mando", "para", "entrega", "envio",
        ]
        return words.texts.allSatisfy { chatter.contains($0) || Lexicon.fillers.contains($0) }
    }

    /// One to five words of letters, none of them a shop or data word.
    static func looksLikeName(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard (1...5).contains(parts.count) else { return false }
        let words = Words(text)
        guard words.count == parts.count, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "." } }) else {
            return false
        }
        let stop = Lexicon.fillers.union(FieldScanner.streetWords).union(labelWords)
            .union(["barrio", "cedula", "celular", "correo", "telefono", "direccion", "nombre"])
            .union(correctionWords)
        // "Laura del Pilar", "María de los Ángeles": particles inside a name.
        let particles: Set<String> = ["de", "del", "la", "las", "los", "y"]
        let inside = words.texts.enumerated().filter { $0.offset > 0 && $0.offset < words.count - 1 }
        return !words.texts.enumerated().contains { offset, word in
            stop.contains(word) && !(particles.contains(word) && inside.contains { $0.offset == offset })
        } && !isNote(words)
    }

    /// Words that own up to a mistake ("error mío", "perdón"): never part of a name.
    static let correctionWords: Set<String> = [
        "error", "errores", "perdon", "disculpe", "disculpa", "corrijo", "corrijan", "equivoque", "equivocacion",
        "correccion", "mio", "mia",
    ]

    /// Words that introduce a value without being part of it ("es", "ahora es", "sería").
    static let valueLeads: Set<String> = ["es", "son", "seria", "sera", "ahora", "nuevo", "nueva", "queda", "mi"]

    /// Without the punctuation and spaces around it.
    static func trimmed(_ raw: String) -> String {
        var text = Substring(raw)
        while let first = text.first, isTrimmed(first) { text = text.dropFirst() }
        while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        return String(text)
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
        return String(text).trimmingWhitespace()
    }

    /// Words that end a value only because the next one follows ("… y mi cédula").
    static let valueTails: Set<String> = ["y", "e", "mi", "con", "el", "la", "su", "de", "es", "mis"]

    static func stripNeighborhood(_ text: String) -> String {
        let words = Words(text)
        for lead in ["el barrio es", "mi barrio es", "en el barrio", "barrio", "es el", "es"] {
            if words.index(ofPhrase: lead) == 0 {
                let count = lead.split(separator: " ").count
                return words.originalText(count..<words.count)
            }
        }
        return text
    }

    /// Whether a value only says there is none ("ninguna", "no hay", "sin indicaciones por
    /// ahora", "N/A", "no tengo"): every word is a "none" word or a filler, and one is a
    /// "none" word.
    static func meansNone(_ raw: String) -> Bool {
        let words = Words(raw)
        guard !words.isEmpty, words.count <= 8 else { return false }
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

    static let noneWords: Set<String> = ["no", "ninguna", "ninguno", "ningun", "nada", "sin", "na", "n", "nop", "nel"]
    static let noneFillers: Set<String> = [
        "hay", "tengo", "por", "ahora", "el", "momento", "gracias", "de", "a", "la", "entrega", "indicaciones",
        "indicacion", "observaciones", "observacion", "instrucciones", "notas", "nota", "correo", "email", "mail",
        "especial", "especiales", "en", "especifico", "asi", "esta", "bien", "pues", "senor", "senora", "solamente",
    ]
}
