import SpanishText

/// The entities of one message, read with the state (`ReadingContext`): checkout data (the
/// slot just asked for decides what a bare answer is; in checkout everything that reads as
/// data is data), the product requests left once the data is taken out, the list position
/// the customer picks and the optional slots declined. Every step is one pass over the
/// message's words.
struct EntityReader {
    let words: Words
    let context: ReadingContext
    let data: CheckoutFieldExtractor.Extraction
    /// The message without its data.
    let productText: Words
    let choice: ListChoice?

    /// `chatter`: character ranges of clauses that name no product (left out of the product
    /// text); `talk`: those that carry no data either (a yes, thanks, "eso es todo").
    init(text: String, context: ReadingContext, chatter: [Range<Int>] = [], talk: [Range<Int>] = []) {
        self.context = context
        words = Words(text)
        let extracted = CheckoutFieldExtractor.extract(
            text, requested: context.phase == .checkout ? context.requested : nil, known: context.known,
            knownName: context.knownName)
        var extraction = extracted
        // A "name" or note read from a clause that only talks ("correcto, los mismos datos")
        // is not data, nor is a message that only talks the plain answer to a slot.
        // A note that only runs on over a chatty clause ("Entregar en almacén, horario 8 a.m. a
        // 5 p.m.") is still a note: what counts is the clause it opens in.
        for (slot, range) in extraction.freeRanges
        where talk.contains(where: { slot == .notes ? $0.contains(range.lowerBound) : $0.overlaps(range) }) {
            extraction.values[slot] = nil
        }
        if talk.contains(where: { $0.lowerBound == 0 && $0.upperBound >= text.count }), context.requested != .notes {
            extraction.freeText = nil
        }
        // Data volunteered before checkout: clearly meant as data (`isStrong`), or, once the
        // cart holds something, any field in a message that names no product ("Barrio
        // Engativá", "con cédula 1.038.595.178", "teléfono fijo 4921590").
        let useData =
            context.inForm || extraction.isStrong
            || (!context.cartIsEmpty && !extraction.values.isEmpty && !Self.namesProduct(words, context.catalogWords))
        // Labelled data volunteered while shopping ("mi nombre es Ana, necesito unas gafas",
        // "les escribe Ana, cel 3001234567, ¿tienen botas?"): kept for the checkout, taken out
        // of the search; the shopping goes on. Data alone is noted or starts the checkout.
        let volunteered =
            !context.inForm && !extraction.values.isEmpty
            && Set(extraction.values.keys).isSubset(of: extraction.labelled)
            && Self.namesProduct(Words(extraction.remainder), context.catalogWords)
        extraction.volunteered = volunteered
        data = useData || volunteered ? extraction : CheckoutFieldExtractor.Extraction(remainder: text)
        var characters = Array(useData || volunteered ? extraction.remainder : text)
        Self.blankCheckDigits(&characters, original: Array(text))
        for range in chatter {
            for offset in range where characters.indices.contains(offset) { characters[offset] = " " }
            // "Buenas, ¿qué tal? Necesito…": the marks around a clause left out go with it when
            // the message goes on after it (a lone "?" would leave the request inside a
            // question); a question that closes the message stays one ("…, ¿qué me sirve?").
            // Two characters each side.
            guard
                let close = (range.upperBound..<(range.upperBound + 2)).first(where: {
                    characters.indices.contains($0) && "?!".contains(characters[$0])
                }),
                (close + 1..<(close + 4)).contains(where: { characters.indices.contains($0) && characters[$0].isLetter }
                )
            else { continue }
            characters[close] = " "
            for offset in (range.lowerBound - 2)..<range.lowerBound
            where characters.indices.contains(offset) && "¿¡".contains(characters[offset]) {
                characters[offset] = " "
            }
        }
        // "De acuerdo con la orden de compra No. 7781 de…": a number whose marker ("No.",
        // "número") went out with the talk is that marker's, never a count left alone.
        for index in 0..<max(0, words.count - 1)
        where QuantityParser.specMarkers.contains(words[index])
            && words[index + 1].allSatisfy(\.isNumber)
            && words.words[index].range.allSatisfy({ characters.indices.contains($0) && characters[$0] == " " })
        {
            for offset in words.words[index + 1].range where characters.indices.contains(offset) {
                characters[offset] = " "
            }
        }
        // "no no, 7 pares": an interjected "no" is not the "No." of a number.
        let plain = Words(String(characters))
        for index in 0..<plain.count where ["no", "nop", "nono"].contains(plain[index]) {
            let end = plain.words[index].range.upperBound
            let next = index + 1 < plain.count ? plain.words[index + 1].range.lowerBound : characters.count
            let gap = characters[end..<next]
            if gap.contains(",") || gap.contains(";") || plain.at(index + 1) == "no" || index + 1 == plain.count {
                for offset in plain.words[index].range { characters[offset] = " " }
            }
        }
        productText = Words(String(characters))
        choice = Self.choice(in: productText)
    }

    /// Whether a word of the message is a catalog word.
    static func namesProduct(_ words: Words, _ catalog: Set<String>) -> Bool {
        words.texts.contains { catalog.contains($0) || catalog.contains(MessageTokens.collapsed($0)) }
    }

    /// Optional slots the message declines: "no tengo correo" anywhere, or "no" / "ninguna"
    /// to the optional slot just asked for.
    func declined(intent: Intent?) -> Set<CheckoutSlot> {
        var result: Set<CheckoutSlot> = []
        let emailWords: Set<String> = ["correo", "email", "mail", "e"]
        // "sin indicaciones", "ninguna observación", "no hay instrucciones de entrega".
        let notesWords: Set<String> = [
            "indicaciones", "indicacion", "observaciones", "observacion", "instrucciones", "instruccion", "notas",
            "nota", "referencias",
        ]
        let negations: Set<String> = ["no", "sin", "ningun", "ninguno", "ninguna", "nunca"]
        for index in 0..<words.count {
            let slot: CheckoutSlot
            if emailWords.contains(words[index]) {
                slot = .email
            } else if notesWords.contains(words[index]) {
                slot = .notes
            } else {
                continue
            }
            let before = (max(0, index - 3)..<index).map { words[$0] }
            // "correo no tengo", "email: ninguno", "correo no manejo", "indicaciones ninguna".
            let after = (index + 1..<min(words.count, index + 4)).map { words[$0] }.filter {
                !emailWords.contains($0) && $0 != "electronico"
            }
            let deniedAfter =
                after.first.map { ["ninguno", "ninguna", "tampoco"].contains($0) } == true
                || (after.first == "no" && after.count > 1
                    && ["tengo", "manejo", "uso", "hay", "tiene"].contains(after[1]))
            if before.contains(where: negations.contains) || deniedAfter { result.insert(slot) }
        }
        // "…, barrio San Antonio, ninguna": a block of data that ends saying there is none is
        // the answer to "alguna indicación, si la hay".
        if !data.values.isEmpty, data.values[.notes] == nil, let last = Self.lastClause(of: words.original),
            CheckoutFieldExtractor.meansNone(last), Words(last).texts.allSatisfy({ !emailWords.contains($0) })
        {
            result.insert(.notes)
        }
        if let requested = context.requested, requested.isOptional, context.phase == .checkout, intent == .deny,
            data.values.isEmpty
        {
            result.insert(requested)
        }
        // "yo no tengo correo, pero el de mi nieta sí: …@gmail.com": an address given is the
        // e-mail, whoever's it is.
        if data.values[.email] != nil { result.remove(.email) }
        return result
    }

    /// The text after the last comma, semicolon or line break (bounded: the message is).
    static func lastClause(of text: String) -> String? {
        guard let cut = text.lastIndex(where: { $0 == "," || $0 == ";" || $0 == "\n" }) else { return nil }
        return String(text[text.index(after: cut)...])
    }

    /// "el doble" (2), "el triple" (3), "la mitad" (½) in the message, when nothing else
    /// but fillers and request words surround it.
    static func factor(in words: Words) -> Double? {
        let factors: [String: Double] = ["doble": 2, "triple": 3, "mitad": 0.5]
        for index in 1..<max(1, words.count) {
            guard let factor = factors[words[index]], ["el", "la"].contains(words[index - 1]) else { continue }
            // "cinta doble faz", "respirador doble filtro" name products.
            guard
                words.count <= index + 1
                    || ["de", "del", "mejor", "por", "favor", "porfa", "entonces", "pues"].contains(words[index + 1])
            else { return nil }
            return factor
        }
        return nil
    }

    /// The product requests, capped at `Understanding.maxItemsPerMessage`; how many were
    /// left out.
    /// `isCatalog`: whether a word is a catalog word, or one slip from one ("respriador").
    func items(
        intent: Intent?, acts: Set<Intent>, isCommand: (String) -> Bool, isCatalog: ((String) -> Bool)? = nil
    ) -> ([ItemCommand], Int) {
        var (commands, leftOut) = requests(intent: intent, acts: acts, isCommand: isCommand, isCatalog: isCatalog)
        // "un extintor, dos conos y una linterna. O sea todo por tres": every product the
        // message orders, times the count; the count names no line of its own.
        if let times = Self.timesAll(productText), commands.count >= 2,
            let bare = commands.lastIndex(where: { !$0.named && $0.quantity == times }),
            commands.indices.contains(where: { $0 != bare && commands[$0].named && commands[$0].action == .add })
        {
            commands.remove(at: bare)
            for index in commands.indices where commands[index].named && commands[index].action == .add {
                commands[index].quantity = min(QuantityFilter.maxQuantity, (commands[index].quantity ?? 1) * times)
            }
        }
        return (commands, leftOut)
    }

    /// "todo por tres", "todo eso x 3", "todos por 2": the count every product is multiplied
    /// by (2…`maxTimesAll`), nil when the message says none. One pass over the words.
    static func timesAll(_ words: Words) -> Int? {
        for index in words.texts.indices where ["por", "x"].contains(words[index]) && index > 0 {
            let before = words[index - 1]
            let all =
                ["todo", "todos", "todas"].contains(before)
                || (["eso", "esto", "esos", "esas"].contains(before)
                    && ["todo", "todos", "todas"].contains(words.at(index - 2)))
            guard all else { continue }
            let value = Int(words.at(index + 1)) ?? SpanishNumber.read(words, at: index + 1)?.value
            if let value, (2...maxTimesAll).contains(value) { return value }
        }
        return nil
    }

    static let maxTimesAll = 50

    /// `items` before a count that multiplies every product ("todo por tres").
    private func requests(
        intent: Intent?, acts: Set<Intent>, isCommand: (String) -> Bool, isCatalog: ((String) -> Bool)?
    ) -> ([ItemCommand], Int) {
        let catalogWords = context.catalogWords
        let otherNames = context.otherNames
        let heads = context.catalogHeads
        let kinds = context.catalogKinds
        var counts = QuantityFilter.counts(
            in: productText,
            isProduct: {
                catalogWords.contains($0) || catalogWords.contains(MessageTokens.collapsed($0))
                    || otherNames.contains($0)
            }, isKind: kinds.isEmpty ? nil : { kinds.contains($0) })
        // "mejor el doble", "que sea la mitad": the line in focus, scaled.
        if counts.isEmpty, !context.cartIsEmpty, let factor = Self.factor(in: productText) {
            return ([ItemCommand(action: .set, words: [], quantity: nil, query: "", factor: factor)], 0)
        }
        // "¿me recomienda algo? necesito una lámpara que…": in a question an article is not an order.
        // The question must be the article's own sentence: "un botiquín\n3 arneses, ya está,
        // ¿qué datos necesita?" orders the botiquín.
        let asksAll = intent?.asksAboutProducts ?? false
        counts.removeAll { mention in
            mention.value == 1 && ["un", "una"].contains(productText[mention.range.lowerBound]) && !mention.pairs
                && (asksAll || Self.inQuestion(mention.range.lowerBound, productText))
        }
        // "pa un taller de motos necesito: …": an article after "para" says what the products
        // are for, unless it counts the people served ("botas para un trabajador"); after "en"
        // it says where the customer is ("trabajo en una bodega de reciclaje"), after a word of
        // likeness what the product looks like ("respiradores que parecen una careta").
        counts.removeAll { mention in
            let start = mention.range.lowerBound
            guard mention.value == 1, !mention.pairs, ["un", "una"].contains(productText[start]), start > 0 else {
                return false
            }
            let before = productText[start - 1]
            return before == "en" || Self.likenessWords.contains(before)
                || ItemExtractor.purposeWords.contains(before)
                    && !ItemExtractor.peopleWords.contains(productText.at(mention.range.upperBound))
        }
        // "le saluda una señora de Bello…, me regala 3 taipes": an article is an order only
        // where an order can start (the message's or a clause's start, after a request word
        // or "y") or before a catalog word; otherwise it is just a word of the story.
        if counts.count > 1 {
            counts.removeAll { mention in
                let start = mention.range.lowerBound
                guard mention.value == 1, !mention.pairs, ["un", "una"].contains(productText[start]) else {
                    return false
                }
                return !opensRequest(at: start, isCommand: isCommand) && !namesCatalog(after: mention.range.upperBound)
            }
        }
        // "deme una", "cámbielo a uno": a closing article is one unit of what is on screen.
        let quantityIntents: Set<Intent> = [.add, .setQuantity, .increase, .decrease]
        // "¿a cómo sale cada uno?" asks; it orders nothing.
        // "las que tenga de cada uno": "cada uno" counts nothing.
        // "dale una, talla 42": a size said after it leaves the article closing the request.
        let closing = Self.closingWord(productText)
        if counts.isEmpty, ["una", "uno"].contains(productText.at(closing)),
            productText.at(closing - 1) != "cada",
            intent.map(quantityIntents.contains) == true || context.pending.map(Self.asksQuantity) == true
                || (closing >= 1 && isCommand(productText[closing - 1]) && context.listed > 0)
                // "la careta, una", "el botiquín, uno": the count said after the product's name.
                || (closing >= 1 && namesCatalog(after: closing - 1)
                    && !Self.joiners.contains(productText[closing - 1])),
            !asksAll, !Self.inQuestion(closing, productText)
        {
            counts = [QuantityParser.Mention(value: 1, kind: .count, range: closing..<(closing + 1), pairs: false)]
        }
        // "súmele 17 válvulas para extintor": what it is for names no line of the cart.
        let texts = productText.texts
        let named = texts.indices.filter { index in
            !counts.contains { $0.range.contains(index) } && !isCommand(texts[index])
                && !WordForms.contentWords([texts[index]]).isEmpty
        }
        // "quite el botiquín, con los dos kits es suficiente": nor what is enough.
        let purpose =
            named.first.flatMap { first in
                texts.indices.first {
                    $0 > first
                        && (ItemExtractor.purposeWords.contains(texts[$0]) || Self.opensSufficiency(at: $0, texts))
                }
            } ?? texts.count
        // "Necesito 8, son 8 escalones": nor the things a count told after it counts.
        let countedWords = Set(counts.flatMap { Array($0.range) })
        let told =
            QuantityFilter.toldClause(in: productText, texts.indices, isKept: countedWords.contains) ?? texts.count
        let plain = texts.enumerated()
            .filter { index, word in
                index < min(purpose, told) && !countedWords.contains(index) && !isCommand(word)
            }
            .map(\.element)
        let whole = query(0..<productText.count)
        let catalog = context.catalogWords
        let names = { (words: [String]) -> Bool in
            catalog.isEmpty
                ? !WordForms.contentWords(words).isEmpty
                : words.contains {
                    catalog.contains($0) || catalog.contains(MessageTokens.collapsed($0)) || isCatalog?($0) == true
                        || context.catalogCodes.contains($0)
                }
        }
        // The message's items, each count with the words of its product.
        let countsOnScreen: Bool
        if case .quantity? = context.pending { countsOnScreen = true } else { countsOnScreen = false }
        func extractItems(_ counts: [QuantityParser.Mention]) -> [ItemExtractor.Item] {
            ItemExtractor.items(
                in: productText, counts: counts, ignoring: isCommand,
                isProduct: {
                    catalog.contains($0) || catalog.contains(MessageTokens.collapsed($0))
                        || context.otherNames.contains($0)
                }, isHead: heads.isEmpty ? nil : { heads.contains($0) || context.otherNames.contains($0) },
                isKind: kinds.isEmpty ? nil : { kinds.contains($0) }, countsOnScreen: countsOnScreen,
                accessoryOf: { context.accessories[$0] ?? [] })
        }
        /// Each counted item of the message as a command of `action`.
        func countedLines(_ action: ItemCommand.Action) -> [ItemCommand] {
            extractItems(counts).prefix(Understanding.maxItemsPerMessage).map { item in
                let words = Self.withoutCommands(item.words, isCommand)
                return ItemCommand(
                    action: action, words: words, quantity: item.quantity, pairs: item.pairs,
                    query: query(item.range), named: names(words))
            }
        }
        var action: ItemCommand.Action?
        switch intent {
        case .setQuantity?: action = .set
        case .increase?: action = .increase
        // "quítele los guantes": taking away without a count takes the line out.
        case .decrease?: action = counts.isEmpty && names(plain) ? .remove : .decrease
        case .remove?:
            // "la careta" alone names a product (an answer, a choice); taking a line out needs
            // a word that says so ("quite", "ya no", "sin", a word that is no product's).
            let said = words.texts
            let sayer = said.contains {
                Self.removalWords.contains($0) || (isCommand($0) && !Self.linkWords.contains($0))
            }
            let other = WordForms.contentWords(said).contains {
                !context.catalogWords.contains($0) && !context.catalogWords.contains(MessageTokens.collapsed($0))
            }
            if sayer || other || context.catalogWords.isEmpty { action = .remove }
        default:
            // "no, 7 pares" right after an order: the quantity is corrected, not added.
            if acts.contains(.deny), counts.count == 1, WordForms.contentWords(plain).isEmpty,
                context.pending == nil, !context.cartIsEmpty
            {
                action = .set
            }
        }
        // "mejor 1 más", "2 menos": a count the word after makes relative. Among other counts
        // only with a verb of adding before it ("son 8 los muchachos, súmele 2 más": the 8 is
        // the story's, the 2 the change).
        // A change the classifier read as a new amount is a sum when a verb of summing says
        // the count ("ey súmale 5 discos") or "más" closes the count's few words ("ponle 3
        // guantes más").
        let before = counts.last.map { productText.at($0.range.lowerBound - 1) }
        if !context.cartIsEmpty, action == nil || action == .set, let count = counts.last,
            counts.count == 1 || Self.addingVerbs.contains(productText.at(count.range.lowerBound - 1)),
            let relative = Self.relative(after: count.range.upperBound, productText)
                ?? (action == .set && Self.summingVerbs.contains(before ?? "") ? .increase : nil)
                ?? (action == .set ? Self.relative(afterNoun: count.range.upperBound, productText) : nil)
        {
            action = relative
            if counts.count > 1 { counts = [count] }
        }
        // "Súmele uno más a cada cosa: guantes, overoles y botas", "mejor que sean 4 de todo":
        // one change for each line (`SalesAgent.applyToEach`); the words only say which.
        if let change = action, [.set, .increase, .decrease].contains(change), counts.count == 1,
            let count = counts.first, !context.cartIsEmpty, Self.saysEveryOne(productText)
        {
            let command = ItemCommand(
                action: change, words: plain.filter { !Self.everyWords.contains($0) }, quantity: count.value,
                pairs: count.pairs, query: whole, named: false)
            return ([command], 0)
        }
        // "Uy no, espere, son dos pisos. Mejor que sean 5": a count after a verb of being
        // ("son", "somos", "tenemos") tells the story; the count after "mejor" or "sean" is the
        // amount of the line on screen, and the story's words name no line.
        if let change = action, [.set, .increase, .decrease].contains(change), let last = counts.last,
            QuantityParser.finalAmountWords.contains(productText.at(last.range.lowerBound - 1)),
            (0..<max(0, last.range.lowerBound - 1)).contains(where: { index in
                QuantityFilter.storyVerbs.contains(productText[index])
                    && (productText[index + 1].allSatisfy(\.isNumber)
                        || SpanishNumber.read(productText, at: index + 1) != nil)
            })
        {
            return (
                [
                    ItemCommand(
                        action: change, words: [], quantity: last.value, pairs: last.pairs, query: whole, named: false)
                ], 0
            )
        }
        // "Del jabón quítele uno, mejor 2 galones", "réstele uno, mejor 3": the last count,
        // said after "mejor" or "sean" and naming nothing, is the line's amount; the first
        // only said the way there. So is one said as what is enough ("quítele uno a los
        // cascos, con 2 me sirven").
        if [.set, .increase, .decrease].contains(action), counts.count == 2, let last = counts.last,
            QuantityParser.finalAmountWords.contains(productText.at(last.range.lowerBound - 1))
                || Self.opensSufficiency(at: last.range.lowerBound - 1, productText.texts)
        {
            let lines = extractItems(counts).map { Self.withoutCommands($0.words, isCommand) }
            if lines.count == 2, names(lines[0]), !names(lines[1]) {
                return (
                    [
                        ItemCommand(
                            action: .set, words: lines[0], quantity: last.value, pairs: last.pairs, query: whole,
                            named: true)
                    ], 0
                )
            }
        }
        switch action {
        case .set?:
            guard let count = counts.last else { break }
            // "mejor que sean 8 fajas, y los chalecos déjelos en 12": each line its amount.
            if counts.count > 1 {
                let lines = countedLines(.set)
                if lines.count > 1, lines.allSatisfy(\.named) { return (Array(lines), 0) }
                // "ocho cascos… no, perdón, no cascos, las gafas, ocho": one line left once the
                // product taken back is dropped.
                if lines.count == 1, lines[0].named,
                    productText.texts.contains(where: ItemExtractor.selfCorrections.contains)
                {
                    return (lines, 0)
                }
                // "nah, mejor solo 1 q está cara. Y un detector de humo": a bare amount for the
                // product on screen, then products asked for anew.
                if lines.count > 1, !lines[0].named, lines.dropFirst().allSatisfy(\.named) {
                    var amount = lines[0]
                    amount.words = []
                    return (
                        [amount]
                            + lines.dropFirst().map { line in
                                var added = line
                                added.action = .add
                                return added
                            }, 0
                    )
                }
                // "ajuste los guantes a 18 pares; los otros 2 los tenemos": the count said
                // with the product is its amount, the rest of the story counts nothing.
                // A bare count after it ("quíteme una caja… que sean solo dos") is the amount.
                if lines.count > 1, lines[0].named,
                    lines.dropFirst().allSatisfy({ !$0.named && !WordForms.contentWords($0.words).isEmpty })
                {
                    return ([lines[0]], 0)
                }
            }
            return (
                [
                    ItemCommand(
                        action: .set, words: plain, quantity: count.value, pairs: count.pairs, query: whole,
                        named: names(plain))
                ], 0
            )
        case .increase?, .decrease?:
            // "réstele dos maletines y dos linternas": each line named with its count.
            if counts.count > 1 {
                let lines = countedLines(action!)
                if lines.count > 1, lines.allSatisfy(\.named) { return (lines, 0) }
            }
            let count = counts.last
            return (
                [
                    ItemCommand(
                        action: action!, words: plain, quantity: count?.value ?? 1, pairs: count?.pairs ?? false,
                        query: whole, named: names(plain))
                ], 0
            )
        case .remove?:
            return ([ItemCommand(action: .remove, words: plain, quantity: nil, query: whole, named: names(plain))], 0)
        default:
            break
        }
        let items = extractItems(counts)
        // A product named without a count inside a question is asked about, not ordered.
        let asked = items.filter { $0.counted || !Self.inQuestion($0.range.lowerBound, productText) }
        // "los que salen a 500": the price said picks a product (`choice`); its words name none.
        let priceWords = Set(
            QuantityParser.mentions(in: productText).filter { $0.kind == .price }
                .flatMap { mention in mention.range.map { productText[$0] } })
        var commands = asked.prefix(Understanding.maxItemsPerMessage).map { item in
            var words = Self.withoutCommands(item.words, isCommand)
            if !priceWords.isEmpty {
                words.removeAll { priceWords.contains($0) || QuantityParser.priceVerbs.contains($0) }
            }
            var command = ItemCommand(
                action: .add, words: words, quantity: item.counted ? item.quantity : nil, pairs: item.pairs,
                query: query(item.range), named: names(words))
            command.leavesOutNoun = Self.opensWithoutNoun(Array(productText.texts[item.range].prefix(4)))
            return command
        }
        // "12 señales de salida, 8 de las que indican el extintor": a count of "las que…"
        // without a noun counts the kind named just before.
        let kept = Array(asked.prefix(Understanding.maxItemsPerMessage))
        for index in kept.indices.dropFirst() where Self.omitsTheNoun(kept[index].range, productText) {
            // A kind inside the clause is what they show ("las que indican el extintor").
            if let kind = commands[index - 1].words.first(where: { heads.contains($0) }) {
                commands[index].words.insert(kind, at: 0)
                commands[index].named = true
            }
        }
        // "botas de punta de acero: 3 pares talla 40 y 2 pares talla 42", "overoles: 4 talla M
        // y 2 XL": counts that name only a size are how many of the product named before them,
        // summed; the sizes go in no line of their own.
        for index in commands.indices.dropFirst().reversed() where Self.namesOnlySize(commands[index].words) {
            guard let quantity = commands[index].quantity,
                let owner = commands[..<index].lastIndex(where: { $0.named && !Self.namesOnlySize($0.words) })
            else { continue }
            // Bounded: sizes of hostile counts add up to no more than one line may ask for.
            commands[owner].quantity = min(QuantityFilter.maxQuantity, (commands[owner].quantity ?? 0) + quantity)
            commands[owner].pairs = commands[owner].pairs || commands[index].pairs
            commands.remove(at: index)
        }
        // "una, talla 42" answering "¿cuántas?": a size left alone names no product.
        for index in commands.indices where Self.namesOnlySize(commands[index].words) {
            commands[index].words = []
            commands[index].named = false
        }
        // "las señales de ubicación, una por cada extintor": "cada" and what follows say how
        // the line before is shared out; they are no line (the agent reads the share).
        for index in commands.indices.dropFirst().reversed()
        where commands[index].words.first == "cada" && commands[index - 1].quantity == nil {
            commands[index - 1].quantity = commands[index].quantity
            commands.remove(at: index)
        }
        // "casco, monogafas y guantes, de todo 8" / "…, 5 de cada uno": one count said for
        // every product named without one.
        if commands.count >= 2, counts.count == 1, Self.saysEveryOne(productText),
            let each = commands.first(where: { $0.quantity != nil })?.quantity
        {
            commands.removeAll { $0.quantity != nil && !$0.named }
            for index in commands.indices where commands[index].quantity == nil { commands[index].quantity = each }
        }
        // "un extintor de los de 6 kilos, uno solito": the same count again with no words of a
        // product restates the line before, it is no other line.
        let lines = commands.indices.filter { index in
            index == 0 || !commands[index].words.isEmpty || commands[index].quantity == nil
                || commands[index].quantity != commands[index - 1].quantity || !commands[index - 1].named
        }.map { commands[$0] }
        // "una manta de esas para apagar fuego, pero necesito 4": a bare count said after the
        // one product named with an article is how many of it.
        if lines.count == 2, counts.count == 2, lines[0].named, lines[0].quantity == 1, !lines[1].named,
            WordForms.contentWords(lines[1].words).isEmpty, let amount = lines[1].quantity, amount > 1,
            ["un", "una"].contains(productText.at(kept[0].range.lowerBound - 1))
        {
            var line = lines[0]
            line.quantity = amount
            return ([line], max(0, asked.count - Understanding.maxItemsPerMessage))
        }
        // "¿Y esos chalecos que refrescan sí tienen? Es que acá el calor es tremendo. Serían 5":
        // a count whose own words name nothing, after a question that names a product, is
        // how many of that product.
        if lines.count == 1, counts.count == 1, !lines[0].named, let count = counts.first,
            let mark = productText.original.firstIndex(of: "?").map({
                productText.original.distance(from: productText.original.startIndex, to: $0)
            }),
            productText.words.indices.contains(count.range.lowerBound),
            productText.words[count.range.lowerBound].range.lowerBound > mark
        {
            let end = productText.words.firstIndex { $0.range.lowerBound > mark } ?? 0
            let asked = Self.withoutCommands(Array(productText.texts[..<end]), isCommand)
            if names(asked) {
                var line = lines[0]
                line.words = asked
                line.named = true
                return ([line], 0)
            }
        }
        return (lines, max(0, asked.count - Understanding.maxItemsPerMessage))
    }

    /// The most words of a size said after the request ("talla 42", "talla M").
    static let maxSizeWords = 3

    /// The last word of the request: the message's last, or the one before a size said
    /// after it at the end ("dale una, talla 42").
    static func closingWord(_ words: Words) -> Int {
        let last = words.count - 1
        for start in max(1, words.count - maxSizeWords)..<max(1, words.count) where sizeMarkers.contains(words[start]) {
            if namesOnlySize(Array(words.texts[start...])) { return start - 1 }
        }
        return last
    }

    /// Words that say a size ("talla", "número", "XL").
    static let sizeMarkers: Set<String> = ["talla", "tallas", "numero", "xs", "s", "m", "l", "xl", "xxl", "xxxl"]

    /// The words name a size and nothing else ("talla 42", "xl", "talla m").
    static func namesOnlySize(_ words: [String]) -> Bool {
        words.contains(where: sizeMarkers.contains)
            && words.allSatisfy {
                sizeMarkers.contains($0) || $0.allSatisfy(\.isNumber) || ["de", "la", "el"].contains($0)
            }
    }

    /// "NIT 900.417.358-2": when the number was taken out as data, its check digit after the
    /// dash goes with it (it is no count of 2). Aligned offsets; linear.
    static func blankCheckDigits(_ characters: inout [Character], original: [Character]) {
        guard characters.count == original.count else { return }
        var index = 1
        while index + 1 < characters.count {
            defer { index += 1 }
            guard characters[index] == "-", original[index - 1].isNumber, characters[index - 1] == " " else { continue }
            var end = index + 1
            while end < characters.count, characters[end].isNumber, end - index <= 2 { end += 1 }
            guard end - index == 2, end == characters.count || !characters[end].isNumber else { continue }
            for offset in index..<end { characters[offset] = " " }
        }
    }

    /// Words that open with the noun left out: "de los de cuero", "las de nitrilo", "los que
    /// brillan" (chat "d" for "de").
    static func opensWithoutNoun(_ words: [String]) -> Bool {
        let folded = words.prefix(4).map { MessageTokens.shorthand[$0] ?? $0 }
        let start = folded.first == "de" ? 1 : 0
        guard folded.count > start + 1, ["los", "las"].contains(folded[start]) else { return false }
        return ["de", "del", "que"].contains(folded[start + 1])
    }

    /// The item's words open with "las que", "los que", "esas que" (the noun left out).
    /// (The item's range may start after them.)
    static func omitsTheNoun(_ range: Range<Int>, _ words: Words) -> Bool {
        [range.lowerBound, range.lowerBound - 2].contains { start in
            let first = words.at(start)
            let second = words.at(start + 1)
            return (MessageTokens.shorthand[second] ?? second) == "que"
                && (QuantityFilter.articles.contains(first) || QuantityFilter.demonstratives.contains(first))
        } || opensWithoutNoun((range.lowerBound..<min(range.lowerBound + 4, words.count)).map { words[$0] })
    }

    /// Words that announce a class letter ("tipo K", "clase A").
    static let classWords: Set<String> = ["tipo", "clase"]

    /// Chat shorthand read as its word ("1 d los d electricista", "xq el mío se rompió"); a
    /// letter after "tipo"/"clase" stays a class.
    static let itemShorthand: Set<String> = ["d", "xq", "pq", "pa", "xa", "tmb", "tb", "tbn", "q"]
    /// Words that open the customer's reason ("… porque el mío ya se rompió"): after a
    /// product's words, what follows tells a story, it names nothing.
    static let reasonWords: Set<String> = ["porque"]
    /// Words that say something is enough ("con los dos kits es suficiente", "con eso basta").
    static let sufficiencyWords: Set<String> = [
        "suficiente", "suficientes", "basta", "bastan", "alcanza", "alcanzan", "sobra", "sobran", "sirve", "sirven",
    ]
    /// The words that say "each" or "all" ("a cada cosa", "de todo"): no product's.
    static let everyWords: Set<String> = eachNouns.union(["cada", "cosas", "todo", "todos", "todas", "productos"])
    /// What "cada" is said of when it means each product ("de cada uno", "a cada cosa").
    static let eachNouns: Set<String> = ["uno", "una", "cual", "cosa", "producto", "referencia", "item", "articulo"]

    /// Words that compare ("parecen una careta", "como una manta"): an article after them names
    /// what a product is like, no order.
    static let likenessWords: Set<String> = ["parece", "parecen", "parecido", "parecida", "como", "tipo"]

    /// How many words after "con" a word of `sufficiencyWords` is looked for.
    static let sufficiencyReach = 6

    /// "con" at `index` opens what is enough ("con los dos kits es suficiente").
    static func opensSufficiency(at index: Int, _ words: [String]) -> Bool {
        words.indices.contains(index) && words[index] == "con"
            && words[(index + 1)...].prefix(sufficiencyReach).contains(where: sufficiencyWords.contains)
    }
    /// Words beside a count that say how few ("uno solito", "2 nomás"); they name nothing.
    static let countModifiers: Set<String> = [
        "solito", "solita", "solitos", "solitas", "nomas", "solamente", "unicamente",
    ]

    /// The item's words without command words ("mándeme"); a letter after "tipo"/"clase" is
    /// the product's class ("extintores tipo K" → "extintores clase k"), never "que" nor a unit;
    /// chat shorthand is its word and a reason ends the product's words.
    static func withoutCommands(_ words: [String], _ isCommand: (String) -> Bool) -> [String] {
        var kept: [String] = []
        var namesSomething = false
        for (index, said) in words.enumerated() {
            let afterClass = index > 0 && classWords.contains(words[index - 1])
            let word = !afterClass && itemShorthand.contains(said) ? MessageTokens.shorthand[said] ?? said : said
            // After pointing words too ("5 de esos porque tenemos cinco puntos"): the reason
            // is no product's words.
            if reasonWords.contains(word), namesSomething || index > 0 { break }
            // "los de carnet, no los de llaves": what follows "no" and an article is the one
            // declined, no word of the product wanted.
            if namesSomething, word == "no", index + 1 < words.count,
                QueryUnderstanding.articles.contains(words[index + 1])
                    || QuantityFilter.demonstratives.contains(words[index + 1])
            {
                break
            }
            // "… tapabocas de los desechables como sesenta es para una fábrica": "es/son para"
            // opens a sentence about the purpose (a voice note has no stop before it).
            if namesSomething, ["es", "son"].contains(word), index + 1 < words.count,
                ItemExtractor.purposeWords.contains(words[index + 1])
            {
                break
            }
            // "quite el botiquín, con los dos kits es suficiente": "con" before what is enough
            // tells why; it names nothing (a few words ahead only).
            if namesSomething, opensSufficiency(at: index, words) { break }
            // "uno solito", "2 nomás": how few, no product's word.
            if countModifiers.contains(word) { continue }
            if afterClass, word.count == 1, word.first?.isLetter == true {
                if kept.last == "tipo" { kept[kept.count - 1] = "clase" }
                kept.append(word)
            } else if !isCommand(word) || ItemExtractor.purposeWords.contains(word)
                || (!kept.isEmpty && QueryUnderstanding.articles.contains(word))
            {
                // "tapetes para desinfectar los zapatos": "para" and the article keep what
                // follows a use of the product; without them "zapatos" would be a second
                // thing named.
                kept.append(word)
                if !namesSomething { namesSomething = !WordForms.contentWords([word]).isEmpty }
            }
        }
        return kept
    }

    /// Verbs of adding to a line, with their chat and regional forms ("súmele", "súmale",
    /// "agréguele", "échele"): a count after one is a change of the line.
    static let addingVerbs: Set<String> = [
        "sumele", "sumale", "sumenle", "sumar", "agreguele", "agregale", "agreguenle", "anadale", "anadele",
        "echele", "echale", "metale", "metele", "pongale", "ponele", "ponle", "aumentele", "aumentale", "subale",
        "subele", "mandeme", "mandame",
    ]

    /// The verbs of `addingVerbs` that only ever sum ("súmele", "agréguele", "añádale"), not
    /// those that may set an amount ("súbale a 10", "póngale 6 en vez de 4", "mándeme 3").
    static let summingVerbs: Set<String> = [
        "sumele", "sumale", "sumenle", "agreguele", "agregale", "agreguenle", "anadale", "anadele", "aumentele",
        "aumentale",
    ]

    /// "más" or "menos" right after a count ("mejor 1 más", "2 menos de esos"), not a
    /// comparison ("3 más que…").
    static func relative(after index: Int, _ words: Words) -> ItemCommand.Action? {
        let word = words.at(index)
        guard word == "mas" || word == "menos", words.at(index + 1) != "que" else { return nil }
        return word == "mas" ? .increase : .decrease
    }

    /// The most words between a count and the "más" that closes them ("3 discos de corte más").
    static let maxWordsBeforeMore = 3

    /// "más" or "menos" closing the few words after a count ("5 discos más", "2 guantes
    /// menos"): none of them a count or a joining word, nothing counted after it ("5 discos
    /// más 3 guantes" joins two lines).
    static func relative(afterNoun index: Int, _ words: Words) -> ItemCommand.Action? {
        let counted = { (at: Int) -> Bool in
            let word = words.at(at)
            return (!word.isEmpty && word.allSatisfy(\.isNumber)) || SpanishNumber.read(words, at: at) != nil
        }
        guard index < words.count else { return nil }
        for end in index..<min(words.count, index + maxWordsBeforeMore + 1) {
            let word = words.at(end)
            if word == "mas" || word == "menos" {
                // Right after the count it is `relative(after:)`'s.
                guard end > index, words.at(end + 1) != "que", !counted(end + 1) else { return nil }
                return word == "mas" ? .increase : .decrease
            }
            if counted(end) || ["y", "e"].contains(word) { return nil }
        }
        return nil
    }

    /// Word `index` starts the message or a clause, or follows a request word ("regáleme",
    /// "quiero") or a joining word ("y", "más", "también").
    func opensRequest(at index: Int, isCommand: (String) -> Bool) -> Bool {
        guard index > 0 else { return true }
        let characters = Array(productText.original)
        let gap = productText.words[index - 1].range.upperBound..<productText.words[index].range.lowerBound
        if characters[gap].contains(where: { ",;:.!?\n-".contains($0) }) { return true }
        let previous = productText[index - 1]
        return Self.joiners.contains(previous) || isCommand(previous)
    }

    /// "de cada uno", "cada cual", "de cada cosa", "de todo", "de todos", "c/u": one count for
    /// each product (in one message with the products, or for those just shown:
    /// `SalesAgent.applyToEach`).
    static func saysEveryOne(_ words: Words) -> Bool {
        if words.original.lowercased().contains("c/u") { return true }
        // "8 de todo", "de todo 8": a count right beside it.
        let isCount = { (index: Int) in
            index >= 0 && index < words.count
                && (words[index].first?.isNumber == true || SpanishNumber.read(words, at: index) != nil)
        }
        return (0..<max(0, words.count - 1)).contains { index in
            let first = words[index]
            let second = words[index + 1]
            return
                (first == "cada" && eachNouns.contains(second))
                || (first == "de" && ["todo", "todos", "todas"].contains(second)
                    && (isCount(index - 1) || isCount(index + 2) || index + 2 == words.count))
                // "casco, guantes y botas, todo para 2 personas": a count after "todo para".
                || (["todo", "todos", "todas"].contains(first) && ["para", "pa", "x", "por"].contains(second)
                    && isCount(index + 2))
        }
    }

    /// Words that take a line out without a verb ("ya no la careta", "sin los conos").
    static let removalWords: Set<String> = ["no", "sin", "tampoco", "nada", "menos"]
    /// Articles and links that the example bank holds beside its commands ("quite la {…}").
    static let linkWords: Set<String> = QuantityFilter.articles.union([
        "de", "del", "y", "e", "o", "a", "al", "lo", "le", "me", "por", "favor",
    ])

    static let joiners: Set<String> = ["y", "e", "mas", "tambien", "ademas", "otro", "otra", "con", "de", "x"]

    /// One of the two words from `index` is a catalog word.
    func namesCatalog(after index: Int) -> Bool {
        let catalog = context.catalogWords
        return (index..<min(index + 2, productText.count)).contains { position in
            let word = productText[position]
            return catalog.contains(word) || catalog.contains(MessageTokens.collapsed(word))
        }
    }

    /// Whether word `index` is in a question: its sentence (between line breaks and . ! ?)
    /// opens with "¿" or ends with "?", or a question comes before it. Linear in the message.
    static func inQuestion(_ index: Int, _ words: Words) -> Bool {
        let characters = Array(words.original)
        guard words.words.indices.contains(index) else { return false }
        let ends: Set<Character> = [".", "!", "?", "\n"]
        var start = words.words[index].range.lowerBound
        while start > 0, !ends.contains(characters[start - 1]) { start -= 1 }
        var end = words.words[index].range.upperBound
        while end < characters.count, !ends.contains(characters[end]) { end += 1 }
        // "¿qué tienen? necesito un extintor para la cocina": the question right before the
        // sentence asks about what it describes; one further back does not ("¿sí me escucha?
        // Es que es una nota de voz. Necesito un kit…"). A "¿" still open counts.
        let opened = characters[0..<end].lastIndex(of: "¿")
        let open = opened.map { $0 >= start || !characters[$0..<start].contains("?") } ?? false
        return open || (start > 0 && characters[start - 1] == "?")
            || (end < characters.count && characters[end] == "?")
    }

    static func asksQuantity(_ pending: DialogueState.Pending) -> Bool {
        switch pending {
        case .quantity, .choice, .stockOffer, .stockOffers: true
        case .returningClient: false
        }
    }

    /// The customer's own words for a range of `productText`, without the request around
    /// them ("chalecos", "guantes de vaqueta").
    func query(_ range: Range<Int>) -> String {
        var from = range.lowerBound
        var to = range.upperBound
        let skip = { (word: String) in
            CommonWords.fillers.contains(word) || word == "$" || CommonWords.questionOpeners.contains(word)
        }
        while from < to, skip(productText[from]) { from += 1 }
        while to > from, skip(productText[to - 1]) { to -= 1 }
        return productText.originalText(from..<to)
    }

    /// "el segundo", "la opción 3", "el último", "el más barato", "el de 14 mil".
    static func choice(in words: Words) -> ListChoice? {
        for index in 0..<words.count {
            let word = words[index]
            // "las escaleras que dan al segundo piso": a storey, not the second option.
            if WordForms.isStorey(words.at(index + 1), after: word) { continue }
            if let position = ListChoice.ordinals[word] { return .position(position) }
            if ["ultimo", "ultima", "ultimos", "ultimas"].contains(word) { return .last }
            if ListChoice.cheap.contains(word) { return .cheapest }
            if ListChoice.dear.contains(word), words.at(index - 1) == "mas" { return .dearest }
            if ["opcion", "numero", "la", "el"].contains(word), words.count <= 4,
                let number = SpanishNumber.digitsValue(words.at(index + 1)), (1...20).contains(number),
                words.at(index + 2).isEmpty
            {
                return .position(number)
            }
        }
        if let price = QuantityParser.mentions(in: words).first(where: { $0.kind == .price }) {
            return .price(price.value)
        }
        return nil
    }
}
