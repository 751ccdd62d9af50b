import SpanishText

/// Turns a shopper's message into search concepts: drops greetings, buying verbs, price
/// questions and quantities ("3 pares de"), keeps sizes with their unit ("6 kilos" → 6kg),
/// reads plurals as singulars, expands regional names and needs from the lexicon, corrects
/// misspelt words towards the catalog's own vocabulary, and tells what the customer names
/// from what it is for ("casco" named, "calor" a purpose in "casco para trabajar con calor").
///
/// Every input is bounded and every step linear in it: at most `maxCharacters` characters
/// and `maxTokens` words are read, words longer than `maxWordLength` are skipped, at most
/// `maxConcepts` concepts are kept; each word costs a bounded number of dictionary lookups
/// plus one pass over the catalog's vocabulary (spelling corrections, compounds).
public struct QueryUnderstanding: Sendable {
    public let lexicon: SearchLexicon

    /// Characters of a message read; the rest is ignored (a request names its products in
    /// far fewer).
    public static let maxCharacters = 1_000
    /// Words read from those characters.
    public static let maxTokens = 96
    /// Concepts kept (the rest are repetitions or noise).
    public static let maxConcepts = 24
    /// Longer tokens are not words anyone searches for.
    public static let maxWordLength = 40

    public init(lexicon: SearchLexicon) {
        self.lexicon = lexicon
    }

    /// Units as the catalog writes them ("6kg", "5lb", "10m"), by the ways customers say them.
    static let units: [String: String] = [
        "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogramo": "kg", "kilogramos": "kg",
        "lb": "lb", "lbs": "lb", "libra": "lb", "libras": "lb",
        "gal": "gal", "galon": "gal", "galones": "gal",
        "m": "m", "mt": "m", "mts": "m", "metro": "m", "metros": "m",
        "cm": "cm", "centimetro": "cm", "centimetros": "cm",
        "mm": "mm", "milimetro": "mm", "milimetros": "mm",
        "ml": "ml", "mililitro": "ml", "mililitros": "ml",
        "l": "l", "lt": "l", "lts": "l", "litro": "l", "litros": "l",
        "db": "db", "decibel": "db", "decibeles": "db",
        "lumen": "lumen", "lumenes": "lumen",
    ]

    /// The long forms of each unit the catalog may also spell out ("2.5 galones").
    static let spelledUnits: [String: [String]] = [
        "kg": ["kilogramo"], "lb": ["libra"], "gal": ["galon"], "m": ["metro"], "l": ["litro"],
    ]

    /// Words after which the customer says what the product is for, not what it is
    /// ("guantes para soldar", "algo contra el ruido", "sin lastimar la espalda").
    /// With their WhatsApp spellings ("pra", "xa", "pal" for "para el", "paque" for "para que").
    static let purposeMarkers: Set<String> = [
        "para", "pa", "pra", "xa", "pal", "paque", "contra", "sin", "porque", "evitar", "mientras",
    ]
    /// The markers that say what a product is for right after its name ("casco para
    /// bicicleta"): after them an unknown thing specifies the name.
    static let forMarkers: Set<String> = ["para", "pa", "pra", "xa", "pal"]
    /// Articles that may stand between "para" and the thing ("para la sala").
    static let articles: Set<String> = ["el", "la", "los", "las", "un", "una", "unos", "unas"]
    /// Possessives, which stand there as articles do ("casco pa mi moto" is "casco pa la moto").
    static let possessives: Set<String> = [
        "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras",
    ]
    /// The articles and possessives that want a plural noun after them ("los", "mis").
    static let pluralArticles = articles.union(possessives).filter { $0.hasSuffix("s") }
    /// Endings of nouns for people and trades ("mecanico", "carpintero", "electricista",
    /// "operador", "ayudante", "motorizado", "funcionario"): after "para" they say who uses the
    /// product, not what it is.
    static let personEndings = [
        "ero", "eros", "era", "eras", "ista", "istas", "dor", "dores", "dora", "doras", "nte", "ntes", "ico", "icos",
        "ica", "icas", "ado", "ados", "ada", "adas", "ario", "arios",
    ]
    /// Words that start a clause about the use when something known was named before them
    /// ("algo que suene", "guantes que aguanten"; not "¿será que tienen…?") or a pronoun or
    /// "no" follows ("que no se caigan",
    /// "cuando se va la luz"); otherwise they ask ("¿qué guantes tienen?", "si tienen…").
    static let clauseMarkers: Set<String> = ["que", "si", "cuando", "donde", "como"]
    static let clauseStarts: Set<String> = [
        "no", "se", "me", "te", "le", "les", "nos", "lo", "la", "los", "las", "uno", "una", "alguien", "nadie",
    ]
    /// Words for "something" before a clause that says what it must do ("algo que pite",
    /// "una cosa que sirva"): the clause is the use, not what is named.
    static let somethingWords: Set<String> = ["algo", "cosa", "cosita", "elemento", "aparato", "dispositivo"]
    /// What may stand between a name and the word that specifies it ("casco de moto").
    static let connectors: Set<String> = ["de", "del"]

    /// The message's words as read: folded tokens, at most `maxTokens`, none longer than
    /// `maxWordLength`.
    /// A lone "d" is chat for "de" ("chaleco d esos q brillan d noche").
    /// A storey ("las gradas del segundo piso", "una casa de dos pisos") is left out: it says
    /// where, never the floor a product is for ("Señal piso mojado").
    public static func readTokens(_ text: String) -> [String] {
        let tokens = SpanishWords.tokens(String(text.prefix(maxCharacters)))
        var kept: [String] = []
        for token in tokens where token.count <= maxWordLength {
            if let previous = kept.last, WordForms.isStorey(token, after: previous) {
                kept.removeLast()
                continue
            }
            kept.append(token == "d" ? "de" : token)
            if kept.count > maxTokens { break }
        }
        return Array(kept.prefix(maxTokens))
    }

    public func understand(_ text: String, vocabulary: SearchVocabulary) -> SearchQuery {
        let names = Self.properNouns(in: text)
        var query: SearchQuery
        if let kept = requestText(text, vocabulary, properNouns: names) {
            query = read(kept, vocabulary: vocabulary, properNouns: names)
            query.original = text
        } else {
            query = read(text, vocabulary: vocabulary, properNouns: names)
        }
        query.refused = RefusedWords.read(Self.readTokens(text)).words
        return query
    }

    /// Words written with a capital inside a sentence ("le escribe Gladys", "a Jamundí",
    /// "Constructora Los Andes", "el INVIMA"): names of people, places, companies and
    /// bodies, folded. None when most words are capitalised (a message in capitals or in
    /// title case says nothing by it). Linear in the first `maxCharacters` characters.
    static func properNouns(in text: String) -> Set<String> {
        let sentenceEnds: Set<Character> = [".", "!", "?", "¿", "¡", "\n", "\r", ":"]
        var names: Set<String> = []
        var words = 0
        var capitalised = 0
        var sentenceStart = true
        var word = ""
        func close() {
            guard !word.isEmpty else { return }
            words += 1
            if word.first?.isUppercase == true {
                capitalised += 1
                if !sentenceStart, !word.contains(where: \.isNumber), let folded = SpanishWords.tokens(word).first {
                    names.insert(folded)
                }
            }
            sentenceStart = false
            word = ""
        }
        for character in text.prefix(maxCharacters) {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                close()
                if sentenceEnds.contains(character) { sentenceStart = true }
            }
        }
        close()
        return capitalised * 2 > words ? [] : names
    }

    /// Whether the catalog or the lexicon has the word itself (not only a longer word it
    /// begins): a capitalised word it has is no name ("Extintor", "Casco").
    func knowsExactly(_ word: String, _ vocabulary: SearchVocabulary) -> Bool {
        let singular = SpanishWords.singular(word)
        return [word, singular].contains {
            vocabulary.hasExactWord($0) || lexicon.synonyms(of: [$0]) != nil || lexicon.isAttribute($0)
                || lexicon.fillerWords.contains($0) || lexicon.words.contains($0)
        }
    }

    /// Words that begin a clause still describing the product named before it ("casco,
    /// pero de moto", "guantes, de los de cuero", "botas, tipo vaqueras").
    static let continuations: Set<String> = ["de", "del", "pero", "con", "sin", "tipo", "en", "o", "u", "que", "como"]
    /// Words that point at the product named before when a continuation follows them
    /// ("filtros de repuesto, los de vapores y gases"; "guantes, unos que aguanten químicos").
    static let pointingWords: Set<String> = [
        "el", "la", "lo", "los", "las", "uno", "una", "unos", "unas", "ese", "esa", "esos", "esas", "este", "esta",
        "estos", "estas",
    ]

    /// Whether a clause goes on describing the product named before it (`continuations`,
    /// alone or after a `pointingWords`).
    static func continuesDescribing(_ tokens: [String]) -> Bool {
        guard let first = tokens.first else { return false }
        if continuations.contains(first) { return true }
        return pointingWords.contains(first) && tokens.count > 1 && continuations.contains(tokens[1])
    }

    /// Clauses of a message read apart at most (one reading each, then the kept ones again).
    public static let maxClauses = 12

    /// Beginnings of the verbs of asking for something ("necesito", "quisiéramos",
    /// "requerimos", "solicito", "busco", "ocupo", "cotizar", "me piden", "nos falta",
    /// "comprarle", "nos exigen", "la ARL recomendó"): in a clause, what follows the last of
    /// them before the product is the request, what precedes it the story ("mi cuñado me dijo
    /// que necesito un arnés").
    static let requestVerbStems = [
        "necesit", "quier", "quisier", "quere", "requer", "requier", "solicit", "busc", "ocup", "cotiz", "pid",
        "pide", "falt", "compr", "vend", "manej", "recomiend", "recomend", "aconsej", "sugier", "sugir", "exig",
    ]

    /// Whether a token is a verb of asking for something (`requestVerbStems`).
    static func isRequestVerb(_ token: String) -> Bool {
        token.count >= 3 && requestVerbStems.contains { token.hasPrefix($0) }
    }

    /// Whether the token at `index` begins a name of what the shop sells ("arnés",
    /// "extintor", "gas pimienta"): alone or with the next word, a name the lexicon gives as
    /// a product's, with its equivalents; not a word that only begins one ("piso" of "piso
    /// mojado"), a need ("luz") or a context. With `pastDe`, the next word may follow a "de"
    /// ("nos exigen el plano de evacuación"): only in a clause that asks, since a story names
    /// things in passing ("se cayó subiendo con una caja de herramientas").
    func isProductWord(
        at index: Int, in tokens: [String], _ vocabulary: SearchVocabulary, pastDe: Bool = false
    ) -> Bool {
        let singular = SpanishWords.singular(tokens[index])
        guard lexicon.namesKind(singular), !lexicon.fillerWords.contains(tokens[index]),
            !lexicon.isContext([singular])
        else { return false }
        func isName(_ key: [String]) -> Bool {
            !lexicon.isContext(key)
                && (lexicon.synonyms(of: key) ?? []).contains { $0.strength == SearchLexicon.equivalent }
        }
        if isName([singular]) { return true }
        var next = index + 1
        if pastDe, next + 1 < tokens.count, Self.connectors.contains(tokens[next]) { next += 1 }
        return next < tokens.count && isName([singular, SpanishWords.singular(tokens[next])])
    }

    /// What a message asks for, when it says more than that; nil when all of it is the request.
    ///
    /// A message is cut into clauses (`MessageClauses`). When some name a product the shop
    /// sells, the request is those clauses, with any clause right after one of them that
    /// goes on describing it ("casco, pero de moto") and any that says what a product is for
    /// with words the shop knows ("¿tienen algo para que no se resbalen?"); the rest (who
    /// writes, the story, questions about price, delivery and payment) is left out, and with
    /// it the unknown words that would read as something not carried ("soy pensionado", "le
    /// escribe Gladys de la panadería"). In a clause naming a product, what precedes the last
    /// verb of asking or "que" before the product is story too ("el inspector me dijo que
    /// necesito un extintor"). When none names a product, the clauses that name nothing the
    /// shop knows are left out (a need is said among them). Linear: at most `maxClauses`
    /// clauses, each read once.
    func requestText(_ text: String, _ vocabulary: SearchVocabulary, properNouns: Set<String> = []) -> String? {
        let clauses = MessageClauses.split(String(text.prefix(Self.maxCharacters)))
        guard !clauses.isEmpty, clauses.count <= Self.maxClauses else { return nil }
        struct Clause {
            var tokens: [String]
            var product: Int?
            var knows: Bool
            var saysUse: Bool
            /// The clause asks for something it names with words the shop knows ("necesito
            /// andamio", "quiero algo que alumbre").
            var asks: Bool
            /// The clause asks for something the shop does not know ("¿venden motobomba?").
            var asksUnknown: Bool
        }
        let readings = clauses.map { clause -> Clause in
            let tokens = Self.readTokens(String(clause))
            let concepts = self.read(String(clause), vocabulary: vocabulary, properNouns: properNouns).concepts
            let knows = concepts.contains {
                !$0.unknown && !$0.corrected && $0.kind != .action && $0.kind != .attribute
            }
            let asks = knows && tokens.contains(where: Self.isRequestVerb)
            let product =
                knows ? tokens.indices.first { isProductWord(at: $0, in: tokens, vocabulary, pastDe: asks) } : nil
            return Clause(
                tokens: tokens, product: product, knows: knows,
                saysUse: knows && tokens.contains(where: Self.forMarkers.contains),
                asks: asks,
                asksUnknown: concepts.contains(where: \.namesSomethingNotCarried)
                    && tokens.contains(where: Self.isRequestVerb))
        }
        var kept: [[String]] = []
        if readings.contains(where: { $0.product != nil }) {
            var previousKept = false
            for clause in readings {
                if let product = clause.product {
                    kept.append(requestPart(of: clause.tokens, product: product, vocabulary))
                    previousKept = true
                } else if clause.asks {
                    kept.append(Self.fromRequestVerb(clause.tokens))
                    previousKept = true
                } else if clause.saysUse
                    || (previousKept && Self.continuesDescribing(clause.tokens))
                {
                    kept.append(clause.tokens)
                } else {
                    previousKept = false
                }
            }
        } else if readings.contains(where: \.asks) {
            // A need asked for among the story ("tengo una finca, allá se va la luz y quiero
            // algo que alumbre"): the clauses that ask and those that say a use (whole: the
            // need is often said before the verb, "la pulidora se come los discos, necesito"),
            // with a clause right after one of them that goes on about it ("…sugirió protección
            // auditiva, pero la queremos desechable").
            var previousKept = false
            for clause in readings {
                previousKept =
                    clause.asks || clause.saysUse
                    || (previousKept && Self.continuesDescribing(clause.tokens))
                if previousKept { kept.append(clause.tokens) }
            }
        } else if readings.contains(where: \.asksUnknown) {
            // Nothing known asked for, something unknown is ("en la finca se inunda todo,
            // ¿venden motobomba?"): that is the request, not the story around it.
            kept = readings.filter { $0.asksUnknown || $0.saysUse }.map(\.tokens)
        } else {
            guard clauses.count > 1 else { return nil }
            kept = readings.filter(\.knows).map(\.tokens)
            guard !kept.isEmpty else { return nil }
        }
        guard kept.count < clauses.count || kept.map(\.count) != readings.map(\.tokens.count) else { return nil }
        // "y" between the kept clauses: a word of one is never read as joined to the name
        // that ends the one before.
        return kept.map { $0.joined(separator: " ") }.joined(separator: " y ")
    }

    /// A clause from its first verb of asking on ("alla se va la luz, quiero algo que se
    /// prenda solo" → "algo que se prenda solo"): the whole clause when it has none.
    static func fromRequestVerb(_ tokens: [String]) -> [String] {
        guard let verb = tokens.firstIndex(where: isRequestVerb) else { return tokens }
        return Array(tokens[(verb + 1)...])
    }

    /// A clause naming a product (first at `product`) from the last verb of asking before it,
    /// or else from the last "que" that introduces what someone said ("me dijeron que tengo
    /// que tener un extintor" → "tener un extintor"). After a verb of asking a "que" is most
    /// often who the product is for ("necesito para los muchachos que van a pintar… tres
    /// arneses").
    func requestPart(of tokens: [String], product: Int, _ vocabulary: SearchVocabulary) -> [String] {
        var afterVerb: Int?
        var afterComplementizer: Int?
        for index in 0..<product {
            if Self.isRequestVerb(tokens[index]) {
                afterVerb = index + 1
            } else if isComplementizer(at: index, in: tokens, vocabulary) {
                afterComplementizer = index + 1
            }
        }
        return Array(tokens[(afterVerb ?? afterComplementizer ?? 0)...])
    }

    /// Whether the "que" at `index` introduces what someone said, asked or must do ("me
    /// dijeron que…", "tengo que…", "quiere que…"), not what a thing is for or must do: not
    /// after "para" ("pa que no se moje"), a word for "something" ("algo que vaya en el
    /// casco"), an article ("el que lava los carros") or a noun the shop knows ("la escalera
    /// que va al segundo piso"), nor before "no" ("que no tiene luz").
    func isComplementizer(at index: Int, in tokens: [String], _ vocabulary: SearchVocabulary) -> Bool {
        guard tokens[index] == "que" else { return false }
        if index + 1 < tokens.count, tokens[index + 1] == "no" { return false }
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        let singular = SpanishWords.singular(previous)
        if Self.purposeMarkers.contains(previous) || Self.somethingWords.contains(previous)
            || Self.articles.contains(previous) || previous == "lo"
        {
            return false
        }
        return !vocabulary.knows(singular) && lexicon.synonyms(of: [singular]) == nil
    }

    /// The concepts of `text`, without the names of people and places in `properNouns`
    /// that the catalog and the lexicon do not have.
    private func read(_ text: String, vocabulary: SearchVocabulary, properNouns: Set<String> = []) -> SearchQuery {
        // What the customer says not to want is not sought ("un extintor que no sea de polvo").
        let all = Self.readTokens(text)
        let refused = RefusedWords.read(all).spans
        let read = all.indices.filter { index in !refused.contains { $0.contains(index) } }.map { all[$0] }
            .filter { !properNouns.contains($0) || knowsExactly($0, vocabulary) }
        let tokens = removingFillerPhrases(splittingMeasures(read)).map { undiminished($0, vocabulary) }
        var concepts: [SearchConcept] = []
        var spans: [Range<Int>] = []
        var role = SearchConcept.Role.named
        var index = 0
        while index < tokens.count, concepts.count < Self.maxConcepts {
            let token = tokens[index]
            if SpanishWords.isNumber(token) {
                if index + 1 < tokens.count, let unit = Self.units[tokens[index + 1]] {
                    concepts.append(measure(token, unit, role: role))
                    spans.append(index..<(index + 2))
                    index += 2
                } else {
                    index += 1  // a quantity ("3 guantes"): not part of what is sought
                }
                continue
            }
            if Self.purposeMarkers.contains(token)
                || (Self.clauseMarkers.contains(token)
                    && (concepts.contains { !$0.unknown }
                        || (index + 1 < tokens.count && Self.clauseStarts.contains(tokens[index + 1]))
                        || (index > 0 && Self.somethingWords.contains(tokens[index - 1]))))
            {
                role = .purpose
                index += 1
                continue
            }
            if lexicon.fillerWords.contains(token) || Self.units[token] != nil || isMisspeltFiller(token, vocabulary) {
                index += 1
                continue
            }
            if let (concept, length) = synonymPhrase(at: index, in: tokens, role: role) {
                concepts.append(concept)
                spans.append(index..<(index + length))
                index += length
                continue
            }
            let afterClitic = index > 0 && Self.clitics.contains(tokens[index - 1])
            let concept = word(token, vocabulary: vocabulary, role: role, afterClitic: afterClitic)
            concepts.append(concept)
            spans.append(index..<(index + 1))
            // The object of an infinitive is what the product is for ("subirse a un poste"); a
            // verb after its pronoun or a gerund may just be how the customer tells it ("le
            // pregunto si…", "estoy mirando guantes").
            if concept.kind == .action, !afterClitic, Self.infinitive(ofGerund: token) == nil { role = .purpose }
            index += 1
        }
        joiningSplitKeys(&concepts, tokens: tokens)
        Self.placeUnknownWords(&concepts, spans: spans, tokens: tokens, lexicon: lexicon)
        NeedReading.placeContexts(&concepts, spans: spans, tokens: tokens, lexicon: lexicon)
        return SearchQuery(
            original: text, concepts: Self.joiningCompounds(Self.merged(concepts), vocabulary),
            foldedText: read.joined(separator: " "))
    }

    /// Whether what the customer names is something the shop does not carry. An unknown word
    /// or a context does when it is all that is named ("pizza", "¿venden escaleras?"); an
    /// unknown word also when it is joined to a known name ("casco de moto", "chaleco
    /// salvavidas"), and a context when a known name qualifies it ("escalera de emergencia").
    /// A context qualifying a known name is its use ("botas de obra") when its products
    /// include that kind of thing; otherwise, after "de", it says the name is of another thing
    /// ("detector de metales": no detector is for metal). Anything else named apart from the
    /// known names is context too ("mi jefe necesita guantes").
    private static func placeUnknownWords(
        _ concepts: inout [SearchConcept], spans: [Range<Int>], tokens: [String], lexicon: SearchLexicon
    ) {
        func knownName(_ index: Int) -> Bool {
            concepts.indices.contains(index) && concepts[index].kind == .word && concepts[index].role == .named
                && !concepts[index].unknown
        }
        // Whether a known concept says what a product is ("guantes", "linterna"), not only
        // how it is ("led", "electrica"): its word (the first of a name said in several,
        // "soporte de linterna"), its correction or an equivalent name.
        func namesKind(_ index: Int) -> Bool { NeedReading.namesKind(concepts[index], lexicon: lexicon) }
        // Side by side, or with "de" between ("casco de moto"). A word right before a name
        // is joined to it only with "de" ("zapatos de tacon"): bare, it is mostly a verb
        // ("ocupo guantes")… unless the known word only describes: then the unknown word is
        // the noun it describes ("bombillo led", "extension electrica").
        func joined(_ first: Int, _ second: Int) -> Bool {
            let between = tokens[spans[first].upperBound..<spans[second].lowerBound]
            guard between.count <= 1, between.allSatisfy(connectors.contains) else { return false }
            if !between.isEmpty || concepts[first].kind == .word && !concepts[first].unknown { return true }
            // "capas impermeables": a word shaped as an adjective after the unknown one
            // describes it (Spanish puts the adjective after its noun).
            if concepts[first].unknown, concepts[first].kind == .word, spans[second].count == 1,
                looksAdjective(tokens[spans[second].lowerBound])
            {
                return true
            }
            return concepts[first].unknown && concepts[first].kind == .word && !namesKind(second)
        }
        // A context after "de" whose products are none of the kind named before it.
        func specifiesAnotherThing(_ context: Int) -> Bool {
            guard concepts[context].kind == .context, knownName(context - 1) else { return false }
            let between = tokens[spans[context - 1].upperBound..<spans[context].lowerBound]
            guard between.count == 1, let connector = between.first, connectors.contains(connector) else {
                return false
            }
            let name = concepts[context - 1]
            let kinds = Set(name.phrases.filter { $0.strength >= 0.9 }.compactMap(\.tokens.first))
            return !concepts[context].phrases.contains { phrase in
                phrase.tokens.first.map { word in kinds.contains { $0.hasPrefix(word) || word.hasPrefix($0) } } ?? false
            }
        }
        guard concepts.indices.contains(where: knownName) else { return }
        // "casco para bicicleta", "mascarilla para el cabello", "casco pa mi moto": an unknown
        // thing right after a known name and "para" says what the named thing is (not a use the
        // shop knows); a person or trade ("guantes para el mecanico") says who uses it.
        var specifying: Set<Int> = []
        for index in concepts.indices.dropFirst()
        where concepts[index].unknown && concepts[index].kind == .word && concepts[index].role == .purpose
            && knownName(index - 1)
        {
            let between = tokens[spans[index - 1].upperBound..<spans[index].lowerBound].filter {
                !articles.contains($0) && !possessives.contains($0)
            }
            let word = concepts[index].text
            // "pa los (que) arruman abajo": a plural article before a word that is no plural
            // says who does something, not a thing.
            let article = tokens[..<spans[index].lowerBound].last
            let pluralArticle =
                article.map(pluralArticles.contains) == true && !tokens[spans[index].lowerBound].hasSuffix("s")
            guard between.count == 1, forMarkers.contains(between[0]),
                !personEndings.contains(where: { word.hasSuffix($0) }), !pluralArticle
            else { continue }
            concepts[index].role = .named
            specifying.insert(index)
        }
        for index in concepts.indices where concepts[index].namesSomethingNotCarried && !specifying.contains(index) {
            let qualifies = knownName(index - 1) && joined(index - 1, index)
            let qualified = knownName(index + 1) && joined(index, index + 1)
            // Spanish names first and specifies after: "casco de moto" (the unknown word after
            // the name), "escalera de emergencia" (the context before it).
            // A context after a known name already said is one of its features or uses ("casco
            // con huequitos de ventilación"), unless it says the name is of another thing.
            let afterName = concepts.indices.contains { $0 < index && knownName($0) }
            let named =
                concepts[index].kind == .context
                ? (qualified && !qualifies && !afterName) || specifiesAnotherThing(index) : qualifies || qualified
            if !named { concepts[index].role = .purpose }
        }
    }

    /// Endings of Spanish adjectives ("impermeable", "reflectivos", "dieléctricas",
    /// "antideslizante"), folded, singular and plural.
    static let adjectiveEndings = [
        "ble", "bles", "ivo", "ivos", "iva", "ivas", "ico", "icos", "ica", "icas", "nte", "ntes", "oso", "osos",
        "osa", "osas",
    ]

    /// Whether a word is shaped as an adjective (`adjectiveEndings`, five letters or more).
    static func looksAdjective(_ word: String) -> Bool {
        word.count >= 5 && adjectiveEndings.contains { word.hasSuffix($0) }
    }

    /// A verb and the noun after it may be one catalog word: "lavar los ojos" → "lavaojos",
    /// "tapar la boca" → "tapabocas". The compound is added to both concepts.
    private static func joiningCompounds(_ concepts: [SearchConcept], _ vocabulary: SearchVocabulary)
        -> [SearchConcept]
    {
        var result = concepts
        for index in result.indices.dropLast() where result[index].kind == .action {
            guard let root = SpanishWords.infinitiveRoot(result[index].text), result[index + 1].kind == .word else {
                continue
            }
            let noun = result[index + 1].text
            for compound in vocabulary.compounds(endingWith: noun, minimumExtra: 2) where compound.hasPrefix(root) {
                let phrase = SearchPhrase([compound])
                if !result[index].phrases.contains(phrase) { result[index].phrases.append(phrase) }
                if !result[index + 1].phrases.contains(phrase) { result[index + 1].phrases.append(phrase) }
                result[index + 1].unknown = false
            }
        }
        return result
    }

    /// "6kg" → "6", "kg" (so every spelling of a measure takes the same path).
    private func splittingMeasures(_ tokens: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            if let split = token.firstIndex(where: \.isLetter), split != token.startIndex,
                token[..<split].allSatisfy(\.isNumber), Self.units[String(token[split...])] != nil
            {
                result.append(String(token[..<split]))
                result.append(String(token[split...]))
            } else {
                result.append(token)
            }
        }
        return result
    }

    /// Filler phrases removed ("por favor", "cuánto cuesta"): one dictionary lookup per word.
    private func removingFillerPhrases(_ tokens: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            let length = lexicon.fillerPhraseLength(at: index, in: tokens)
            if length > 0 {
                index += length
            } else {
                result.append(tokens[index])
                index += 1
            }
        }
        return result
    }

    private func measure(_ number: String, _ unit: String, role: SearchConcept.Role) -> SearchConcept {
        var phrases = [SearchPhrase([number + unit]), SearchPhrase([number, unit])]
        for spelled in Self.spelledUnits[unit] ?? [] { phrases.append(SearchPhrase([number, spelled])) }
        // "extintor de 20 libras" is the 9 kg one: a weight also finds its other unit's size.
        if let (other, otherUnit) = Self.otherWeight(number, unit) {
            phrases += [SearchPhrase([other + otherUnit]), SearchPhrase([other, otherUnit])]
        }
        return SearchConcept(text: number + unit, kind: .measure, role: role, phrases: phrases)
    }

    /// Kilograms in a pound.
    static let kilogramsPerPound = 0.45359237
    /// How far a rounded weight may stray from the exact one and still be the same size.
    static let weightTolerance = 0.05

    /// A weight in pounds as whole kilograms, or one in kilograms as whole pounds ("20" "lb"
    /// → "9" "kg"; "6" "kg" → "13" "lb"), when the whole number is within `weightTolerance`
    /// of the exact one; nil for other units or a rounding too coarse ("10 lb" is 4.5 kg).
    static func otherWeight(_ number: String, _ unit: String) -> (String, String)? {
        guard let value = Double(number), value > 0, value < 10_000 else { return nil }
        let exact: Double
        let otherUnit: String
        switch unit {
        case "lb": (exact, otherUnit) = (value * kilogramsPerPound, "kg")
        case "kg": (exact, otherUnit) = (value / kilogramsPerPound, "lb")
        default: return nil
        }
        let whole = exact.rounded()
        guard whole >= 1, abs(whole - exact) / exact <= weightTolerance else { return nil }
        return (String(Int(whole)), otherUnit)
    }

    /// The longest synonym key (two words or more) starting at `index`, skipping filler words
    /// inside it ("kit de primeros auxilios"). Reads at most `lexicon.longestKey` words.
    private func synonymPhrase(at index: Int, in tokens: [String], role: SearchConcept.Role)
        -> (SearchConcept, Int)?
    {
        guard lexicon.longestKey > 1 else { return nil }
        var content: [String] = []
        var ends: [Int] = []  // ends[k]: tokens consumed once content has k + 1 words
        var position = index
        while position < tokens.count, content.count < lexicon.longestKey, position - index < 2 * lexicon.longestKey {
            let token = tokens[position]
            position += 1
            if lexicon.fillerWords.contains(token), !content.isEmpty { continue }
            if SpanishWords.isNumber(token) { break }
            content.append(SpanishWords.singular(token))
            ends.append(position)
        }
        guard content.count > 1 else { return nil }
        for length in stride(from: content.count, through: 2, by: -1) {
            let key = Array(content[..<length])
            if let expansions = lexicon.synonyms(of: key) {
                let phrases = Self.unique([SearchPhrase(key)] + expansions.map(Self.normalized))
                let kind: SearchConcept.Kind = lexicon.isContext(key) ? .context : .word
                return (
                    SearchConcept(text: key.joined(separator: " "), kind: kind, role: role, phrases: phrases),
                    ends[length - 1] - index
                )
            }
        }
        return nil
    }

    /// Pronouns that only ever stand before a verb ("que no le rompa", "que no se me
    /// quemen", "que no me entre"): the unknown word after them is a verb form, never a noun
    /// misspelt. Not "lo", "la", "los", "las": they are articles too.
    static let clitics: Set<String> = ["me", "te", "se", "le", "les", "nos"]

    /// The infinitive of a gerund ("excavando" → "excavar", "corriendo" → "correr"), nil for
    /// any other word.
    static func infinitive(ofGerund word: String) -> String? {
        if word.count >= 7, word.hasSuffix("ando") { return word.dropLast(4) + "ar" }
        if word.count >= 8, word.hasSuffix("iendo") { return word.dropLast(5) + "er" }
        return nil
    }

    private func word(_ token: String, vocabulary: SearchVocabulary, role: SearchConcept.Role, afterClitic: Bool)
        -> SearchConcept
    {
        let singular = SpanishWords.singular(token)
        var phrases = [SearchPhrase([singular])]
        if let stem = SpanishWords.genderStem(singular) { phrases.append(SearchPhrase([stem])) }
        let key = lexicon.synonyms(of: [singular]) != nil ? [singular] : [token]
        // A pronoun joined to an infinitive the lexicon lists ("colgarme" → colgar) before a
        // stem of another sense ("colg*": hanging from a height).
        let cliticFree = Self.withoutClitic(token)
        var synonyms =
            lexicon.synonyms(of: key) ?? (cliticFree != token ? lexicon.synonyms(of: [cliticFree]) : nil)
            ?? lexicon.stemExpansions(of: token)
        var corrected = false
        var soundsAsWritten = false
        var kind: SearchConcept.Kind = lexicon.isContext(key) ? .context : .word
        let known = vocabulary.knows(singular) || vocabulary.knows(token)
        let inCatalog = vocabulary.inCatalog(singular) || vocabulary.inCatalog(token)
        let attribute = lexicon.isAttribute(token) || lexicon.isAttribute(singular)
        // A word the lexicon mentions only inside a longer name ("fundicion" of "guante de
        // fundicion") is not corrected, but on its own it names nothing the shop has.
        var recognised = synonyms != nil || vocabulary.hasWord(singular) || vocabulary.hasWord(token) || attribute
        if synonyms == nil, !known, !attribute, let tail = compoundNeed(singular) {
            // "tapaorejas", "cubrecabeza": a covering verb joined to what it covers.
            synonyms = tail
            recognised = true
        }
        let verb = Self.infinitive(ofGerund: token) ?? Self.withoutClitic(token)
        if synonyms == nil, !inCatalog, !attribute, let root = SpanishWords.infinitiveRoot(verb) {
            // "soldar" finds "soldador"; "lavarse" finds "lavaojos".
            kind = .action
            recognised = true
            if root.count >= 4 || vocabulary.inCatalog(root) { phrases.append(SearchPhrase([root])) }
            synonyms = lexicon.synonyms(of: [root + "ar"]) ?? lexicon.synonyms(of: [token])
        } else if synonyms == nil, !known, !attribute, let verb = ConjugatedVerbs.need(of: token, lexicon: lexicon) {
            // "pintan", "sueldan": what someone does, the need of its verb; no name misspelt.
            kind = .action
            recognised = true
            synonyms = verb.needs
            if let root = SpanishWords.infinitiveRoot(verb.infinitive), root.count >= 4 || vocabulary.inCatalog(root) {
                phrases.append(SearchPhrase([root]))
            }
        } else if synonyms == nil, !known || !vocabulary.hasExactWord(singular), !attribute, afterClitic {
            // A verb form after its pronoun ("no le rompa", "que nadie se meta"): what the
            // product is for, and no catalog word it resembles ("rampa", "ropa") or begins
            // ("metal").
            kind = .action
            recognised = true
        } else if synonyms == nil, !known, !attribute {
            // The word itself in another number ("carros" of "carros que pasan") is no
            // correction: a word the lexicon knows only inside a longer name names nothing.
            // Nor is a verb form of the lexicon's needs a correction of the noun of its agent or
            // instrument ("cargador" is no misspelt "cargando"): a thing the shop does not know
            // stays unknown.
            let agent = Self.isAgentNoun(singular)
            let loanword = Self.withoutProstheticE(singular).flatMap { vocabulary.knows($0) ? [$0] : nil } ?? []
            // The silent "h" left out ("umo" for humo, "errajes"), even in a short word.
            let silentH = singular.first.map { "aeiou".contains($0) } == true && vocabulary.knows("h" + singular)
            let corrections =
                ((silentH ? ["h" + singular] : []) + loanword + vocabulary.corrections(for: token)
                + vocabulary.expansions(ofShorthand: token))
                .filter {
                    SpanishWords.singular($0) != singular
                        && (!agent || vocabulary.inCatalog($0) || !Self.isVerbForm($0))
                }
            if !corrections.isEmpty {
                corrected = true
                // A spelling that keeps the sound ("gavinete", "estintor", "umo") is what was
                // meant; another correction may have found another word.
                let key = SpanishWords.phoneticKey(singular)
                soundsAsWritten = corrections.allSatisfy { SpanishWords.phoneticKey(SpanishWords.singular($0)) == key }
                recognised = true
                phrases = []
                for correction in corrections {
                    let fixed = SpanishWords.singular(correction)
                    phrases.append(SearchPhrase([fixed]))
                    let fixedKey = lexicon.synonyms(of: [fixed]) != nil ? [fixed] : [correction]
                    if let found = lexicon.synonyms(of: fixedKey) {
                        synonyms = (synonyms ?? []) + found
                        if lexicon.isContext(fixedKey) { kind = .context }
                    }
                }
            }
        }
        // "cobija" of "cobija ignifuga" stands for "manta" of "manta ignifuga", a word of the
        // catalog (one it lacks, "completo" for "entero", would only weigh without matching).
        if !recognised, synonyms == nil,
            case let equivalents = (lexicon.wordEquivalents[singular] ?? []).filter(vocabulary.inCatalog),
            !equivalents.isEmpty
        {
            corrected = true
            recognised = true
            for word in equivalents.prefix(Self.maxWordEquivalents) {
                phrases.append(SearchPhrase([word], strength: SearchLexicon.equivalent))
                synonyms = (synonyms ?? []) + (lexicon.synonyms(of: [word]) ?? [])
            }
        }
        if kind == .word, attribute, synonyms == nil { kind = .attribute }
        // A need's word ("oído", what is protected) joined in a product's name ("tapaoídos") is
        // one of the things for it, no more than the need's other products (the ear muffs).
        let onlyNeed = synonyms.map { !$0.isEmpty && $0.allSatisfy { $0.strength < SearchLexicon.equivalent } } ?? false
        for compound in vocabulary.compounds(endingWith: singular, minimumExtra: singular.count < 4 ? 4 : 3) {
            phrases.append(SearchPhrase([compound], strength: onlyNeed ? SearchLexicon.oneWay : 1))
            recognised = true
        }
        if !inCatalog, let split = Self.split(singular, vocabulary) {
            // "portaherramientas" is the catalog's "porta herramientas".
            phrases.append(split)
            recognised = true
        }
        phrases += (synonyms ?? []).map(Self.normalized)
        // Two letters or fewer ("xl", "m"): a size or a slip, never a reason to offer nothing.
        let unknown = !recognised && token.count >= 3
        var concept = SearchConcept(
            text: singular, kind: kind, role: role, phrases: Self.unique(phrases), corrected: corrected,
            unknown: unknown)
        concept.soundsAsWritten = soundsAsWritten
        return concept
    }

    /// Equivalent words (`SearchLexicon.wordEquivalents`) one unknown word stands for at most.
    static let maxWordEquivalents = 4

    /// An English loanword written with Spanish's prosthetic e ("espray", "esticker",
    /// "esmart"): "es" and a consonant begin it; the word without that "e" ("spray"), nil when
    /// the word does not begin so. Whether that word is known is the caller's to check.
    static func withoutProstheticE(_ word: String) -> String? {
        guard word.count >= 5, word.hasPrefix("es"), let third = word.dropFirst(2).first,
            third.isLetter, !"aeiou".contains(third)
        else { return nil }
        return String(word.dropFirst())
    }

    /// Verbs that join what they cover or keep to make a product's name ("tapa" of
    /// "tapabocas", "cubre" of "cubrebocas").
    static let coveringPrefixes = ["tapa", "cubre", "protege", "proteje", "guarda", "cuida", "salva"]

    /// The needs of the body part or hazard a compound the catalog does not have ends in
    /// ("tapaorejas" → orejas, "cubrecabeza" → cabeza): nil when it has no such ending.
    func compoundNeed(_ word: String) -> [SearchPhrase]? {
        guard word.count >= 7, word.count <= Self.maxWordLength else { return nil }
        for prefix in Self.coveringPrefixes where word.hasPrefix(prefix) && word.count >= prefix.count + 3 {
            let rest = String(word.dropFirst(prefix.count))
            if let needs = lexicon.synonyms(of: [SpanishWords.singular(rest)]) ?? lexicon.synonyms(of: [rest]) {
                return needs
            }
        }
        return nil
    }

    /// Endings of the nouns of a verb's agent or instrument ("cargador", "calentadora").
    static let agentEndings = ["ador", "adora", "edor", "edora", "idor", "idora"]

    /// Whether a (singular) word is the noun of an agent or instrument of a verb.
    static func isAgentNoun(_ word: String) -> Bool {
        word.count >= 7 && agentEndings.contains { word.hasSuffix($0) }
    }

    /// Whether a word looks like a verb form: an infinitive (with or without its pronoun) or a
    /// gerund.
    static func isVerbForm(_ word: String) -> Bool {
        infinitive(ofGerund: word) != nil || SpanishWords.infinitiveRoot(withoutClitic(word)) != nil
    }

    /// A multi-word name said apart ("cintas amarillas de precaución" for "cinta de
    /// precaución", "guantes para fundición" for "guante de fundición"): a word the catalog
    /// does not have, which the lexicon knows only inside such a name, stands for that name
    /// when the name's other words are in the message too. Bounded: the keys of one word are
    /// few, and each is checked against the message's words as a set.
    private func joiningSplitKeys(_ concepts: inout [SearchConcept], tokens: [String]) {
        let present = Set(tokens.map(SpanishWords.singular))
        for index in concepts.indices where concepts[index].kind == .word && concepts[index].unknown {
            let word = concepts[index].text
            guard let keys = lexicon.keysByWord[word] else { continue }
            for key in keys.prefix(8) where key.allSatisfy(present.contains) {
                let expansions = [SearchPhrase(key)] + (lexicon.synonyms(of: key) ?? []).map(Self.normalized)
                concepts[index].phrases = Self.unique(concepts[index].phrases + expansions)
                concepts[index].unknown = false
            }
        }
    }

    /// A word written together that the catalog writes as two ("portaherramientas" → "porta
    /// herramienta"): both parts of at least four letters, each a catalog word (itself or its
    /// plural). At most `maxWordLength` splits, two lookups each.
    static func split(_ word: String, _ vocabulary: SearchVocabulary) -> SearchPhrase? {
        guard word.count >= 8, word.allSatisfy(\.isLetter) else { return nil }
        let letters = Array(word)
        for cut in 4...(letters.count - 4) {
            let first = String(letters[..<cut])
            let second = SpanishWords.singular(String(letters[cut...]))
            if vocabulary.hasExactWord(first), vocabulary.hasExactWord(second) {
                return SearchPhrase([first, second])
            }
        }
        return nil
    }

    /// A filler word written as it sounds or with a slip ("kiero", "nesesito", "tinee"),
    /// when neither the catalog nor the lexicon knows it, it is no verb, and no catalog word
    /// sounds the same.
    private func isMisspeltFiller(_ token: String, _ vocabulary: SearchVocabulary) -> Bool {
        let singular = SpanishWords.singular(token)
        guard !knowsWord(singular, vocabulary), !knowsWord(token, vocabulary), lexicon.isFillerVariant(token),
            lexicon.stemExpansions(of: token) == nil,
            SpanishWords.infinitiveRoot(Self.withoutClitic(token)) == nil
        else { return false }
        let key = SpanishWords.phoneticKey(singular)
        return !vocabulary.corrections(for: token).contains {
            SpanishWords.phoneticKey(SpanishWords.singular($0)) == key
        }
    }

    /// A diminutive of a word the shop knows ("conitos", "botitas de caucho", "taponcitos") as
    /// that word, before names are read and before a spelling correction would pull it
    /// elsewhere; any other token unchanged.
    private func undiminished(_ token: String, _ vocabulary: SearchVocabulary) -> String {
        let singular = SpanishWords.singular(token)
        guard !SpanishWords.isNumber(token), !knowsWord(singular, vocabulary), !knowsWord(token, vocabulary),
            let base = Self.diminutiveBases(of: singular).first(where: { knowsBase($0, vocabulary) })
        else { return token }
        return base
    }

    /// Whether a diminutive's base is a word the shop knows as it is ("cono", "bota"), not the
    /// beginning of a longer one ("cama" of "camara": "camilla" is no small bed here).
    private func knowsBase(_ word: String, _ vocabulary: SearchVocabulary) -> Bool {
        vocabulary.hasExactWord(word) || lexicon.words.contains(word) || lexicon.synonyms(of: [word]) != nil
            || lexicon.isAttribute(word)
    }

    /// Whether the catalog, the lexicon's names or its describing words know the word.
    private func knowsWord(_ word: String, _ vocabulary: SearchVocabulary) -> Bool {
        vocabulary.knows(word) || lexicon.synonyms(of: [word]) != nil || lexicon.isAttribute(word)
            || lexicon.fillerWords.contains(word)
    }

    /// Diminutive endings and what they replace: "conito" → "cono", "botica" → "bota",
    /// "taponcito" → "tapon", "casquito" → "casco", "señalita" → "señal" (a word ending in a
    /// consonant, tried last).
    static let diminutives: [(suffix: String, base: String)] = [
        ("quito", "co"), ("quita", "ca"), ("cito", ""), ("cita", ""), ("ito", "o"), ("ita", "a"),
        ("ico", "o"), ("ica", "a"), ("illo", "o"), ("illa", "a"), ("ito", ""), ("ita", ""),
    ]

    /// The words a diminutive may come from, most specific ending first (bases of at least
    /// three letters; a bounded number of string operations).
    static func diminutiveBases(of word: String) -> [String] {
        var bases: [String] = []
        for (suffix, base) in diminutives where word.count >= suffix.count + 3 && word.hasSuffix(suffix) {
            bases.append(String(word.dropLast(suffix.count)) + base)
        }
        return bases
    }

    /// An infinitive without the pronoun joined to it ("subirme" → "subir", "ponerlos" →
    /// "poner"); other words unchanged.
    static func withoutClitic(_ word: String) -> String {
        for clitic in ["nos", "los", "las", "les", "me", "te", "lo", "la", "le"] where word.count > clitic.count + 4 {
            let base = word.dropLast(clitic.count)
            if word.hasSuffix(clitic), base.hasSuffix("ar") || base.hasSuffix("er") || base.hasSuffix("ir") {
                return String(base)
            }
        }
        return word
    }

    /// Singular tokens, so that prefix matching finds both numbers.
    private static func normalized(_ phrase: SearchPhrase) -> SearchPhrase {
        SearchPhrase(phrase.tokens.map(SpanishWords.singular), strength: phrase.strength)
    }

    private static func unique(_ phrases: [SearchPhrase]) -> [SearchPhrase] {
        var seen: Set<SearchPhrase> = []
        return phrases.filter { seen.insert($0).inserted }
    }

    /// The same concept said twice ("guantes… los guantes") counts once.
    private static func merged(_ concepts: [SearchConcept]) -> [SearchConcept] {
        var seen: Set<String> = []
        return concepts.filter { seen.insert($0.text).inserted }
    }
}
