import Shop
import SpanishText

// What the customer asks of the cart: add, change, remove; and product questions.
extension SalesAgent {
    func handleProducts(_ turn: inout TurnContext, _ words: Words, inForm: Bool, cartView: Bool) async throws {
        let counts = QuantityParser.counts(in: words)
        let cart = turn.state.cart
        if !cart.isEmpty, words.containsAny(phrases: Lexicon.remove), try await remove(&turn, words, counts: counts) {
            turn.handledProducts = true
            return
        }
        if !cart.isEmpty, !counts.isEmpty, words.containsAny(phrases: Lexicon.change),
            try await change(&turn, words, counts: counts)
        {
            turn.handledProducts = true
            return
        }
        if !counts.isEmpty {
            try await addItems(&turn, words, inForm: inForm)
            return
        }
        guard !cartView, !isOnlyAnswer(words) else { return }
        // In checkout, plain words are data (a neighbourhood, a name), not a product search.
        let asking =
            words.isQuestion || words.containsAny(Lexicon.addVerbs)
            || words.containsAny(phrases: Lexicon.priceWords + Lexicon.availabilityWords + Lexicon.purposeWords)
        guard !inForm || asking else { return }
        try await answerProductQuestion(&turn, words, asking: asking)
    }

    /// The answer phrases, longest first, split into words once.
    static let answerPhrases: [[String]] =
        (Lexicon.done + Lexicon.yes + Lexicon.no + Lexicon.thanks
        + Lexicon.greetings + Lexicon.goodbyes)
        .sorted { $0.count > $1.count }
        .map { $0.split(separator: " ").map(String.init) }
        .filter { !$0.isEmpty }

    /// "ok seguimos", "sí, eso es todo": the message only answers (yes, no, that's all).
    /// Each phrase is removed in one pass that copies what is kept (removing in place, word
    /// by word, was quadratic on a message of many "sí").
    func isOnlyAnswer(_ words: Words) -> Bool {
        var rest = words.texts
        for parts in Self.answerPhrases {
            var kept: [String] = []
            kept.reserveCapacity(rest.count)
            var index = 0
            while index < rest.count {
                if index + parts.count <= rest.count, rest[index] == parts[0],
                    parts.indices.allSatisfy({ rest[index + $0] == parts[$0] })
                {
                    index += parts.count
                } else {
                    kept.append(rest[index])
                    index += 1
                }
            }
            rest = kept
        }
        return WordForms.contentWords(rest).isEmpty
    }

    /// The words of the message that are not quantities.
    func productWords(_ words: Words, excluding counts: [QuantityParser.Mention]) -> [String] {
        let taken = CheckoutFieldExtractor.coverage(of: counts.map(\.range), count: words.count)
        return words.texts.indices.filter { !taken[$0] }.map { words[$0] }
    }

    func addItems(_ turn: inout TurnContext, _ words: Words, inForm: Bool) async throws {
        let items = ItemExtractor.items(in: words)
        if items.count > ItemExtractor.maxItemsPerMessage {
            turn.handledProducts = true
            turn.add(.tooManyItems(read: ItemExtractor.maxItemsPerMessage))
        }
        for item in items.prefix(ItemExtractor.maxItemsPerMessage) {
            switch try await resolve(item.words, &turn) {
            case .match(let product):
                turn.handledProducts = true
                try await add(product, quantity: item.quantity, pairs: item.pairs, &turn)
            case .ambiguous(let options):
                turn.handledProducts = true
                turn.state.pending = .choice(options: options.map(\.id), quantity: item.quantity, pairs: item.pairs)
                turn.add(
                    .choose(query: query(words, item.range), options.map(ProductFact.init), quantity: item.quantity))
                turn.show(options)
            case .none(let suggestions):
                let named = WordForms.contentWords(item.words)
                // In checkout, numbers among data ("apto 503 torre 2") are not orders.
                guard !named.isEmpty, !inForm || words.containsAny(Lexicon.addVerbs) else { continue }
                turn.handledProducts = true
                turn.add(.notFound(query: query(words, item.range), suggestions: suggestions.map(ProductFact.init)))
                turn.show(suggestions)
            }
        }
    }

    /// "cambia los mosquetones a 6", "mejor que sean 5", "no son 10 sino 8".
    func change(_ turn: inout TurnContext, _ words: Words, counts: [QuantityParser.Mention]) async throws -> Bool {
        guard let count = counts.last else { return false }
        let named = WordForms.contentWords(productWords(words, excluding: counts))
        let inCart = try await products(turn.state.cart.productIds)
        let target: Product?
        if named.isEmpty {
            target = inCart.first { $0.id == turn.state.lastTouched } ?? (inCart.count == 1 ? inCart[0] : nil)
        } else if case .match(let product) = ProductMatcher.resolve(named, among: inCart) {
            target = product
        } else {
            target = nil
        }
        guard let target else { return false }
        let quantity = count.pairs && !ItemExtractor.soldInPairs(target) ? count.value * 2 : count.value
        try await setQuantity(target, to: quantity, requested: quantity, &turn)
        return true
    }

    /// "quita la linterna", "ya no quiero los guantes".
    func remove(_ turn: inout TurnContext, _ words: Words, counts: [QuantityParser.Mention]) async throws -> Bool {
        let named = WordForms.contentWords(productWords(words, excluding: counts))
        let inCart = try await products(turn.state.cart.productIds)
        var targets: [Product] = []
        if named.isEmpty {
            targets = inCart.filter { $0.id == turn.state.lastTouched }
        } else {
            switch ProductMatcher.resolve(named, among: inCart) {
            case .match(let product): targets = [product]
            case .ambiguous(let options): targets = options
            case .none:
                turn.add(.notInCart(query(words, 0..<words.count)))
                return true
            }
        }
        guard !targets.isEmpty else { return false }
        for product in targets {
            turn.state.cart.remove(product.id)
            turn.add(.removed(product.name))
        }
        turn.state.lastTouched = nil
        turn.cartChanged = true
        return true
    }

    /// "¿tienen guantes de vaqueta?", "¿qué guantes tienen?", "¿para qué sirve el cartucho ABEK?".
    func answerProductQuestion(_ turn: inout TurnContext, _ words: Words, asking: Bool) async throws {
        let named = WordForms.contentWords(words.texts)
        guard !named.isEmpty else { return }
        let purpose = words.containsAny(phrases: Lexicon.purposeWords)
        switch try await resolve(words.texts, &turn) {
        case .match(let product):
            turn.handledProducts = true
            showInfo(product, purpose: purpose, &turn)
        case .ambiguous(let options):
            turn.handledProducts = true
            let exact =
                options.contains { ProductMatcher.coversAll(named, $0) }
                || named.allSatisfy { word in options.allSatisfy { Self.mentions($0, word) } }
            turn.add(.productList(query: query(words, 0..<words.count), options.map(ProductFact.init), exact: exact))
            turn.show(options)
            turn.sideAnswer = true
        case .none(let suggestions):
            guard asking || turn.state.phase == .browsing else { return }
            turn.handledProducts = true
            turn.add(.notFound(query: query(words, 0..<words.count), suggestions: suggestions.map(ProductFact.init)))
            turn.show(suggestions)
            turn.sideAnswer = true
        }
    }

    static func mentions(_ product: Product, _ word: String) -> Bool {
        WordForms.contentWords(product.name + " " + product.description).contains { WordForms.same($0, word) }
    }

    /// The customer's own words for a product, for replies ("chalecos", "guantes de vaqueta"),
    /// without the request around them.
    func query(_ words: Words, _ range: Range<Int>) -> String {
        var from = range.lowerBound
        var to = range.upperBound
        let skip = { (word: String) in
            Lexicon.fillers.contains(word) || word == "$" || Lexicon.questionOpeners.contains(word)
        }
        while from < to, skip(words[from]) { from += 1 }
        while to > from, skip(words[to - 1]) { to -= 1 }
        return words.originalText(from..<to)
    }
}
