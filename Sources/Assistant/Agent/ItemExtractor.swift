import Shop
import SpanishText

/// Splits a request into its items. The message is cut into segments at line breaks,
/// punctuation and "y"; a segment with one quantity is one item, its product before or
/// after the number ("10 pares de guantes de vaqueta y 5 chalecos", "chalecos reflectivos
/// x 12", "eslingas dobles: 7"); a quantity alone takes the product of the segment before it
/// ("cinta barricada, 3 rollos"); a product alone after "y" describes the item before it
/// ("3 cintas amarillas y negras"). A segment with several quantities is read in order
/// ("2 cascos 3 conos"). A product named without a count beside counted ones ("dos
/// chalecos, guantes de nitrilo y un botiquín", "su arnés con la línea de vida y un casco") is
/// an item of its own, uncounted. One pass over the words.
public enum ItemExtractor {
    public struct Item: Sendable, Equatable {
        public var quantity: Int
        public var pairs: Bool
        /// The words naming the product (folded), possibly empty ("deme 10").
        public var words: [String]
        /// Where those words are in the message.
        public var range: Range<Int>
        /// False for a product named without a count ("guantes de nitrilo" beside "2
        /// chalecos"): `quantity` is then 1 and means nothing; the agent decides.
        public var counted = true

        /// The item as an accessory of `product` ("soporte" → "soporte de careta"), as the shop
        /// names it; unchanged when `product` is nil or already said.
        func goingOn(_ product: String?) -> Item {
            guard let product, !words.contains(where: { SpanishWords.singular($0) == product }) else { return self }
            var item = self
            item.words += ["de", product]
            return item
        }
    }

    public static func items(in words: Words) -> [Item] {
        items(in: words, counts: QuantityParser.counts(in: words))
    }

    struct Segment {
        var range: Range<Int>
        var counts: [QuantityParser.Mention]
        /// The segment began after "y" / "e".
        var afterAnd: Bool
        /// The segment began after a "con" that opens another product ("con sus líneas").
        var afterWith = false
        /// The product word an accessory after "con" goes on ("careta" of "3 caretas con su
        /// soporte"), when the segment names one.
        var goesOn: String?
    }

    /// The items of `words` around the quantities `counts` (already filtered: no times, no
    /// phone numbers). `ignoring`: words that never name a product ("mándeme", "cantidad").
    /// `isProduct`: whether a word is a catalog word; a segment after "y" that opens with one
    /// is an item of its own ("… y discos de corte: 12"), not a description of the one before.
    /// `isHead`: whether a word names a kind of product sold (a product named without a count
    /// is one of them); `isKind`: one that names no part of another product ("con sus líneas
    /// de vida" opens another item; "con reflectivo", "con dos filtros" describe this one).
    /// `countsOnScreen`: the agent asked how many of one product (a bare count is its amount).
    /// `accessoryOf`: the product words an accessory goes on (`SearchLexicon.accessories`,
    /// singular: "soporte" → "careta").
    public static func items(
        in words: Words, counts: [QuantityParser.Mention], ignoring: (String) -> Bool = { _ in false },
        isProduct: (String) -> Bool = { _ in false }, isHead: ((String) -> Bool)? = nil,
        isKind: ((String) -> Bool)? = nil, countsOnScreen: Bool = false,
        accessoryOf: (String) -> Set<String> = { _ in [] }
    ) -> [Item] {
        guard !counts.isEmpty else { return [] }
        let texts = words.texts
        let countedWords = Set(counts.flatMap { Array($0.range) })
        // Read once: the gaps between pieces are looked at per piece.
        let characters = Array(words.original)
        func names(_ range: Range<Int>) -> Bool {
            WordForms.contentWords(Array(texts[range])).contains { !ignoring($0) }
        }
        var items: [Item] = []
        var orphan: Range<Int>?
        // Where an orphan would go among the items, and the uncounted products found so far.
        var orphanAt = 0
        var uncounted: [(at: Int, item: Item)] = []
        func leaveOrphan() {
            if let range = orphan, let item = uncountedItem(range, texts, isKind: { isHead?($0) ?? isProduct($0) }) {
                uncounted.append((orphanAt, item))
            }
            orphan = nil
        }
        var previousHasProduct = false
        // The last item a segment after "y" described, as it was before: a count alone right
        // after ("… y mapas de evacuación: 8") shows the segment was an item of its own.
        var described: (index: Int, item: Item, segment: Range<Int>)?
        // An accessory goes on a kind of product sold ("soporte" on a "careta"), never on a word
        // of a product's name ("plano de evacuación" is the módulo itself).
        func goesOn(_ accessory: String) -> Set<String> {
            accessoryOf(accessory).filter { isHead?($0) ?? isProduct($0) }
        }
        for segment in segments(words, counts: counts, isKind: isKind ?? { _ in false }, accessoryOf: goesOn) {
            let named = names(segment.range)
            switch segment.counts.count {
            case 0:
                guard named else { continue }
                // "…, porque allá la luz se va a cada rato": a reason tells the story; no item.
                if reasonLeads.contains(texts[segment.range.lowerBound]) { continue }
                // "2 linternas, q aca en tumaco se va mucho la luz": so does a "que" clause about
                // the place or the time right after a counted product.
                if previousHasProduct, items.last?.counted == true, opensReason(Array(texts[segment.range])) {
                    continue
                }
                // "con su soporte" after a careta is a product of its own, not a feature.
                if segment.afterAnd || opensDescription(Array(texts[segment.range])), previousHasProduct,
                    segment.goesOn == nil,
                    let last = items.indices.last,
                    describes(Array(texts[segment.range])),
                    // "Mándeme 6 de los ventilados. ¿Y tiene el soporte…?": not across a sentence.
                    !endsSentence(words, characters, between: items[last].range, and: segment.range),
                    // "4 filtros de repuesto, los de gases": "los de …" says which one, even in a
                    // word that names another product ("Detector gas").
                    opensDescription(Array(texts[segment.range]))
                        || !WordForms.contentWords(Array(texts[segment.range])).prefix(1).contains(where: isProduct)
                {
                    // "3 cintas amarillas y negras": the words describe the item before.
                    let range = items[last].range.lowerBound..<segment.range.upperBound
                    described = (last, items[last], segment.range)
                    items[last].words = sizesInDigits(trimConnectors(Array(texts[range])))
                    items[last].range = range
                } else if segment.afterWith,
                    segment.goesOn != nil || ["su", "sus"].contains(texts[segment.range.lowerBound]),
                    let last = items.last, last.counted,
                    var own = uncountedItem(segment.range, texts, isKind: { _ in true })
                {
                    // "tres arneses con sus líneas de vida", "una careta con el soporte": one
                    // for each.
                    leaveOrphan()
                    own.quantity = last.quantity
                    own.counted = true
                    items.append(own.goingOn(segment.goesOn))
                } else if let before = orphan, texts[before].contains(where: { isHead?($0) ?? isProduct($0) }),
                    !texts[segment.range].contains(where: { isHead?($0) ?? isProduct($0) })
                        || texts[segment.range.lowerBound] == "que"
                        || purposeWords.contains(texts[segment.range.lowerBound])
                        // "tapones pa los oídos, los de espuma, deme 30": "los de …" says which
                        // one, even in a word that heads another product ("Espuma antiincendios").
                        || opensDescription(Array(texts[segment.range])),
                    onlyComma(words, characters, between: before, and: segment.range)
                        || (segment.afterAnd && segment.range.lowerBound == before.upperBound + 1
                            && describes(Array(texts[segment.range]))
                            && !texts[before].contains(where: purposeWords.contains))
                {
                    // "tapabocas de los sencillos, los desechables que valen 500": words after
                    // a comma that name no kind of product go on describing the product before
                    // (a new sentence does not: "… botas talla 41. En mis tiempos…"); so do
                    // the words right after "y" ("la cinta roja y blanca, 1 rollo"), unless
                    // they go on saying what it is for ("filtros pa gases y vapores"), and a
                    // clause opened by "que" or "para" whatever its words ("gafas
                    // antiempañantes, que aquí todo se empaña, 4"; "cintas reflectivas, para
                    // pegarle al casco, unas veinte").
                    orphan = before.lowerBound..<segment.range.upperBound
                } else if orphan != nil, notRequested.contains(texts[segment.range.lowerBound]) {
                    // "audífonos grandes, no los tapones, 3": what is not wanted leaves the
                    // product before it as it was.
                    continue
                } else {
                    leaveOrphan()
                    orphan = segment.range
                    orphanAt = items.count
                }
            case 1
            where previousHasProduct && !items.isEmpty && opensDescription(Array(texts[segment.range]))
                && segment.counts[0].range.lowerBound > segment.range.lowerBound + 1:
                // "una linterna, la de 3 pilas": the count is a feature of the item before.
                let last = items.count - 1
                let range = items[last].range.lowerBound..<segment.range.upperBound
                items[last].words = sizesInDigits(trimConnectors(Array(texts[range])))
                items[last].range = range
            case 1:
                let mention = segment.counts[0]
                // "9 unidades de cartuchos" (product after), else "overoles antifluido: 4".
                var range = mention.range.upperBound..<segment.range.upperBound
                // "Necesito 8, son 8 escalones", "deme 10 de esas que son 10 escalones": a count
                // told after a verb of being or having (`QuantityFilter`, not kept) ends the
                // item's words; the story's things are no product.
                if let told = QuantityFilter.toldClause(in: words, range, isKept: countedWords.contains) {
                    var end = told
                    if end > range.lowerBound, ["que", "q"].contains(texts[end - 1]) { end -= 1 }
                    range = range.lowerBound..<end
                }
                var before = segment.range.lowerBound..<mention.range.lowerBound
                // "… cantidad 8": the marker is no part of the product; "botas pa 5
                // trabajadores": one for each of the people counted.
                let forPeople =
                    !range.isEmpty && WordForms.contentWords(Array(texts[range])).allSatisfy(peopleWords.contains)
                while before.upperBound > before.lowerBound,
                    countMarkers.contains(texts[before.upperBound - 1])
                        || (forPeople && purposeWords.contains(texts[before.upperBound - 1]))
                {
                    before = before.lowerBound..<(before.upperBound - 1)
                }
                if forPeople, before.upperBound < mention.range.lowerBound { range = before }
                // "extintores clase K x 3 para la obra", "botas … cantidad 8 para la obra": a
                // count written after its product, or followed by what it is for, counts the
                // words before it.
                let postfix =
                    texts[mention.range.lowerBound].hasPrefix("x") || before.upperBound < mention.range.lowerBound
                // "… como sesenta es para una fábrica": the purpose said as a sentence too.
                let purpose =
                    !range.isEmpty
                    && (purposeWords.contains(texts[range.lowerBound])
                        || (range.count > 1 && ["es", "son"].contains(texts[range.lowerBound])
                            && purposeWords.contains(texts[range.lowerBound + 1])))
                if !names(range) || purpose || (postfix && names(before)) {
                    range = before
                    // "cintas amarillas y negras x 6": the words before "y" describe it too.
                    if postfix, segment.afterAnd, let described = orphan, names(range) {
                        range = described.lowerBound..<range.upperBound
                        orphan = nil
                    }
                }
                var hasProduct = names(range)
                if !hasProduct, let before = orphan, !texts[before].contains(where: isProduct),
                    let last = uncounted.last, last.item.words.contains(where: isProduct), !purpose,
                    endsSentence(words, characters, between: last.item.range, and: before)
                {
                    // "Esas barras adhesivas me sirven. La escalera tiene 10 escalones, entonces
                    // mándeme 10": a sentence that names no product, between a product and a
                    // bare count, tells the story; the count is the product's.
                    uncounted.removeLast()
                    orphan = nil
                    var counted = last.item
                    counted.quantity = mention.value
                    counted.pairs = mention.pairs
                    counted.counted = true
                    items.insert(counted, at: min(last.at, items.count))
                    previousHasProduct = true
                    described = nil
                    continue
                }
                // "Mándeme uno de esos": the count points at the product shown, whatever the
                // sentence before says ("pero la vida vale más que la plata"); in the same
                // sentence it points at the product just said ("la señal esa…, tres de esas").
                let after = texts[mention.range.upperBound..<segment.range.upperBound]
                let pointsAtShown =
                    after.contains(where: QuantityFilter.demonstratives.contains)
                    && after.allSatisfy {
                        ["de", "los", "las"].contains($0) || QuantityFilter.demonstratives.contains($0)
                    }
                if !hasProduct, let before = orphan,
                    !pointsAtShown || !endsSentence(words, characters, between: before, and: segment.range),
                    // "Uy, caro pero toca. Deme uno." answering how many of the product on
                    // screen: a sentence before counts its words only when they hold a catalog
                    // word ("esas tiras, las antideslizantes. Mándeme 6."). A catalog word in
                    // an aside still counts ("pero la vida vale más. Póngame uno").
                    !countsOnScreen || !endsSentence(words, characters, between: before, and: segment.range)
                        || texts[before].contains(where: isProduct)
                {
                    // "eslingas dobles: 7", "cinta barricada, 3 rollos".
                    range = before
                    hasProduct = true
                    orphan = nil
                } else if !hasProduct, !purpose, let (index, item, segment) = described, index == items.count - 1 {
                    items[index] = item
                    range = segment
                    hasProduct = true
                } else if !hasProduct, purpose {
                    // "deme 3 para la obra": the product in focus, for the site.
                    range = mention.range.upperBound..<mention.range.upperBound
                }
                leaveOrphan()
                items.append(item(mention, range, texts).goingOn(segment.goesOn))
                previousHasProduct = hasProduct
                described = nil
            default:
                leaveOrphan()
                items += withoutSelfCorrections(sequential(texts, segment, names: names))
                previousHasProduct = true
                described = nil
            }
        }
        leaveOrphan()
        for (offset, found) in uncounted.enumerated() { items.insert(found.item, at: found.at + offset) }
        return withoutTakenBack(items, texts)
    }

    /// "quince respiradores… no, perdón, no respiradores, los tapabocas N95, quince": an item
    /// the customer takes back ("perdón", "digo"… and "no" before its own name, up to the end
    /// of the next item) is dropped.
    static func withoutTakenBack(_ items: [Item], _ texts: [String]) -> [Item] {
        guard items.count > 1 else { return items }
        return items.indices.compactMap { index in
            let item = items[index]
            guard index + 1 < items.count, let head = WordForms.contentWords(item.words).first,
                item.range.upperBound <= items[index + 1].range.upperBound
            else { return item }
            let after = Array(texts[item.range.upperBound..<items[index + 1].range.upperBound])
            let takesBack =
                after.contains(where: selfCorrections.contains)
                && zip(after, after.dropFirst()).contains { $0 == "no" && WordForms.same($1, head) }
            return takesBack ? nil : item
        }
    }

    /// A full stop, a question or an exclamation mark lies between the two ranges.
    static func endsSentence(
        _ words: Words, _ characters: [Character], between first: Range<Int>, and second: Range<Int>
    ) -> Bool {
        guard first.upperBound > 0, first.upperBound <= second.lowerBound, second.lowerBound < words.count else {
            return false
        }
        let gap = characters[
            words.words[first.upperBound - 1].range.upperBound..<words.words[second.lowerBound].range.lowerBound]
        return gap.contains { ".?!¿¡".contains($0) }
    }

    /// The two ranges are in one sentence, a few words apart at most (pieces that named
    /// nothing, "de los sencillos", may lie between), with commas only between them.
    static func onlyComma(
        _ words: Words, _ characters: [Character], between first: Range<Int>, and second: Range<Int>
    ) -> Bool {
        guard !first.isEmpty, first.upperBound <= second.lowerBound, second.lowerBound < words.count,
            second.lowerBound - first.upperBound <= maxDescribingGap
        else { return false }
        let gap = characters[
            words.words[first.upperBound - 1].range.upperBound..<words.words[second.lowerBound].range.lowerBound]
        return gap.contains(",") && !gap.contains { ".;:!?\n".contains($0) }
    }

    /// The most words between a product and the words after a comma that still describe it.
    static let maxDescribingGap = 6

    /// Words after which a product named without a count is no request ("no", "sin").
    static let notRequested: Set<String> = ["no", "sin", "ni", "tampoco", "menos"]
    /// Words that open a reason ("porque", chat "xq", "pq").
    static let reasonLeads: Set<String> = ["porque", "xq", "pq", "porq"]

    /// Words that open a piece still describing the product before ("de esos de cuero", "tipo
    /// diadema", "pero de los blancos").
    static let describing: Set<String> = ["de", "del", "pero", "tipo", "como", "o", "u", "en", "que", "sin"]

    /// A segment without a count as an uncounted item: from its first word naming a kind of
    /// product on ("le pidieron que llevara su propio arnés" → "arnés"), when it asks nothing
    /// ("¿y cuánto valen los guantes?"), does not refuse ("no necesito guantes") and does not
    /// describe the item before ("de esos de cuero"). Nil otherwise.
    static func uncountedItem(_ range: Range<Int>, _ texts: [String], isKind: (String) -> Bool) -> Item? {
        let words = texts[range]
        if opensNeed(Array(words)), !words.contains(where: questionWords.contains) {
            // "… y algo para las manos porque se cortan con las mallas": the need is searched.
            return Item(quantity: 1, pairs: false, words: Array(words), range: range, counted: false)
        }
        guard let opening = words.first, !describing.contains(opening),
            let first = range.first(where: { isKind(texts[$0]) && !WordForms.contentWords([texts[$0]]).isEmpty }),
            // "el letrerito ese que dice dónde está el extintor", "unas botas que no dejen pasar
            // el agua": a question word or a "no" inside what the product does asks nothing
            // and refuses nothing.
            case let said = texts[range.lowerBound..<relativeClauseStart(after: first, range, texts)],
            !said.contains(where: questionWords.contains), !said.contains(where: notRequested.contains),
            // "dos por respirador", "uno por cada casco": a ratio names what is counted by.
            first == 0 || !["por", "cada"].contains(texts[first - 1])
        else { return nil }
        let named = trimConnectors(Array(texts[first..<range.upperBound]))
        guard !named.isEmpty else { return nil }
        return Item(
            quantity: 1, pairs: false, words: sizesInDigits(named), range: first..<(first + named.count),
            counted: false)
    }

    /// Where the relative clause that says what the product named at `kind` does begins ("ese
    /// que dice…", "q pita…"); the range's end when there is none.
    static func relativeClauseStart(after kind: Int, _ range: Range<Int>, _ texts: [String]) -> Int {
        (kind + 1..<range.upperBound).first { (MessageTokens.shorthand[texts[$0]] ?? texts[$0]) == "que" }
            ?? range.upperBound
    }

    /// Segments at line breaks, punctuation (question and exclamation marks too; not inside
    /// numbers), "y"/"e" and a "con" that opens another product.
    static func segments(
        _ words: Words, counts: [QuantityParser.Mention], isKind: (String) -> Bool = { _ in false },
        accessoryOf: (String) -> Set<String> = { _ in [] }
    ) -> [Segment] {
        let characters = Array(words.original)
        var segments: [Segment] = []
        var start = 0
        var afterAnd = false
        var countIndex = 0
        // Words inside a quantity after its first ("un par de") never cut.
        var insideCount = [Bool](repeating: false, count: words.count)
        for mention in counts {
            for index in mention.range.dropFirst() where index < words.count { insideCount[index] = true }
        }
        var afterWith = false
        var goesOn: String?
        func close(_ end: Int, nextAfterAnd: Bool, nextAfterWith: Bool = false, nextGoesOn: String? = nil) {
            if start < end {
                var inside: [QuantityParser.Mention] = []
                while countIndex < counts.count, counts[countIndex].range.lowerBound < end {
                    if counts[countIndex].range.lowerBound >= start { inside.append(counts[countIndex]) }
                    countIndex += 1
                }
                segments.append(
                    Segment(
                        range: start..<end, counts: inside, afterAnd: afterAnd, afterWith: afterWith, goesOn: goesOn))
            }
            afterAnd = nextAfterAnd
            afterWith = nextAfterWith
            goesOn = nextGoesOn
        }
        for index in 0..<words.count {
            let word = words[index]
            let inCount = insideCount[index]
            if !inCount, word == "y" || word == "e" {
                close(index, nextAfterAnd: true)
                start = index + 1
                continue
            }
            // "los otros 8 me los completa con los chalecos reflectivos": the count before
            // a completing verb is of the product after "con".
            if !inCount, word == "con", !completes(words.at(index - 1), after: words.at(index - 2)) {
                let product = accessoryTarget(at: index, words, accessoryOf: accessoryOf)
                if product != nil || accompanies(at: index, words, counts: counts, isKind: isKind) {
                    // "tres arneses con sus líneas de vida": another product, not a feature.
                    close(index, nextAfterAnd: true, nextAfterWith: true, nextGoesOn: product)
                    start = index + 1
                    continue
                }
            }
            if index > 0 {
                let gap = characters[words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound]
                if !inCount, gap.contains(where: { ",;:\n|.?!¿¡".contains($0) }) {
                    close(index, nextAfterAnd: false)
                    start = index
                }
            }
        }
        close(words.count, nextAfterAnd: false)
        return segments
    }

    /// A form of the verb "completar" ("completamos", "complételos"; "completa" after its
    /// pronoun: "me los completa"), not the adjective ("arneses de cuerpo completo con…",
    /// "la dotación completa con…").
    static func completes(_ word: String, after previous: String) -> Bool {
        if ["completa", "completan"].contains(word) {
            return clausePronouns.contains(previous) || ["lo", "los", "la", "las"].contains(previous)
        }
        return completingForms.contains(word)
    }

    static let completingForms: Set<String> = [
        "completamos", "completemos", "complete", "completen", "completar", "completarlo", "completarla",
        "completarlos", "completarlas", "completelo", "completela", "completelos", "completelas", "completemelos",
        "completemelas", "completamelos", "completamelas", "completeme", "completame",
    ]

    /// Words that, after "con", open another product ("con sus líneas de vida", "con 2
    /// cartuchos") rather than a feature of the one before ("con reflectivo").
    static let accompanyingOpeners: Set<String> = [
        "su", "sus", "la", "las", "el", "los", "un", "una", "unos", "unas", "mi", "mis", "tu", "tus",
    ]

    /// "con" at `index` opens another product: a determiner or a count, then a catalog word
    /// ("… con sus líneas de vida", "un respirador con 2 cartuchos P100"), after a word
    /// that is no count ("con 2" right after a number is a size).
    static func accompanies(
        at index: Int, _ words: Words, counts: [QuantityParser.Mention], isKind: (String) -> Bool
    ) -> Bool {
        guard index > 0, index + 2 < words.count, !counts.contains(where: { $0.range.upperBound == index }) else {
            return false
        }
        let count = counts.first { $0.range.lowerBound == index + 1 }
        guard count != nil || accompanyingOpeners.contains(words[index + 1]) else { return false }
        let after = count?.range.upperBound ?? index + 2
        return after < words.count && isKind(words[after])
    }

    /// "3 caretas con su soporte", "una careta, la transparente, con el soporte": "con", a
    /// determiner (or a count) and an accessory (`accessoryOf`) of a product named at most
    /// `maxDescribingGap` words before: the product's word ("careta"), else nil.
    static func accessoryTarget(at index: Int, _ words: Words, accessoryOf: (String) -> Set<String>) -> String? {
        guard index > 0, index + 2 < words.count,
            accompanyingOpeners.contains(words[index + 1]) || words[index + 1].allSatisfy(\.isNumber)
        else { return nil }
        let products = accessoryOf(SpanishWords.singular(words[index + 2]))
        guard !products.isEmpty else { return nil }
        for before in stride(from: index - 1, through: max(0, index - maxDescribingGap), by: -1) {
            let word = SpanishWords.singular(words[before])
            if products.contains(word) { return word }
        }
        return nil
    }

    /// "que acá se va la luz", "q aqui nos toca…": "que" and, within two words, a word of place
    /// or time, a clause that tells why ("que se puedan recargar" still describes).
    static func opensReason(_ words: [String]) -> Bool {
        guard let first = words.first, (MessageTokens.shorthand[first] ?? first) == "que" else { return false }
        return words.dropFirst().prefix(2).contains { reasonWords.contains($0) }
    }

    static let reasonWords: Set<String> = ["aca", "aqui", "alla", "alli", "ahi", "siempre", "uno", "todos"]

    /// Whether a segment after "y" may describe the item before ("y negras", "y con
    /// reflectivo"): not a clause of its own, opened by a pronoun ("y me dice cuánto es",
    /// "y le pregunto") or holding a question word ("y cuánto valen").
    static func describes(_ words: [String]) -> Bool {
        guard let first = words.first, !clausePronouns.contains(first), !opensNeed(words) else { return false }
        return !words.contains { questionWords.contains($0) }
    }

    /// A need said instead of a product ("y algo para las manos porque se cortan", "algo que
    /// alumbre"): "algo" and what it is for or does, a thing of its own.
    static func opensNeed(_ words: [String]) -> Bool {
        guard words.first == "algo", words.count > 1 else { return false }
        let next = MessageTokens.shorthand[words[1]] ?? words[1]
        return purposeWords.contains(next) || ["que", "contra"].contains(next)
    }

    static let clausePronouns: Set<String> = ["me", "te", "le", "nos", "les", "se", "yo", "usted", "ustedes"]
    static let questionWords: Set<String> = [
        "cuanto", "cuanta", "cuantos", "cuantas", "cual", "cuales", "como", "donde", "cuando",
    ]

    /// Words that announce a count written after the product ("cantidad 8").
    static let countMarkers: Set<String> = ["cantidad", "cant", "cantidades"]
    /// People counted after "para" ("pa 5 trabajadores"): the count is one for each.
    static let peopleWords: Set<String> = [
        "trabajadores", "personas", "empleados", "operarios", "muchachos", "obreros", "hombres", "mujeres",
        "electricistas", "soldadores", "tecnicos", "vigilantes", "brigadistas", "colaboradores", "auxiliares",
        "conductores", "pintores", "ayudantes",
        // People of a story ("se me han caído dos señoras", "tengo 3 hijos").
        "senoras", "senores", "ninos", "ninas", "hijos", "hijas", "nietos", "vecinos", "vecinas", "clientes",
        "companeros", "socios", "muchachas", "jovenes", "albaniles", "maestros", "estudiantes", "alumnos",
        "profesores", "docentes", "enfermeras", "enfermeros", "celadores", "mecanicos", "carpinteros",
        "trabajadoras", "empleadas", "operarias", "cocineros", "cocineras", "meseros", "socorristas",
        "voluntarios", "guardas", "escoltas", "recolectores", "jornaleros", "obreras", "paisanos", "pacientes",
    ]

    /// Groups of people a product is for ("para la cuadrilla", "pal personal").
    static let groupWords: Set<String> = ["cuadrilla", "cuadrillas", "personal", "brigada", "gente", "pelaos"]
    /// Words that open what a product is for ("para la obra"), never the product itself.
    static let purposeWords: Set<String> = ["para", "pa", "pal", "pra"]

    /// Several quantities in one segment: each takes the words after it, or (when nothing
    /// follows the last) the words before it.
    static func sequential(_ texts: [String], _ segment: Segment, names: (Range<Int>) -> Bool) -> [Item] {
        let counts = segment.counts
        // "… tapabocas como sesenta es para una fábrica": a purpose said as a sentence after the
        // last count names no product of it.
        let tail = counts[counts.count - 1].range.upperBound
        let purposeTail =
            tail + 1 < segment.range.upperBound && ["es", "son"].contains(texts[tail])
            && purposeWords.contains(texts[tail + 1])
        let productFirst =
            (purposeTail || !names(tail..<segment.range.upperBound))
            && names(segment.range.lowerBound..<counts[0].range.lowerBound)
        return counts.enumerated().map { index, mention in
            let range: Range<Int>
            if productFirst {
                let start = index == 0 ? segment.range.lowerBound : counts[index - 1].range.upperBound
                range = start..<mention.range.lowerBound
            } else {
                let end = index + 1 < counts.count ? counts[index + 1].range.lowerBound : segment.range.upperBound
                range = mention.range.upperBound..<max(mention.range.upperBound, end)
            }
            return item(mention, range, texts)
        }
    }

    /// "un extintor, el de polvo de 6 kilos", "unas gafas, de las transparentes": a piece
    /// opened by an article (or "esos") and "de" says which one the item before is.
    static func opensDescription(_ words: [String]) -> Bool {
        guard words.count >= 3 else { return false }
        // "esos de espumita" says which one as "los de espuma" does.
        let articles: Set<String> = ["el", "la", "los", "las", "esos", "esas", "estos", "estas"]
        return (articles.contains(words[0]) && words[1] == "de")
            || (words[0] == "de"
                && (articles.contains(words[1]) || ["esos", "esas", "estos", "estas"].contains(words[1])))
            // "dos extintores buenos, de los grandes, de 9 kilos": a size after a comma.
            || (words[0] == "de" && (words[1].first?.isNumber == true || MessageTokens.numberWords.contains(words[1]))
                && CommonWords.isMeasureUnit(words[2]))
    }

    /// Words with which a customer takes back what they just said ("quince conos, no perdón,
    /// veinte conos", "tres cascos digo cuatro cascos").
    static let selfCorrections: Set<String> = ["perdon", "perdone", "digo", "corrijo", "disculpe", "dicho"]

    /// "quince conos no perdón veinte conos": an item whose words end in a correction is
    /// replaced by the next one when that names the same thing or nothing (it then takes
    /// the words: "quince conos no perdón veinte").
    static func withoutSelfCorrections(_ items: [Item]) -> [Item] {
        var result: [Item] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            if index + 1 < items.count, let marker = item.words.firstIndex(where: selfCorrections.contains) {
                let said = Array(item.words[..<marker])
                var next = items[index + 1]
                let head = WordForms.contentWords(said).first.map { String($0.prefix(4)) }
                let nextHead = WordForms.contentWords(next.words).first.map { String($0.prefix(4)) }
                if nextHead == nil || nextHead == head {
                    if nextHead == nil { next.words = said }
                    result.append(next)
                    index += 2
                    continue
                }
            }
            result.append(item)
            index += 1
        }
        return result
    }

    static func item(_ mention: QuantityParser.Mention, _ range: Range<Int>, _ texts: [String]) -> Item {
        var start = range.lowerBound
        while start < range.upperBound, ["y", "e"].contains(texts[start]) { start += 1 }
        var text = trimConnectors(Array(texts[start..<range.upperBound]))
        // "12 pares de botas dieléctricas para una cuadrilla de electricistas": who they are for
        // names no product (the electrician's helmet is not meant).
        if let purpose = text.indices.dropFirst().first(where: { purposeWords.contains(text[$0]) }),
            text[purpose...].contains(where: { peopleWords.contains($0) || groupWords.contains($0) })
        {
            text = trimConnectors(Array(text[..<purpose]))
        }
        return Item(
            quantity: mention.value, pairs: mention.pairs, words: sizesInDigits(text),
            range: start..<(start + text.count))
    }

    /// "de los de seis kilos" names the size as "6 kilos" does: a number word before a unit
    /// is written as its digits.
    static func sizesInDigits(_ words: [String]) -> [String] {
        var words = words
        for index in words.indices.dropLast() where CommonWords.isMeasureUnit(words[index + 1]) {
            guard !words[index].contains(where: \.isNumber),
                let (value, length) = SpanishNumber.read(Words(words[index]), at: 0), length == 1
            else { continue }
            words[index] = String(value)
        }
        return words
    }

    /// Drops a trailing "y", "e", "más", "también" (they introduce the next item).
    static func trimConnectors(_ words: [String]) -> [String] {
        var words = words
        while let last = words.last, ["y", "e", "mas", "tambien", "tambn", "ademas", "con"].contains(last) {
            words.removeLast()
        }
        return words
    }

    /// Products sold in pairs: "un par de guantes" is one item; "un par de conos" is two.
    public static func soldInPairs(_ product: Product) -> Bool {
        let head = ProductWords.of(product.name).first ?? ""
        return ["guante", "guantes", "bota", "botas", "gafa", "gafas", "rodillera", "tapaoidos"].contains(head)
    }
}
