import SpanishText

/// Turns a shopper's message into search concepts: drops greetings, buying verbs, price
/// questions and quantities ("3 pares de"), keeps sizes with their unit ("6 kilos" → 6kg),
/// reads plurals as singulars, expands regional synonyms from the lexicon and corrects
/// misspelt words towards the catalog's own vocabulary.
public struct QueryUnderstanding: Sendable {
    public let lexicon: SearchLexicon

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

    public func understand(_ text: String, vocabulary: SearchVocabulary) -> SearchQuery {
        let tokens = removingFillerPhrases(splittingMeasures(SpanishWords.tokens(text)))
        var concepts: [SearchConcept] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if SpanishWords.isNumber(token) {
                if index + 1 < tokens.count, let unit = Self.units[tokens[index + 1]] {
                    concepts.append(measure(token, unit))
                    index += 2
                } else {
                    index += 1  // a quantity ("3 guantes"): not part of what is sought
                }
                continue
            }
            if lexicon.fillerWords.contains(token) || Self.units[token] != nil {
                index += 1
                continue
            }
            if let (concept, length) = synonymPhrase(at: index, in: tokens) {
                concepts.append(concept)
                index += length
                continue
            }
            concepts.append(word(token, vocabulary: vocabulary))
            index += 1
        }
        return SearchQuery(original: text, concepts: Self.joiningCompounds(Self.merged(concepts), vocabulary))
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
            }
        }
        return result
    }

    /// "6kg" → "6", "kg" (so every spelling of a measure takes the same path).
    private func splittingMeasures(_ tokens: [String]) -> [String] {
        var result: [String] = []
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

    private func removingFillerPhrases(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        outer: while index < tokens.count {
            for phrase in lexicon.fillerPhrases
            where index + phrase.count <= tokens.count && Array(tokens[index..<(index + phrase.count)]) == phrase {
                index += phrase.count
                continue outer
            }
            result.append(tokens[index])
            index += 1
        }
        return result
    }

    private func measure(_ number: String, _ unit: String) -> SearchConcept {
        var phrases = [SearchPhrase([number + unit]), SearchPhrase([number, unit])]
        for spelled in Self.spelledUnits[unit] ?? [] { phrases.append(SearchPhrase([number, spelled])) }
        return SearchConcept(text: number + unit, kind: .measure, phrases: phrases)
    }

    /// The longest synonym key (two words or more) starting at `index`, skipping filler words
    /// inside it ("kit de primeros auxilios").
    private func synonymPhrase(at index: Int, in tokens: [String]) -> (SearchConcept, Int)? {
        guard lexicon.longestKey > 1 else { return nil }
        var content: [String] = []
        var ends: [Int] = []  // ends[k]: tokens consumed once content has k + 1 words
        var position = index
        while position < tokens.count, content.count < lexicon.longestKey {
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
                return (SearchConcept(text: key.joined(separator: " "), phrases: phrases), ends[length - 1] - index)
            }
        }
        return nil
    }

    private func word(_ token: String, vocabulary: SearchVocabulary) -> SearchConcept {
        let singular = SpanishWords.singular(token)
        var phrases = [SearchPhrase([singular])]
        if let stem = SpanishWords.genderStem(singular) { phrases.append(SearchPhrase([stem])) }
        var synonyms = lexicon.synonyms(of: [singular]) ?? lexicon.synonyms(of: [token])
        var corrected = false
        var kind = SearchConcept.Kind.word
        let known = vocabulary.knows(singular) || vocabulary.knows(token)
        let inCatalog = vocabulary.inCatalog(singular) || vocabulary.inCatalog(token)
        if synonyms == nil, !inCatalog, let root = SpanishWords.infinitiveRoot(token) {
            // "soldar" finds "soldador"; "lavarse" finds "lavaojos".
            kind = .action
            if root.count >= 4 || vocabulary.inCatalog(root) { phrases.append(SearchPhrase([root])) }
            synonyms = lexicon.synonyms(of: [root + "ar"]) ?? lexicon.synonyms(of: [token])
        } else if synonyms == nil, !known {
            let corrections = vocabulary.corrections(for: token)
            if !corrections.isEmpty {
                corrected = true
                phrases = []
                for correction in corrections {
                    let fixed = SpanishWords.singular(correction)
                    phrases.append(SearchPhrase([fixed]))
                    if let found = lexicon.synonyms(of: [fixed]) ?? lexicon.synonyms(of: [correction]) {
                        synonyms = (synonyms ?? []) + found
                    }
                }
            }
        }
        for compound in vocabulary.compounds(endingWith: singular, minimumExtra: singular.count < 4 ? 4 : 3) {
            phrases.append(SearchPhrase([compound]))
        }
        phrases += (synonyms ?? []).map(Self.normalized)
        return SearchConcept(text: singular, kind: kind, phrases: Self.unique(phrases), corrected: corrected)
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
