import SpanishText

/// The quantities of a message that are really counts of products: a number that is part of
/// a time ("de 8 a.m. a 5 p.m.", "a las 3", "8:30"), a long number (a phone, a cédula, a
/// code) or an absurd amount is never a quantity. Addresses are taken out earlier, with the
/// rest of the checkout data (`CheckoutFieldExtractor`). Linear in the message.
public enum QuantityFilter {
    /// The largest quantity one line may ask for; more is a number of another kind.
    public static let maxQuantity = 9_999

    static let timeMarks: Set<String> = ["am", "pm", "hrs", "hr", "horas", "hora", "h", "m"]
    static let timeLeads: Set<String> = ["las", "la"]
    /// Spans of time a number counts ("una señora de 68 años", "hace 2 meses"), and how often
    /// ("se ha descompensado dos veces"): no products.
    static let timeSpans: Set<String> = [
        "ano", "anos", "anitos", "mes", "meses", "semana", "semanas", "dia", "dias", "minuto", "minutos",
        "quincena", "quincenas", "decada", "decadas", "veces",
    ]
    static let timeVerbs: Set<String> = ["a", "desde", "hasta", "despues", "antes", "entre"]

    /// Nouns that follow "un"/"una" without being products ("un pedido", "una pregunta").
    static let notProducts: Set<String> = [
        "pedido", "pedidos", "favor", "pregunta", "consulta", "momento", "momentico", "rato", "poco", "mensaje",
        "cotizacion", "duda", "pedidito", "saludo", "dia", "tiempo", "compra", "vez", "poquito", "poquitico",
        // People in the story ("un cliente nos pidió…", "una vecina me dijo…").
        "cliente", "clienta", "senor", "senora", "amigo", "amiga", "vecino", "vecina", "companero", "companera",
        "muchacho", "muchacha", "hijo", "hija", "sobrino", "sobrina", "cunado", "cunada", "conocido", "conocida",
        "familiar", "proveedor", "ingeniero", "ingeniera", "jefe", "patron", "socio", "socia",
        // Places and businesses of the story ("le hablo de una obra en Jamundí", "tengo una finca").
        "obra", "finca", "empresa", "fabrica", "planta", "oficina", "tienda", "negocio", "restaurante", "colegio",
        "edificio", "taller", "panaderia", "ferreteria", "constructora", "hacienda", "granja", "parqueadero",
        "conjunto", "local", "hotel", "hospital", "clinica", "drogueria", "escuela", "iglesia",
        // "le hablo de un laboratorio de control de calidad", "una bodega de dos pisos".
        "laboratorio", "bodega", "almacen", "casa", "apartamento", "mina", "camaronera", "cooperativa", "asociacion",
        "fundacion", "universidad", "alcaldia", "posada", "rancheria", "cafeteria", "supermercado", "carniceria",
        "peluqueria", "barberia", "papeleria", "cantera", "ladrillera", "trapiche", "galpon", "aserrio",
    ]

    /// Nouns for "things" in general: a count before one orders none of them.
    static let genericThings: Set<String> = [
        "cosa", "cosas", "cositas", "producto", "productos", "articulo", "articulos", "items", "referencias",
    ]

    /// `isProduct`: whether a word is a catalog word (a feature may follow one).
    /// Adjectives said before those nouns ("un cordial saludo", "una pequeña pregunta").
    static let leadingAdjectives: Set<String> = [
        "cordial", "gran", "pequena", "pequeno", "rapida", "rapido", "breve", "sola", "solo", "corta", "ultima",
        "nueva", "buen", "buena", "atento", "especial",
    ]

    /// Words that make a number after them a pronoun ("el más barato de esos dos").
    static let demonstratives: Set<String> = ["esos", "esas", "estos", "estas", "aquellos", "aquellas"]

    /// `isKind`: whether a word names a kind of product that is no part of another
    /// (`ReadingContext.catalogKinds`): after "con" and a number, one is an order ("un
    /// respirador con 2 cartuchos"), not a feature ("con dos filtros").
    public static func counts(
        in words: Words, isProduct: ((String) -> Bool)? = nil, isKind: ((String) -> Bool)? = nil
    ) -> [QuantityParser.Mention] {
        let counts = kept(QuantityParser.counts(in: words), words, isProduct: isProduct, isKind: isKind)
        guard counts.count > 1 else { return counts }
        // "La escalera tiene 10 escalones, entonces mándeme 10", "somos 8 trabajadores, deme
        // 8 cascos" (not "extintores… son tres", "¿tiene 3?"): beside another count, one after a
        // verb of having or being that counts things that are no product tells the story.
        // So does one right after "para" when another count says it is for every product
        // ("dotación para dos linieros: casco, guantes y botas, dos de cada uno"; "botas pa 5
        // trabajadores y 5 pares de guantes" orders its 5).
        // Looked at only when a count follows "para" (one pass over the message then).
        let forWhom: Set<String> = ["para", "pa", "pal"]
        let everyOne =
            counts.contains { forWhom.contains(words.at($0.range.lowerBound - 1)) } && EntityReader.saysEveryOne(words)
        let told = counts.filter { mention in
            let next = words.at(mention.range.upperBound)
            let before = words.at(mention.range.lowerBound - 1)
            return (countingVerbs.contains(before) || (everyOne && forWhom.contains(before)))
                && next.first?.isLetter == true && !WordForms.contentWords([next]).isEmpty
                && !(isProduct?(next) ?? true)
        }
        if !told.isEmpty, told.count < counts.count {
            return orders(in: words, kept: counts.filter { mention in !told.contains { $0.range == mention.range } })
        }
        return orders(in: words, kept: counts)
    }

    /// The first word of `range` that opens a count told after a verb of being or having
    /// ("Necesito 8, son 8 escalones") whose count is not kept (`isKept`, by word position):
    /// the story starts there, the words naming the product end. One pass over the range.
    static func toldClause(in words: Words, _ range: Range<Int>, isKept: (Int) -> Bool) -> Int? {
        range.first { index in
            countingVerbs.contains(words[index]) && !isKept(index + 1)
                && (words.at(index + 1).first?.isNumber == true || SpanishNumber.read(words, at: index + 1) != nil)
        }
    }

    /// Verbs after which a count tells how many things or people there are ("tiene 10
    /// escalones", "somos 8").
    static let countingVerbs: Set<String> = [
        "tiene", "tienen", "tengo", "tenemos", "hay", "son", "somos", "eran", "eramos", "mide", "miden",
    ]

    /// The counts of `counts` (two or more, already kept) that order products.
    private static func orders(in words: Words, kept counts: [QuantityParser.Mention]) -> [QuantityParser.Mention] {
        guard counts.count > 1 else { return counts }
        let reasons = reasonWords(words, after: counts[0].range.upperBound)
        // "deme 3 del más barato de esos dos": beside a count, "esos dos" with nothing after
        // it points at products, it counts none.
        // "2 de cada uno": beside a count, "cada uno" says for which products, it counts none.
        // "necesito 5 de esos porque tenemos cinco puntos": beside a count, one inside the
        // reason after it tells the story, it orders nothing.
        return counts.filter { mention in
            !reasons.contains(mention.range.lowerBound)
                // "póngame 4 cinturones en vez de 3": the amount replaced counts nothing.
                && !(words.at(mention.range.lowerBound - 1) == "de"
                    && ["vez", "lugar"].contains(words.at(mention.range.lowerBound - 2)))
                && words.at(mention.range.lowerBound - 1) != "cada"
                // "Necesito 2, uno para mí y otro para el trabajador": beside a count, one for
                // someone and another for someone else share it out.
                && !(["uno", "una"].contains(words.at(mention.range.lowerBound))
                    && ItemExtractor.purposeWords.contains(words.at(mention.range.upperBound))
                    && words.texts[mention.range.upperBound...].contains { ["otro", "otra"].contains($0) })
                // "3 kits, uno pa cada piso", "deben ser 20, dos por respirador": beside a
                // count, one for each thing shares it out ("6 por favor" is no ratio).
                && !(distributiveLeads.contains(words.at(mention.range.upperBound))
                    && (words.at(mention.range.upperBound + 1) == "cada"
                        || (words.at(mention.range.upperBound) == "por"
                            && !notRatioAfterPor.contains(words.at(mention.range.upperBound + 1)))))
                && !(demonstratives.contains(words.at(mention.range.lowerBound - 1))
                    && (mention.range.upperBound >= words.count
                        || WordForms.contentWords([words.at(mention.range.upperBound)]).isEmpty))
        }
    }

    /// Words between a count and "cada" when the count is shared out ("uno pa cada piso", "dos
    /// por cada trabajador").
    static let distributiveLeads: Set<String> = ["para", "pa", "pal", "por", "en"]

    /// Words after "por" that make no ratio ("6 por favor", "2 por ahora", "3 por el
    /// momento", "5 por lo pronto"): the count stands.
    static let notRatioAfterPor: Set<String> = [
        "favor", "fa", "fis", "fi", "fas", "fvr", "fav", "favorcito", "ahora", "ahorita", "ahoritica", "el", "lo", "la",
        "mientras", "hoy", "ahi", "aca", "aqui", "alla", "si", "ciento", "fin", "eso", "esto", "que", "mas", "",
    ]

    /// Words that open a reason ("porque", chat "xq").
    static let reasonOpeners: Set<String> = ["porque", "xq", "pq", "porq", "xque"]
    /// Verbs after which "que" is "because" ("mejor 10 q somos 3 en el taller").
    static let storyVerbs: Set<String> = ["somos", "son", "tenemos", "trabajamos", "trabajan", "estamos", "eramos"]
    /// Words that end a reason and open another request ("…, y también 3 guantes").
    static let reasonClosers: Set<String> = ["y", "tambien", "ademas", "pero"]

    /// The word positions inside a reason that opens after word `start` and runs to a
    /// punctuation mark or a joining word. One pass.
    static func reasonWords(_ words: Words, after start: Int) -> Set<Int> {
        var inside = Set<Int>()
        var open = false
        for index in start..<max(start, words.count) {
            let word = words.words[index]
            if word.afterMark || reasonClosers.contains(word.text) { open = false }
            if reasonOpeners.contains(word.text)
                || (["que", "q"].contains(word.text) && storyVerbs.contains(words.at(index + 1)))
            {
                open = true
            } else if open {
                inside.insert(index)
            }
        }
        return inside
    }

    /// "OC-2026-0457", "REF-12": a number joined by a dash or a slash to letters or digits
    /// without spaces is part of a code, not a count ("3-4 pares" is a range: digits on both
    /// sides and short).
    static func isGlued(_ mention: QuantityParser.Mention, _ words: Words, _ characters: [Character]) -> Bool {
        guard words.words.indices.contains(mention.range.lowerBound) else { return false }
        let first = words.words[mention.range.lowerBound].range
        guard first.lowerBound >= 2, "-/".contains(characters[first.lowerBound - 1]) else { return false }
        let before = characters[first.lowerBound - 2]
        guard before.isLetter || before.isNumber else { return false }
        // A code's earlier part: letters, or a number of three digits or more.
        var start = first.lowerBound - 2
        while start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber { start -= 1 }
        let part = characters[start..<(first.lowerBound - 1)]
        return part.contains(where: \.isLetter) || part.count >= 3
    }

    /// Words after which "uno" is the impersonal pronoun ("mientras uno almuerza", "cuando uno
    /// sube", chat "q uno"), not a count; so is "uno" before "se" ("uno se mete al barro").
    static let pronounLeads: Set<String> = ["mientras", "cuando", "que", "si", "donde", "porque", "pa", "para"]

    static func kept(
        _ mentions: [QuantityParser.Mention], _ words: Words, isProduct: ((String) -> Bool)?,
        isKind: ((String) -> Bool)? = nil
    ) -> [QuantityParser.Mention] {
        let notCounts = timeWords(words)
        let characters = Array(words.original)
        return mentions.filter { mention in
            !(words.at(mention.range.lowerBound) == "uno" && mention.range.count == 1
                && (pronounLeads.contains(
                    MessageTokens.shorthand[words.at(mention.range.lowerBound - 1)]
                        ?? words.at(mention.range.lowerBound - 1))
                    || words.at(mention.range.upperBound) == "se"))
                && mention.value > 0 && mention.value <= maxQuantity
                && !mention.range.contains { notCounts.contains($0) }
                && !mention.range.contains { words[$0].filter(\.isNumber).count > 5 }
                && !isGlued(mention, words, characters)
                && !timeSpans.contains(words.at(mention.range.upperBound))
                // "necesito las 2 cosas", "son 3 productos": how many things, none of them.
                && !genericThings.contains(words.at(mention.range.upperBound))
                && !(["un", "una"].contains(words.at(mention.range.lowerBound))
                    && (notProducts.contains(words.at(mention.range.upperBound))
                        || (leadingAdjectives.contains(words.at(mention.range.upperBound))
                            && notProducts.contains(words.at(mention.range.upperBound + 1)))))
                && (isKind?(words.at(mention.range.upperBound)) == true
                    || !isFeature(mention, words, isProduct: isProduct))
                && !countsPeople(mention, words) && !isRightAway(mention, words)
        }
    }

    /// "ya se han caído dos muchachos bajando con cajas": a count of people in the story
    /// orders nothing; for whom it is ("pa los 5 trabajadores") counts one for each.
    static func countsPeople(_ mention: QuantityParser.Mention, _ words: Words) -> Bool {
        var after = mention.range.upperBound
        // "uno de los recolectores se cortó": one of the people of the story.
        while after < mention.range.upperBound + 2, ofThePeople.contains(words.at(after)) { after += 1 }
        guard ItemExtractor.peopleWords.contains(words.at(after)) else { return false }
        let start = mention.range.lowerBound
        return ![words.at(start - 1), words.at(start - 2), words.at(start - 3)].contains {
            ItemExtractor.purposeWords.contains($0) || $0 == "cada"
        }
    }

    /// Words between a count and the people it is one of ("dos de los jornaleros").
    static let ofThePeople: Set<String> = ["de", "los", "las", "mis", "sus", "nuestros", "nuestras"]

    /// "mándeme 4. Y de una 4 lámparas": "de una" is "right away" before a number, a mark or
    /// the end, not one more of anything.
    static func isRightAway(_ mention: QuantityParser.Mention, _ words: Words) -> Bool {
        let start = mention.range.lowerBound
        guard words.at(start) == "una", mention.value == 1, words.at(start - 1) == "de" else { return false }
        let next = start + 1
        return next >= words.count || words.words[next].afterMark
            || SpanishNumber.read(words, at: next) != nil
    }

    /// "las máscaras de media cara con dos filtros", "un arnés con 2 argollas", "la que es
    /// como mascarilla con los dos filtros": a number after "con" (and its article) that joins
    /// a noun to a thing already named with an article or a count (same clause, a few words
    /// back) is a feature of it; "me colabora con 5 guantes" names
    /// nothing before "con", so its 5 is the order. A catalog word before "con" names the
    /// thing too ("¿manejan máscaras de media cara con dos filtros?").
    static func isFeature(_ mention: QuantityParser.Mention, _ words: Words, isProduct: ((String) -> Bool)? = nil)
        -> Bool
    {
        let start = mention.range.lowerBound
        // "máscara de dos filtros", "linterna d 3 pilas": a small number between two catalog
        // words joined by "de" is what the first one has.
        if start >= 2, ["de", "d"].contains(words.at(start - 1)), mention.value <= maxFeatureCount,
            isProduct?(words.at(start - 2)) == true, isProduct?(words.at(mention.range.upperBound)) == true
        {
            return true
        }
        // "con 2 argollas", "con los dos filtros a los lados"; "la máscara esa que tiene dos
        // filtros a los lados": a small number after "que tiene" says what a thing has.
        let withArticle = ["los", "las"].contains(words.at(start - 1)) && words.at(start - 2) == "con"
        let has =
            !withArticle && mention.value <= maxFeatureCount && hasVerbs.contains(words.at(start - 1))
            && words.at(start - 2) == "que"
        let con = withArticle ? start - 2 : start - 1
        // Where the thing is looked for before: the "con", or the "que" of the clause.
        let anchor = has ? start - 2 : con
        guard anchor >= 2, words.at(con) == "con" || has,
            has || !WordForms.contentWords([words.at(con - 1)]).isEmpty,
            !WordForms.contentWords([words.at(mention.range.upperBound)]).isEmpty
        else { return false }
        let characters = Array(words.original)
        var index = has ? anchor : con - 1
        if !has, isProduct?(words[index]) == true { return true }
        while index > 0, anchor - index <= 6 {
            let gap = words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound
            if characters[gap].contains(where: { ",;:.!?\n".contains($0) }) { return false }
            index -= 1
            let word = words[index]
            if articles.contains(word) || word.first?.isNumber == true || isProduct?(word) == true
                || (has && (demonstratives.contains(word) || pointingWords.contains(word)))
            {
                return true
            }
        }
        return false
    }

    /// Verbs of having after "que" ("la máscara esa que tiene dos filtros", "las que traen 3
    /// pilas").
    static let hasVerbs: Set<String> = [
        "tiene", "tienen", "tenga", "tengan", "trae", "traen", "traiga", "traigan", "lleva", "llevan", "lleve",
        "lleven",
    ]
    /// Singular pointing words after a noun ("la máscara esa que tiene…").
    static let pointingWords: Set<String> = ["esa", "ese", "esta", "este", "aquella", "aquel"]

    static let articles: Set<String> = ["el", "la", "los", "las", "un", "una", "unos", "unas"]
    /// The most parts a product may be said to have ("de dos filtros"); more is an order.
    static let maxFeatureCount = 6

    /// Word indices that belong to a time of day.
    static func timeWords(_ words: Words) -> Set<Int> {
        var result: Set<Int> = []
        let characters = Array(words.original)
        for index in 0..<words.count {
            let word = words[index]
            guard let first = word.first, first.isNumber else { continue }
            let next = words.at(index + 1)
            // "8am", "5pm", "8h"
            if word.hasSuffix("am") || word.hasSuffix("pm")
                || (word.hasSuffix("h") && word.dropLast().allSatisfy(\.isNumber))
            {
                result.insert(index)
            }
            // "8 am", "8 a.m.", "5 p. m.", "3 horas", "12 m." (noon; "2 m" is two metres)
            if (timeMarks.contains(next) && (next != "m" || word == "12"))
                || ((next == "a" || next == "p") && words.at(index + 2) == "m")
            {
                result.insert(index)
                result.insert(index + 1)
                if next == "a" || next == "p" { result.insert(index + 2) }
            }
            // "8:30"
            if index + 1 < words.count {
                let gap = words.words[index].range.upperBound..<words.words[index + 1].range.lowerBound
                if gap.count == 1, characters.indices.contains(gap.lowerBound), characters[gap.lowerBound] == ":",
                    words[index + 1].allSatisfy(\.isNumber)
                {
                    result.insert(index)
                    result.insert(index + 1)
                }
            }
            // "a las 3", "desde las 8", "hasta la 1"
            if timeLeads.contains(words.at(index - 1)), timeVerbs.contains(words.at(index - 2)) {
                result.insert(index)
            }
        }
        return result
    }
}
