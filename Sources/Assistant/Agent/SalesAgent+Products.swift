import Shop
import SpanishText

// Products: finding what the customer names, and filling the cart within the stock.
extension SalesAgent {
    enum Resolution {
        case match(Product)
        case ambiguous([Product])
        case none(suggestions: [Product])
    }

    /// Words that point back at a product already shown ("el normal", "el mismo").
    static let referringWords: Set<String> = [
        "normal", "normales", "sencillo", "sencilla", "basico", "basica", "barato", "barata", "economico",
        "economica", "mismo", "misma", "mismos", "mismas", "ese", "esos", "esa", "esas", "este", "estos",
        "primero", "anterior",
    ]

    func products(_ ids: [Int64]) async throws -> [Product] {
        guard !ids.isEmpty else { return [] }
        return try await database.perform { try $0.products(ids: ids) }
    }

    /// Cart prices and names from the catalog; withdrawn products leave the cart.
    func refreshCart(_ turn: inout TurnContext) async throws {
        guard !turn.state.cart.isEmpty else { return }
        let catalog = try await products(turn.state.cart.productIds)
        let dropped = turn.state.cart.refresh(from: catalog)
        if !dropped.isEmpty {
            turn.add(.dropped(dropped.map(\.name)))
            turn.cartChanged = true
        }
    }

    /// The product the customer's words name: among those just shown or discussed first,
    /// then in the whole catalog through the retriever.
    func resolve(_ words: [String], _ turn: inout TurnContext) async throws -> Resolution {
        // "el normal", "el mismo": the words point back at what was shown, they name nothing.
        let content = WordForms.contentWords(words).filter { !Self.referringWords.contains($0) }
        let focus = try await products(turn.state.focus).filter(\.active)
        if content.isEmpty {
            if focus.count == 1 { return .match(focus[0]) }
            return focus.isEmpty ? .none(suggestions: []) : .ambiguous(focus)
        }
        let knownIds = turn.state.focus + turn.state.recent.filter { !turn.state.focus.contains($0) }
        let known = try await products(knownIds).filter(\.active)
        let covering = known.filter { ProductMatcher.coversAll(content, $0) }
        let coveringFocus = covering.filter { turn.state.focus.contains($0.id) }
        if coveringFocus.count == 1 { return .match(coveringFocus[0]) }
        if coveringFocus.isEmpty, covering.count == 1 { return .match(covering[0]) }

        let phraseHits = try await retriever.search(content.joined(separator: " "), limit: 10)
            .filter(\.product.active)
        var hits = phraseHits
        if hits.isEmpty, content.count > 1 {
            // A phrase the search did not find as a whole: each word on its own, and the
            // matcher judges the union by the customer's own words.
            for word in content where word.first?.isLetter == true {
                let more = try await retriever.search(word, limit: 6).filter(\.product.active)
                hits += more.filter { hit in !hits.contains { $0.product.id == hit.product.id } }
            }
        }
        let candidates = hits.map(\.product)
        turn.retrieved(candidates.map(\.id))
        switch ProductMatcher.resolve(content, among: candidates) {
        case .match(let product): return .match(product)
        case .ambiguous(let options):
            let discussed = options.filter { option in covering.contains { $0.id == option.id } }
            if discussed.count == 1 { return .match(discussed[0]) }
            return .ambiguous(options.sorted { $0.id < $1.id })
        case .none:
            // Words the retriever understood as a whole and the matcher did not (a regional
            // name, a synonym): its best-scored hits decide, when they cover the query.
            guard let top = phraseHits.first, top.score >= Self.retrieverConfidence else {
                return .none(suggestions: [])
            }
            let best = phraseHits.filter { $0.score >= top.score - 1e-9 }.map(\.product).sorted { $0.id < $1.id }
            return best.count == 1 ? .match(best[0]) : .ambiguous(Array(best.prefix(8)))
        }
    }

    /// The retriever's score (share of the query matched) above which its ranking is trusted
    /// for words the matcher does not know.
    static let retrieverConfidence = 0.75

    /// Adds `quantity` units (pairs counted per product) within the stock, or offers what
    /// is available.
    func add(_ product: Product, quantity: Int, pairs: Bool, _ turn: inout TurnContext) async throws {
        let quantity = pairs && !ItemExtractor.soldInPairs(product) ? quantity * 2 : quantity
        turn.state.remember([product.id])
        guard quantity > 0 else { return }
        guard product.available else {
            turn.add(
                .outOfStock(ProductFact(product), alternatives: try await alternatives(to: product, turn: &turn)))
            turn.show([product])
            return
        }
        let inCart = turn.state.cart.quantity(of: product.id)
        try await setQuantity(product, to: inCart + quantity, requested: quantity, adding: true, &turn)
    }

    /// Sets a cart line to `total` units, or offers the stock when there are fewer.
    /// `requested` is what the customer asked for (for the reply).
    func setQuantity(
        _ product: Product, to total: Int, requested: Int, adding: Bool = false, _ turn: inout TurnContext
    ) async throws {
        let inCart = turn.state.cart.quantity(of: product.id)
        turn.state.lastTouched = product.id
        turn.show([product])
        guard total <= product.stock else {
            let available = adding ? max(0, product.stock - inCart) : product.stock
            if available > 0 {
                turn.state.pending = .stockOffer(productId: product.id, available: available, total: product.stock)
            }
            turn.add(
                .stockShort(
                    ProductFact(product), requested: requested, available: available,
                    alternatives: try await alternatives(to: product, turn: &turn)))
            return
        }
        guard let line = turn.state.cart.set(product, quantity: total) else {
            turn.add(.removed(product.name))
            turn.cartChanged = true
            return
        }
        turn.add(adding && inCart == 0 ? .added(LineFact(line)) : .changed(LineFact(line)))
        turn.cartChanged = true
    }

    /// Up to three other products of the same kind that are in stock.
    func alternatives(to product: Product, turn: inout TurnContext) async throws -> [ProductFact] {
        guard let head = WordForms.contentWords(product.name).first else { return [] }
        let hits = try await retriever.search(head, limit: 8).map(\.product)
        return hits.filter {
            $0.id != product.id && $0.available
                && WordForms.contentWords($0.name).first
                    .map { WordForms.same($0, head) } == true
        }
        .prefix(3).map(ProductFact.init)
    }

    /// Answers a question the agent asked last turn (which product, how many, take the
    /// available stock, use the stored data). Returns true when the message was that answer.
    func answerPending(_ turn: inout TurnContext, _ words: Words) async throws -> Bool {
        guard let pending = turn.state.pending else { return false }
        turn.state.pending = nil
        let counts = QuantityParser.counts(in: words)
        let named = WordForms.contentWords(productWords(words, excluding: counts))
        switch pending {
        case .stockOffer(let id, let available, let total):
            guard named.isEmpty || named.allSatisfy({ Self.referringWords.contains($0) }) else { return false }
            if let count = counts.first?.value, counts.count == 1, count > 0 {
                guard let product = try await products([id]).first else { return true }
                try await setQuantity(
                    product, to: total - available + min(count, available), requested: count, adding: true, &turn)
                return true
            }
            if isYes(words), !isNo(words), let product = try await products([id]).first {
                try await setQuantity(product, to: total, requested: available, adding: true, &turn)
                return true
            }
            return isNo(words)
        case .quantity(let id):
            guard named.isEmpty, let count = counts.first, let product = try await products([id]).first else {
                return false
            }
            try await add(product, quantity: count.value, pairs: count.pairs, &turn)
            turn.handledProducts = true
            return true
        case .choice(let options, let quantity, let pairs):
            let choices = try await products(options)
            if !counts.isEmpty, !named.isEmpty {
                turn.state.focus = options
                return false
            }
            guard let product = choose(among: choices, words: words, named: named) else { return false }
            turn.handledProducts = true
            turn.state.remember([product.id])
            if let count = counts.first {
                try await add(product, quantity: count.value, pairs: count.pairs, &turn)
            } else if let quantity {
                try await add(product, quantity: quantity, pairs: pairs, &turn)
            } else {
                showInfo(product, purpose: false, &turn)
            }
            return true
        case .returningClient:
            turn.state.pending = pending
            return false
        }
    }

    /// "el primero", "la 2", "el reflectivo", "el de 14 mil".
    func choose(among options: [Product], words: Words, named: [String]) -> Product? {
        let ordinals: [String: Int] = [
            "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercera": 3, "cuarto": 4,
            "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
        ]
        for word in words.texts {
            if let position = ordinals[word], position <= options.count { return options[position - 1] }
            if word == "ultimo" || word == "ultima" { return options.last }
        }
        if words.count <= 4, let number = words.texts.compactMap({ SpanishNumber.digitsValue($0) }).first,
            (1...options.count).contains(number), named.isEmpty
        {
            return options[number - 1]
        }
        if let price = QuantityParser.mentions(in: words).first(where: { $0.kind == .price }) {
            let close = options.filter { abs($0.price - price.value) <= max(500, price.value / 20) }
            if close.count == 1 { return close[0] }
        }
        if case .match(let product) = ProductMatcher.resolve(named, among: options) { return product }
        return nil
    }

    func showInfo(_ product: Product, purpose: Bool, _ turn: inout TurnContext) {
        turn.add(.productInfo(ProductFact(product), purpose: purpose))
        turn.show([product])
        turn.sideAnswer = true
        if turn.state.phase == .browsing, product.available, turn.state.cart.quantity(of: product.id) == 0 {
            turn.add(.askHowMany(ProductFact(product)))
            turn.state.pending = .quantity(productId: product.id)
        }
    }
}
