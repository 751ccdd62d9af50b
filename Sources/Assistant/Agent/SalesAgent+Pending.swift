import Shop
import SpanishText

// Answers to the question the agent asked last turn: which product, how many, take the
// available stock.
extension SalesAgent {
    /// Returns true when the message was that answer.
    func answerPending(_ turn: inout TurnContext) async throws -> Bool {
        guard let pending = turn.state.pending else { return false }
        turn.state.pending = nil
        let reading = turn.reading
        // One quantity and nothing that names a product: "3", "las 3", "deme 10 pares", "que
        // sean 2", "una, camine pues" (read as a change, it still answers "¿cuántas?").
        let bare =
            reading.items.count == 1 && [.add, .set].contains(reading.items[0].action)
            && reading.items[0].quantity != nil && reading.items[0].factor == nil
            && (!reading.items[0].named || Self.namesNothing(reading.items[0].words))
        let count = bare ? reading.items[0] : nil
        switch pending {
        case .stockOffer, .stockOffers:
            return try await answerOffers(pending.offers ?? [], &turn)
        case .quantity(let id):
            // "Uy, caro. Bueno, póngamelo. Y también uno de CO2…": "lo/la" with a verb of asking
            // is one unit of the product on screen, and so is the one count that names nothing
            // ("Deme uno. Y también una manta…"); the other products go on to be searched.
            let unnamed = reading.items.filter {
                [.add, .set].contains($0.action) && $0.quantity != nil && $0.factor == nil
                    && Self.namesNothing($0.words)
            }
            if count == nil, unnamed.count == 1 || turn.message.texts.contains(where: IntentClassifier.asksForOne),
                let product = try await products([id]).first
            {
                turn.handledProducts = true
                let amount = unnamed.count == 1 ? unnamed[0] : nil
                try await add(product, quantity: amount?.quantity ?? 1, pairs: amount?.pairs ?? false, &turn)
                let others = reading.items.filter { $0.named && !Self.namesNothing($0.words) }
                guard !others.isEmpty else { return true }
                turn.reading.items = others
                return false
            }
            guard let count, let product = try await products([id]).first else { return false }
            turn.handledProducts = true
            try await add(product, quantity: count.quantity ?? 1, pairs: count.pairs, &turn)
            return true
        case .choice(let options, let quantity, let pairs):
            let choices = try await products(options)
            let named = reading.items.contains { $0.named && !Self.namesNothing($0.words) }
            if named, reading.items.contains(where: { $0.quantity != nil }) {
                // "los de nitrilo, 20 pares": the items resolve among the options first.
                turn.state.focus = options
                return false
            }
            if reading.intent == .setQuantity, reading.choice == nil, let only = reading.items.first,
                let amount = only.quantity, !named
            {
                // "mejor que sean 2": the quantity changes, the question stays.
                turn.handledProducts = true
                turn.state.pending = .choice(options: options, quantity: amount, pairs: only.pairs)
                turn.add(.choose(query: "", choices.map(ProductFact.init), quantity: amount))
                turn.show(choices)
                return true
            }
            guard let product = choose(among: choices, turn) else { return false }
            turn.handledProducts = true
            turn.linePosition = turn.state.pendingLinePosition
            turn.state.remember([product.id])
            if let count = reading.items.first, count.quantity != nil, !named {
                try await add(product, quantity: count.quantity ?? 1, pairs: count.pairs, &turn)
            } else if let quantity {
                try await add(product, quantity: quantity, pairs: pairs, &turn)
            } else {
                showInfo(product, purpose: false, &turn)
            }
            turn.linePosition = nil
            return true
        case .returningClient:
            turn.state.pending = pending
            return false
        }
    }

    /// Asks again the question left open (the options, or how many of a product).
    func askAgain(_ pending: DialogueState.Pending, _ turn: inout TurnContext) async throws {
        switch pending {
        case .choice(let options, let quantity, _):
            let choices = try await products(options).filter(\.active)
            guard !choices.isEmpty else { return }
            turn.add(.choose(query: "", choices.map(ProductFact.init), quantity: quantity))
            turn.show(choices)
        case .quantity(let id):
            guard let product = try await products([id]).first else { return }
            turn.add(.askHowMany(ProductFact(product)))
        case .stockOffer, .stockOffers, .returningClient:
            return
        }
    }

    /// True when the words name no product (only quantities' units, fillers, "esos").
    static func namesNothing(_ words: [String]) -> Bool {
        WordForms.contentWords(words).allSatisfy { referringWords.contains($0) }
    }

    /// "el primero", "la 2", "el reflectivo", "el de 14 mil", "el más barato".
    func choose(among options: [Product], _ turn: TurnContext) -> Product? {
        let reading = turn.reading
        if let choice = reading.choice, let product = Self.pick(choice, among: options) { return product }
        let words = reading.productText
        let named = WordForms.contentWords(words.texts).filter { !ListChoice.vocabulary.contains($0) }
        // A bare number picks a position only when the message is not about quantities.
        if reading.intent == nil || reading.intent == .choose, words.count <= 4,
            let number = words.texts.compactMap({ SpanishNumber.digitsValue($0) }).first,
            (1...options.count).contains(number), named.allSatisfy({ SpanishNumber.digitsValue($0) != nil })
        {
            return options[number - 1]
        }
        // "las gafas normales, no las antiempañantes": the option named after "no" is out;
        // the words before it pick among the rest, or the one left is the answer.
        let (before, declined) = Self.declining(words.texts, among: options)
        guard !declined.isEmpty else {
            if case .match(let product) = ProductMatcher.resolve(named, among: options) { return product }
            return nil
        }
        let rest = options.filter { !declined.contains($0.id) }
        let kept = WordForms.contentWords(before).filter { !ListChoice.vocabulary.contains($0) }
        if case .match(let product) = ProductMatcher.resolve(kept, among: rest) { return product }
        return rest.count == 1 ? rest[0] : nil
    }

    /// The words before a "no" (or "ni") that names options, and the options it names ("…, no
    /// las antiempañantes"). A "no" that names none of them declines nothing ("no, las
    /// normales").
    static func declining(_ words: [String], among options: [Product]) -> ([String], Set<Int64>) {
        guard let index = words.indices.first(where: { ["no", "ni"].contains(words[$0]) && $0 > 0 }) else {
            return (words, [])
        }
        let after = WordForms.contentWords(Array(words[(index + 1)...].prefix(maxDeclinedWords)))
        guard !after.isEmpty else { return (words, []) }
        switch ProductMatcher.resolve(after, among: options) {
        case .match(let product): return (Array(words[..<index]), [product.id])
        default: return (words, [])
        }
    }

    /// Words after "no" read as the option declined.
    static let maxDeclinedWords = 4
}
