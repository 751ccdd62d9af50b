import SpanishText
import Support

/// The offline reader (the default, and the fallback of `ModelReader`): intents from the
/// example bank by nearest neighbours (`IntentClassifier`), for the whole message and for
/// each of its clauses; checkout data, product requests, list choices and declined slots by
/// linear-time extractors that use the state (`ReadingContext`). Deterministic.
public struct ExampleReader: MessageReader {
    public let examples: [IntentClassifier.Example]
    /// The confidence an intent needs to count.
    public let threshold: Double
    /// The classifier for the current catalog words (rebuilt when they change).
    private let built: LockedBox<IntentClassifier?>

    public static let defaultThreshold = 0.3
    static let maxClauses = 8

    public init(examples: [IntentClassifier.Example], threshold: Double = defaultThreshold) {
        self.examples = examples
        self.threshold = threshold
        built = LockedBox(nil)
    }

    /// The bank of `directory` (`data/entendimiento`).
    public init(directory: String, threshold: Double = defaultThreshold) throws {
        self.init(examples: try ExampleBank.load(directory: directory), threshold: threshold)
    }

    public func classifier(catalogWords: Set<String>) -> IntentClassifier {
        if let current = built.value, current.catalog == catalogWords { return current }
        let classifier = IntentClassifier(examples: examples, catalog: catalogWords)
        built.set(classifier)
        return classifier
    }

    public func read(_ text: String, context: ReadingContext) async -> Reading {
        readNow(text, context: context)
    }

    /// The same, synchronously.
    public func readNow(_ raw: String, context: ReadingContext) -> Reading {
        let spoken = MessageTokens.joiningCodes(
            SpokenEmail.rewrite(
                SpokenCardinals.rewrite(ListMarkers.rewrite(String(raw.prefix(Understanding.maxMessageCharacters))))),
            codes: context.catalogCodes)
        let text = CorrectedCount.rewrite(
            CountOnly.rewrite(HalfDozens.rewrite(SpokenAddress.rewrite(DictatedDigits.rewrite(spoken)))))
        let classifier = classifier(catalogWords: context.catalogWords)
        let tokens = MessageTokens(text, catalog: context.catalogWords).tokens
        let guess = classifier.classify(text).map { Self.removal($0, tokens: tokens, text: text) }
        let clauses = Self.clauses(text)
        var reading = Reading(
            intent: guess.flatMap { accepts($0, tokens: tokens, text: text, context: context) ? $0.intent : nil },
            confidence: guess?.confidence ?? 0)
        // What the agent just asked changes what a message means: with a checkout field asked
        // for, a message that is only loosely like a yes, a no or a greeting ("Nohora Lemos"
        // near "nos vemos", "pance" near "parce") is the answer, not small talk.
        if let intent = reading.intent, context.phase == .checkout, context.requested != nil, clauses.isEmpty,
            Self.talkIntents.contains(intent), let guess, guess.similarity < Self.formTalkSimilarity
        {
            reading = Reading(intent: nil, confidence: reading.confidence)
        }
        // "serían 13", "listo, 3": a number in a one-piece message is a quantity, not the
        // go-ahead ("eso sería todo") it resembles.
        if clauses.isEmpty, reading.intent == .proceed, Self.saysAmount(tokens, text) {
            reading = Reading(intent: nil, confidence: reading.confidence)
        }
        // Clauses that only chat ("gracias", "eso es todo", "hágale pues") name no product.
        var chatter: [Range<Int>] = []
        var talk: [Range<Int>] = []
        // A one-clause message that only chats; longer ones are judged clause by clause.
        // "dale una" to "¿cuántas necesita?" answers how many.
        let answersOne =
            context.pending.map(EntityReader.asksQuantity) == true
            && { (words: Words) in words.count <= 3 && ["una", "uno"].contains(words.texts.last ?? "") }(Words(text))
        if clauses.isEmpty, let intent = reading.intent, Self.chatterIntents.contains(intent),
            !tokens.contains(MessageTokens.product), !tokens.contains(MessageTokens.number),
            !Self.holdsOtherName(text, context), !answersOne
        {
            chatter.append(0..<text.count)
            if Self.talkIntents.contains(intent), !Self.writtenAsName(text, context) { talk.append(0..<text.count) }
        }
        // "somos un laboratorio de control de calidad", "tengo un restaurante y me pidieron…":
        // who the customer is, not a request.
        for clause in clauses.isEmpty ? [Clause(text: text, range: 0..<text.count)] : clauses {
            chatter += SelfDescription.ranges(in: clause.text).map {
                (clause.range.lowerBound + $0.lowerBound)..<(clause.range.lowerBound + $0.upperBound)
            }
        }
        reading.namesProduct = tokens.contains(MessageTokens.product)
        var lastAct: Intent?
        // Clauses with an accepted act, of those with a letter.
        var claimed = 0
        let clauseCount = min(clauses.count, Self.maxClauses)
        var namedBefore = false
        // A clause before this one named a product.
        var namedEarlier = false
        for (index, clause) in clauses.prefix(Self.maxClauses).enumerated() {
            let tokens = MessageTokens(clause.text, catalog: context.catalogWords).tokens
            defer {
                namedBefore = tokens.last == MessageTokens.product
                namedEarlier = namedEarlier || tokens.contains(MessageTokens.product)
            }
            // A clause is heard as the whole message is: an intent the dialogue expects here
            // counts at the lower threshold ("los conos déjelos en 1, nada más por ahora").
            guard
                let act = classifier.classify(tokens: tokens).map({
                    Self.removal($0, tokens: tokens, text: clause.text)
                }),
                accepts(act, tokens: tokens, text: clause.text, context: context),
                // "Serían diez maletines, cinco palas…": a clause with a count or a product is
                // an amount, not the go-ahead ("eso sería") it resembles.
                act.intent != .proceed || !Self.saysAmount(tokens, clause.text)
            else { continue }
            let clauseWords = Words(clause.text).texts
            // "…, es q nos lo piden así": a reason says why, it answers nothing (no "así es").
            if Self.opensReason(clauseWords) { continue }
            // "ah y una careta, la transparente, con el soporte también, una": a lone article
            // after a product named in the message counts it; it is no "de una", no yes.
            if clauseWords.count == 1, ["una", "uno", "un"].contains(clauseWords[0]), namedEarlier { continue }
            // "la careta, una. y unas gafas también pa cuando no use la careta": a clause that
            // only names a product is no removal, however like "quite la careta" it reads
            // (taking a line out needs a word that says so, as `EntityReader` asks).
            if act.intent == .remove, Self.onlyNamesProducts(clauseWords, context) { continue }
            claimed += 1
            reading.acts.insert(act.intent)
            // "Listo, una" to "¿cuántas necesita?": a lone article answers how many, and so
            // does one closing a short go-ahead ("dale una", "bueno, uno").
            // So does one after the product's name ("la careta, una").
            if clauseWords.count == 1 && ["una", "uno", "un"].contains(clauseWords[0])
                || (clauseWords.count <= 3 && ["una", "uno"].contains(clauseWords.last ?? "")),
                context.pending.map(EntityReader.asksQuantity) == true || namedBefore
            {
                continue
            }
            if index == clauseCount - 1, !tokens.contains(MessageTokens.product),
                !tokens.contains(MessageTokens.number)
            {
                lastAct = act.intent
            }
            if Self.chatterIntents.contains(act.intent), !tokens.contains(MessageTokens.product),
                !tokens.contains(MessageTokens.number), !Self.holdsOtherName(clause.text, context)
            {
                chatter.append(clause.range)
                if Self.talkIntents.contains(act.intent), !Self.writtenAsName(clause.text, context) {
                    talk.append(clause.range)
                }
            }
        }
        // No intent for the whole message, but one clause asks something clear: that is it
        // ("perdón, los overoles retardantes de llama son media docena").
        // A company question beside an unread clause ("¿qué me ofrece? busco algo para…") is
        // not the message's intent: the unread clause describes what is wanted.
        if reading.intent == nil {
            let asks = reading.acts.subtracting(Self.chatterIntents)
            if asks.count == 1, let only = asks.first, only.companyTopic == nil || claimed == clauseCount {
                reading.intent = only
            }
        }
        // A message that closes ("…, eso sería todo") but whose other clause changes a line
        // ("mejor un taipe", "déjelos en 1") changes that line, then goes on.
        if let intent = reading.intent, Self.talkIntents.contains(intent),
            let change = [Intent.setQuantity, .increase, .decrease].first(where: reading.acts.contains),
            reading.acts.subtracting(Self.chatterIntents).subtracting(Self.lineChanges).isEmpty,
            // "solo los guantes, eso es todo": without a count no line changes; it closes.
            tokens.contains(MessageTokens.number) || !QuantityFilter.counts(in: Words(text)).isEmpty
        {
            reading.intent = change
        }
        // A correction names the product and its quantity, so it reads partly as an order:
        // "en vez de lo que le dije, letreros… cantidad 22" changes the line.
        // A list of several counts ("- 1 orejera\n- 2 unidades de guantes") is an order, not
        // a correction, whatever one line of it resembles.
        let listsCounts = text.contains("\n") && QuantityFilter.counts(in: Words(text)).count > 1
        let entities = EntityReader(text: text, context: context, chatter: chatter, talk: talk)
        // "perdón, el celular es 315…, me equivoqué en los dos últimos": during checkout a
        // correction that carries a field's value corrects that field, whatever number follows.
        let correctsData =
            context.phase != .browsing && reading.acts.contains(.correctField) && !entities.data.values.isEmpty
        if reading.intent == nil || reading.intent == .add, reading.acts.contains(.setQuantity), !listsCounts {
            reading.intent = .setQuantity
        }
        if reading.intent == .setQuantity, listsCounts { reading.intent = .add }
        if correctsData, reading.intent == .setQuantity { reading.intent = .correctField }
        reading.data = entities.data
        reading.productText = entities.productText
        reading.questionWords = Set(entities.productText.texts.filter(classifier.isQuestionWord))
        reading.declined = entities.declined(intent: reading.intent)
        reading.choice = entities.choice
        reading.topic = reading.intent?.companyTopic
        // A company word inside a product question ("precio de los avisos de ubicación del
        // extintor") is the product's, not a question about the company; so is one in the story
        // around a clause that asks a product's price ("…vinieron los bomberos a la inspección
        // y me dijeron que tenía que tener un extintor clase K. ¿Cuánto vale ese?").
        let asksAboutProduct =
            reading.namesProduct
            && (guess.map { $0.intent.asksAboutProducts } == true || reading.intent?.asksAboutProducts == true)
        if reading.topic == nil, !(reading.intent?.changesCart ?? false), !asksAboutProduct {
            reading.topic = CompanyAnswerer.topic(of: entities.productText)
        }
        // After "¿seguimos con el pedido?", a statement about dispatching ("ok, despachen",
        // "envíenlo") is the go-ahead; a shipping question asks ("¿despachan hoy?", "hacen
        // envíos a Palmira").
        let shipping =
            reading.intent == .companyShipping
            || (reading.intent == nil && guess?.intent == .companyShipping
                && (guess?.confidence ?? 0) >= Self.expectedThreshold)
        if context.askedToProceed, !context.cartIsEmpty, context.pending == nil, shipping,
            !Words(text).isQuestion, !tokens.contains(MessageTokens.product), !tokens.contains(MessageTokens.number)
        {
            reading.intent = .proceed
            reading.acts.remove(.companyShipping)
            reading.acts.insert(.proceed)
            reading.topic = nil
        }
        (reading.items, reading.itemsLeftOut) = entities.items(
            intent: reading.intent, acts: reading.acts, isCommand: classifier.isCommandWord,
            isCatalog: classifier.isCatalogWord)
        // "Es todo. Favor facturar a nombre de la empresa…", "No mija, con eso tengo. ¿Y cómo
        // hago para pagarle?": a clause that closes, beside clauses that name no product and
        // order nothing, closes the message; a question about the shop in the rest is answered.
        if reading.intent == nil, reading.acts.contains(.proceed), context.phase == .browsing, !context.cartIsEmpty,
            !reading.namesProduct, reading.items.allSatisfy({ !$0.named })
        {
            reading.intent = .proceed
            reading.items = []
            // "Ya está todo. ¿Y cómo hago para pagarles?": the question may be the clause
            // heard as the go-ahead ("¿cómo hago…?"), so its topic is read in the whole text.
            if reading.topic == nil { reading.topic = CompanyAnswerer.topic(of: Words(text)) }
        }
        // "sí señorita confirmo muchas gracias", "Sí, así está bien, confirmo. Dios le pague":
        // at the summary, a verb of confirming among thanks, blessings and forms of address
        // confirms (the thanks read as the message's intent left the order unplaced).
        if context.phase == .review, reading.intent.map(Self.politeIntents.contains) ?? true,
            Self.saysConfirming(Words(text)), reading.data.values.isEmpty, !reading.namesProduct,
            reading.items.isEmpty
        {
            reading.intent = .confirm
            reading.acts.insert(.confirm)
        }
        // "Confirmado. Por favor enviar la factura electrónica a este mismo correo": at the
        // summary, a confirmation whose only data is a note about paying or the invoice (a
        // question for the shop, answered as such) confirms; the delivery indications stay.
        // So does "Confirmado. Enviar la factura a facturacion@empresa.co": an e-mail said for
        // the invoice is no new address for the delivery.
        let values = reading.data.values
        if context.phase == .review, !values.isEmpty,
            values.keys.allSatisfy({ $0 == .notes || $0 == .email }),
            values[.notes].map({ CompanyAnswerer.topic(of: Words($0)) == .payments }) ?? true,
            values[.email] == nil || Words(text).texts.contains(where: CheckoutFieldExtractor.invoiceWords.contains),
            Self.saysConfirming(Words(text)), !reading.namesProduct, reading.items.isEmpty
        {
            reading.data.values[.notes] = nil
            reading.data.values[.email] = nil
            reading.intent = .confirm
            reading.acts.insert(.confirm)
            reading.topic = .payments
        }
        // "perdón, eran x16, de una", "agrégueme 2 conos, listo": a yes closing a message that
        // orders or changes the cart is the go-ahead to check out, not a yes to a question.
        if lastAct == .confirm, context.phase == .browsing,
            !reading.items.isEmpty || reading.acts.contains(where: \.changesCart)
        {
            reading.acts.insert(.proceed)
        }
        return reading
    }

    /// Whether a guess counts: above the threshold, or above `expectedThreshold` for an
    /// intent the dialogue expects here (`ReadingContext.expected`); a quantity change
    /// heard that way must carry its quantity.
    func accepts(_ guess: IntentClassifier.Guess, tokens: [String], text: String, context: ReadingContext) -> Bool {
        // "…, talla 42": a clause that only says a size asks nothing and does nothing.
        if tokens.count <= EntityReader.maxSizeWords, EntityReader.namesOnlySize(Words(text).texts) { return false }
        if guess.confidence >= threshold { return true }
        // "quite los conos que el ingeniero dice que ya tenemos": a clause that opens with a
        // verb of taking out and names a product takes it out, however long the reason after.
        // So does a later clause, when nothing is counted ("las gafas ya las tengo, sáquelas";
        // not "los cascos sí, los 12, y las botas no, quítelas", which answers two lines).
        if guess.intent == .remove, tokens.contains(MessageTokens.product),
            case let words = Words(text),
            Self.opensWithRemoval(
                words, fromClause: !tokens.contains(MessageTokens.number) && !Self.hasCount(words))
        {
            return true
        }
        guard guess.confidence >= Self.expectedThreshold, context.expected.contains(guess.intent) else { return false }
        // "¿hay suficientes?" only looks like "con eso es suficiente": a question is the
        // go-ahead only when it is clearly one ("¿qué datos necesita?").
        if guess.intent == .proceed, text.contains("?") || Words(text).isQuestion { return false }
        // "mejor quite el botiquín, con los dos kits es suficiente": what is enough tells why
        // a line goes; a message that opens by taking one out is no go-ahead.
        if guess.intent == .proceed, Self.opensWithRemoval(Words(text)) { return false }
        // "quítale los guantes mejor": taking a line out names what it takes out.
        if guess.intent == .remove { return tokens.contains(MessageTokens.product) }
        // Cancelling is destructive: heard at the lower threshold only when a verb of
        // cancelling is said ("cancele el pedido por favor", not "nada más, por favor").
        if guess.intent == .cancel {
            return Words(text).texts.contains { word in Self.cancelStems.contains { word.hasPrefix($0) } }
        }
        if Self.lineChanges.contains(guess.intent) {
            // Digits, number words or counted phrases ("a un par", "media docena").
            return tokens.contains(MessageTokens.number) || !QuantityFilter.counts(in: Words(text)).isEmpty
        }
        return true
    }

    /// Whether a clause opens with a reason ("porque…", "xq…", "es que…", "es q…").
    static func opensReason(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        if QuantityFilter.reasonOpeners.contains(first) { return true }
        return first == "es" && words.count > 1 && (MessageTokens.shorthand[words[1]] ?? words[1]) == "que"
    }

    /// Intents a verb of confirming outweighs at the summary: thanks, farewells, small talk.
    static let politeIntents: Set<Intent> = [.thank, .bye, .smalltalk, .greet]

    /// Whether the words hold a form of "confirmar" that does it ("confirmo", "confirmado",
    /// "confírmelo"; not "antes de confirmar") and nothing that holds it back ("no",
    /// "espere", "todavía").
    static func saysConfirming(_ words: Words) -> Bool {
        words.texts.contains(where: confirmingForms.contains) && !words.texts.contains(where: holdingWords.contains)
    }

    /// Forms of "confirmar" that confirm.
    static let confirmingForms: Set<String> = [
        "confirmo", "confirmado", "confirmada", "confirmamos", "confirmelo", "confirmela", "confirmalo", "confirmala",
    ]
    /// Words that hold a confirmation back ("espere un momento antes de confirmar").
    static let holdingWords: Set<String> = [
        "no", "espere", "espera", "esperen", "esperar", "momento", "momentico", "antes", "todavia", "aun", "luego",
        "despues", "pero",
    ]

    /// Stems of the verbs of cancelling ("cancele", "anúlelo", "desisto").
    static let cancelStems = ["cancel", "anul", "desist"]

    /// Imperatives of taking a line out ("quite", "sáquele", "elimine").
    static let removalVerbs: Set<String> = [
        "quite", "quitar", "quiteme", "quitele", "quitale", "quitame", "quita", "quiten", "saque", "saquele",
        "saqueme", "saca", "sacale", "sacame", "elimine", "elimina", "eliminar", "borre", "borra", "retire",
        "retira",
    ]

    /// Imperatives of lowering a line by a count ("réstele 2", "rebájeme uno", "descuente 3").
    static let lowerVerbs: Set<String> = [
        "reste", "restele", "resteme", "restale", "restame", "rebaje", "rebajele", "rebajeme", "descuente",
        "descuentele", "descuenteme", "disminuya", "disminuyale", "disminuyame",
    ]
    /// How far into a clause its verb is looked for ("Revisando el presupuesto, réstele…").
    static let maxVerbPosition = 5

    /// Whether one of the first three words is a verb of taking out (`removalVerbs`), with
    /// its pronoun or not ("quítelos", "sáquemelas").
    static func opensWithRemoval(_ words: Words) -> Bool {
        opensWithRemoval(words, fromClause: false)
    }

    /// `clauses`: also the first three words of a clause after a punctuation mark ("los
    /// mosquetones ya los tengo, quítelos del pedido").
    static func opensWithRemoval(_ words: Words, fromClause clauses: Bool) -> Bool {
        var clauseStart = 0
        for (index, word) in words.words.enumerated() {
            if clauses, word.afterMark { clauseStart = index }
            guard index - clauseStart < 3 else {
                if clauses { continue } else { break }
            }
            if removalVerbs.contains(word.text)
                || removalVerbs.contains(CheckoutFieldExtractor.withoutClitic(word.text))
            {
                return true
            }
        }
        return false
    }

    /// "Quíteme los tapetes, el supervisor dice que ya llegaron", "los discos quítelos mejor":
    /// a clause that opens with a verb of taking out, names a product and says no count
    /// takes the line out, whatever it resembles (a change of quantity, an order: "quíteme uno"
    /// is one less).
    static func removal(_ guess: IntentClassifier.Guess, tokens: [String], text: String) -> IntentClassifier.Guess {
        guard guess.intent != .remove, tokens.contains(MessageTokens.product)
        else { return guess }
        let words = Words(text)
        // "Revisando el presupuesto, réstele dos maletines y dos linternas": a verb of
        // lowering with a count lowers the lines, however like an order the rest reads.
        if guess.intent != .decrease,
            words.texts.prefix(maxVerbPosition).contains(where: {
                lowerVerbs.contains($0) || lowerVerbs.contains(CheckoutFieldExtractor.withoutClitic($0))
            }),
            hasCount(words)
        {
            var heard = guess
            heard.intent = .decrease
            return heard
        }
        // A later clause may take out what the message names when nothing is counted ("los
        // mosquetones ya los tengo, quítelos"); beside a count it answers other lines too.
        guard opensWithRemoval(words, fromClause: true), !tokens.contains(MessageTokens.number), !hasCount(words)
        else { return guess }
        // "sáqueme una de las vallas": one of them is one less.
        let oneOf = zip(words.texts, words.texts.dropFirst()).contains {
            ["un", "una", "uno"].contains($0) && $1 == "de"
        }
        guard !oneOf else { return guess }
        var heard = guess
        heard.intent = .remove
        return heard
    }

    /// An article or none and catalog words only ("la careta", "el casco"; not "la careta
    /// no", "ya no la careta").
    static func onlyNamesProducts(_ words: [String], _ context: ReadingContext) -> Bool {
        let named = words.drop { QuantityFilter.articles.contains($0) }
        return !named.isEmpty && named.count <= maxNamingWords
            && named.allSatisfy {
                context.catalogWords.contains($0) || context.catalogWords.contains(MessageTokens.collapsed($0))
            }
    }

    /// The most words of a clause that only names a product.
    static let maxNamingWords = 4

    /// Digits, a product or a counted phrase.
    static func saysAmount(_ tokens: [String], _ text: String) -> Bool {
        tokens.contains(MessageTokens.number) || tokens.contains(MessageTokens.product) || hasCount(Words(text))
    }

    /// A count other than an article ("x36", "dieciocho"; not "una" of "una pregunta").
    static func hasCount(_ words: Words) -> Bool {
        QuantityFilter.counts(in: words).contains { !["un", "una", "uno"].contains(words[$0.range.lowerBound]) }
    }

    /// The confidence an expected intent needs.
    public static let expectedThreshold = 0.15
    /// How close (cosine to the nearest example) a yes, no or greeting must be to count while
    /// a checkout field is asked for; farther, the message is read as the field's value.
    public static let formTalkSimilarity = 0.6
    /// Changes to an existing line's quantity.
    static let lineChanges: Set<Intent> = [.setQuantity, .increase, .decrease]

    /// Whether the text holds another name of a product ("portacarnets").
    static func holdsOtherName(_ text: String, _ context: ReadingContext) -> Bool {
        !context.otherNames.isEmpty && Words(text).texts.contains { context.otherNames.contains($0) }
    }

    /// Whether, in the checkout, a clause is a person's name written as one (two words or more,
    /// each but the particles with a capital): "Olga Lucía Valencia" resembles the chatter
    /// "oiga" but is the name asked for.
    static func writtenAsName(_ text: String, _ context: ReadingContext) -> Bool {
        context.inForm && capitalizedName(text)
    }

    /// Two words or more, each capitalized or a particle ("Santa Clara", "María de los
    /// Ángeles"), that read as a name (`CheckoutFieldExtractor.looksLikeName`).
    static func capitalizedName(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        let parts = trimmed.split(whereSeparator: \.isWhitespace)
        return parts.count >= 2
            && parts.allSatisfy { part in
                part.first?.isUppercase == true
                    || CheckoutFieldExtractor.nameParticles.contains(part.lowercased())
            }
            && CheckoutFieldExtractor.looksLikeName(trimmed)
    }

    /// Acts whose clauses never name a product (a clause with a catalog word or a number is
    /// kept whatever its act).
    static let chatterIntents: Set<Intent> = [
        .confirm, .deny, .proceed, .greet, .thank, .bye, .smalltalk, .cancel, .giveData, .correctField,
    ]
    /// Acts whose clauses carry no checkout data either.
    static let talkIntents: Set<Intent> = [.confirm, .deny, .proceed, .greet, .thank, .bye, .smalltalk, .cancel]

    struct Clause {
        var text: String
        /// Character offsets in the message.
        var range: Range<Int>
    }

    /// The message cut at punctuation and line breaks, each piece with a letter in it; none
    /// when the message is one piece.
    static func clauses(_ text: String) -> [Clause] {
        var pieces: [Clause] = []
        var current = ""
        var start = 0
        var count = 0
        for (offset, character) in text.enumerated() {
            if ".,;:!?¿¡\n".contains(character) {
                if current.contains(where: { $0.isLetter || $0.isNumber }) { count += 1 }
                if current.contains(where: \.isLetter) { pieces.append(Clause(text: current, range: start..<offset)) }
                current = ""
                start = offset + 1
            } else {
                current.append(character)
            }
        }
        if current.contains(where: { $0.isLetter || $0.isNumber }) { count += 1 }
        if current.contains(where: \.isLetter) { pieces.append(Clause(text: current, range: start..<text.count)) }
        return count > 1 ? pieces : []
    }
}
