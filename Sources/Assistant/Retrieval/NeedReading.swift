import SpanishText

/// A request that says a need without naming a product ("los de mantenimiento suben la
/// escalera con la herramienta en la mano, algo pa cargarla", "en la entrada de la clínica pa
/// desinfectar las suelas"): the things it mentions that the shop does not sell (the machine,
/// the place, the material, who works there) are the context of the need, not what is asked.
///
/// Such a thing is still what is asked, and so something the shop does not carry, when the
/// message asks for it: right after a verb of asking ("¿venden pulidoras?", "necesito un
/// rotomartillo") or a count ("cotización de dos hachas de bombero"), or first, with nothing before it that makes it a place, a tool or a
/// person ("pilas pa la linterna", "alcoholímetro pa los conductores"), unless the message
/// asks for "algo", "una cosa"… (then that is what is asked: "la rampa es lisa, algo pa que
/// no se resbalen").
///
/// Linear: a pass over the concepts and, for each, a look back over the words between it and
/// the concept before it.
enum NeedReading {
    /// Words that make the noun after them a place, tool, material or person of what someone
    /// does ("en la planta", "con la pulidora", "los de mantenimiento", "los que pintan"), not
    /// the thing asked for.
    static let contextLeads: Set<String> = [
        "de", "del", "en", "con", "al", "a", "desde", "por", "sobre", "entre", "hacia", "bajo", "que", "q",
    ]

    /// Marks as context (`role = .purpose`) what the concepts name that the shop does not sell,
    /// when they say a need and do not ask for that thing (see the type). `spans` are the
    /// concepts' ranges in `tokens`, one per concept, in order.
    static func placeContexts(
        _ concepts: inout [SearchConcept], spans: [Range<Int>], tokens: [String], lexicon: SearchLexicon
    ) {
        guard concepts.count == spans.count, concepts.contains(where: \.namesSomethingNotCarried) else { return }
        // A need: nothing named is a kind of product the shop sells (a need's word, "calor",
        // is none, whatever names its products), something known says what the product is for.
        let namesProduct = concepts.contains {
            $0.kind == .word && $0.role == .named && !$0.unknown && namesKind($0, lexicon: lexicon)
                && !lexicon.isNeed($0.text.split(separator: " ").map(String.init))
        }
        let knowsNeed = concepts.contains {
            !$0.unknown && !$0.namesSomethingNotCarried && [.word, .action, .context].contains($0.kind)
        }
        guard !namesProduct, knowsNeed else { return }
        let asksSomething = tokens.contains(where: QueryUnderstanding.somethingWords.contains)
        // The first thing named, when nothing before it makes it a place, tool or person ("pilas
        // pa la linterna", not "los de mantenimiento", "en la entrada").
        let lead = concepts.firstIndex { $0.kind == .word || $0.kind == .context || $0.kind == .action }.flatMap {
            tokens[..<spans[$0].lowerBound].contains(where: contextLeads.contains) ? nil : $0
        }
        let starts = nameStarts(concepts, spans: spans, tokens: tokens)
        var asked: Set<String> = []
        var context: [Int] = []
        var askedNames: [Int: Bool] = [:]  // by the name's first concept, each looked at once
        for index in concepts.indices where concepts[index].namesSomethingNotCarried {
            // A name said in several words is asked or not as a whole ("ropa de bebé").
            let first = starts[index]
            let isAsked =
                askedNames[first]
                ?? ((!asksSomething && first == lead) || counted(spans[first].lowerBound, in: tokens)
                    || afterRequestVerb(
                        spans[first].lowerBound, from: first > 0 ? spans[first - 1].upperBound : 0, in: tokens,
                        lexicon: lexicon))
            askedNames[first] = isAsked
            if isAsked {
                asked.insert(concepts[index].text)
            } else {
                context.append(index)
            }
        }
        // The same thing asked for once is asked ("se me quemó la pulidora… ¿venden la pulidora?").
        for index in context where !asked.contains(concepts[index].text) {
            concepts[index].role = .purpose
        }
    }

    /// "cotización de dos hachas de bombero", "3 radios": a thing counted (two or more) is
    /// asked for, unless the count follows a word of purpose or place ("pa 5 trabajadores",
    /// "en dos fincas": who or where it is for).
    static func counted(_ start: Int, in tokens: [String]) -> Bool {
        guard start >= 1, let count = SpanishNumber.read(Words(tokens[start - 1]), at: 0), count.value >= 2 else {
            return false
        }
        return start < 2 || !(QueryUnderstanding.purposeMarkers.union(countPlaces)).contains(tokens[start - 2])
    }

    /// Words that make a count one of places or people ("en dos fincas", "a 3 sedes").
    static let countPlaces: Set<String> = ["en", "a", "al", "con", "desde", "entre"]

    /// For each concept, the first concept of the name it is part of: the concepts before it
    /// joined to it side by side or by "de" ("ropa de bebé", "piso cerámico"), each a word or
    /// context named. One pass.
    static func nameStarts(_ concepts: [SearchConcept], spans: [Range<Int>], tokens: [String]) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(concepts.count)
        for index in concepts.indices {
            let previous = index - 1
            guard previous >= 0, concepts[previous].role == .named,
                concepts[previous].kind == .word || concepts[previous].kind == .context,
                case let between = tokens[spans[previous].upperBound..<spans[index].lowerBound],
                between.count <= 1, between.allSatisfy(QueryUnderstanding.connectors.contains)
            else {
                starts.append(index)
                continue
            }
            starts.append(starts[previous])
        }
        return starts
    }

    /// Whether a verb of asking stands before `position` with only articles, filler words
    /// and numbers between ("venden la pulidora", "necesito un rotomartillo"), looking back no
    /// further than `start`.
    static func afterRequestVerb(_ position: Int, from start: Int, in tokens: [String], lexicon: SearchLexicon)
        -> Bool
    {
        var index = position - 1
        while index >= start {
            let token = tokens[index]
            if QueryUnderstanding.isRequestVerb(token) { return true }
            guard !contextLeads.contains(token),
                QueryUnderstanding.articles.contains(token) || lexicon.fillerWords.contains(token)
                    || SpanishWords.isNumber(token)
            else { return false }
            index -= 1
        }
        return false
    }

    /// Whether a known concept says what a product is ("guantes", "linterna"), not only how
    /// it is ("led", "eléctrica") or what it is for ("mano", "cabeza"): its word (the first of
    /// a name said in several, "soporte de linterna"), its correction or an equivalent name.
    static func namesKind(_ concept: SearchConcept, lexicon: SearchLexicon) -> Bool {
        concept.phrases.enumerated().contains { position, phrase in
            let direct = position == 0 || concept.corrected || phrase.strength == SearchLexicon.equivalent
            return direct && phrase.tokens.first.map(lexicon.namesKind) == true
        }
    }
}
