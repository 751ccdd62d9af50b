import Shop
import SpanishText

// What the customer asks of the cart: the reading's item commands (add, set, increase,
// decrease, remove), and product questions when there are none.
extension SalesAgent {
    func handleProducts(_ turn: inout TurnContext, inForm: Bool, cartView: Bool) async throws {
        let reading = turn.reading
        // In checkout the cart changes only when the customer clearly asks ("agregue también
        // 2 señales"); numbers among data ("apto 503 torre 2", a block with "laboratorio
        // 2004" in its address) are not orders.
        // A clause that orders a counted product counts too, beside a question ("¿vienen con
        // la señal? Si no, agrégueme 3 señales").
        let orders = reading.has(.add) && reading.items.contains { $0.quantity != nil && $0.named }
        // "Bueno, gracias. Súmele porfa una manta ignífuga pa la cocina": a verb of asking
        // beside a product named asks for it, whatever the thanks around it.
        let asksFor =
            reading.items.contains(where: \.named) && turn.message.texts.contains(where: Lexicon.requestVerbs.contains)
        let clearRequest =
            ((reading.intent?.changesCart ?? false) || orders || asksFor) && reading.data.values.count < 2
        if !inForm, try await replaceLine(&turn) { return }
        // "cambie los 4 por los ventilados": the count restates the line; the product changes.
        if !inForm, Self.changeFor(reading.productText.texts) != nil, try await swapLine(&turn) { return }
        if !reading.items.isEmpty, !inForm || clearRequest {
            // "el final es cuarenta y cuatro noventa, no cuarenta y cuatro diecinueve": in the
            // checkout, a bare number that is part of a datum given corrects the datum.
            let commands = inForm ? reading.items.filter { !Self.echoesData($0, turn.state.form) } : reading.items
            for command in commands { try await execute(command, &turn, inForm: inForm) }
            if turn.handledProducts || turn.cartChanged { return }
        }
        guard !cartView, !isOnlyAnswer(turn) else { return }
        // "Buenos días, cordial saludo. Me interesan los portacarnets": a greeting with more
        // in it is searched, quietly (a greeting alone gets no "no lo manejamos").
        if reading.intent?.isSocial == true, !reading.namesProduct { turn.quietSearch = true }
        let intent = reading.intent
        let asking =
            (intent?.asksAboutProducts ?? false) || intent == .choose || intent == .add
            || reading.productText.isQuestion
        // In checkout, plain words are data (a neighbourhood, a name), not a product search.
        guard !inForm || (asking && reading.data.values.isEmpty && !reading.has(.giveData)) else { return }
        // In checkout, pointing words without a product or a question point at the data ("sí,
        // a la misma dirección" to "¿usamos los datos registrados?"), not at the products shown.
        guard !inForm || reading.namesProduct || turn.message.isQuestion else { return }
        if try await answerAboutListed(&turn) { return }
        if try await swapLine(&turn) { return }
        if try await closesWithCartNames(turn) { return }
        try await answerProductQuestion(&turn, reading.productText, asking: asking)
    }

    /// A count that names no product and whose digits (two or more) are part of the phone,
    /// cédula or address in the form.
    static func echoesData(_ command: ItemCommand, _ form: CheckoutForm) -> Bool {
        guard !command.named, let quantity = command.quantity, quantity >= 10 else { return false }
        let digits = String(quantity)
        return [CheckoutSlot.phone, .idNumber, .address].contains { slot in
            form[slot]?.filter(\.isNumber).contains(digits) == true
        }
    }

    /// "solo los guantes, eso es todo": the go-ahead said with names of the cart's own lines
    /// and no count asks nothing about them.
    func closesWithCartNames(_ turn: TurnContext) async throws -> Bool {
        let reading = turn.reading
        guard reading.intent == .proceed, turn.state.phase == .browsing, !turn.state.cart.isEmpty,
            !turn.message.isQuestion, reading.items.allSatisfy({ $0.quantity == nil })
        else { return false }
        // The catalog's words of it ("nada más", "solamente" name nothing).
        let content = WordForms.contentWords(reading.productText.texts).filter(isCatalogWord)
        guard !content.isEmpty else { return false }
        let lines = try await products(turn.state.cart.lines.map(\.productId))
        return lines.contains { ProductMatcher.coversAll(content, $0) }
    }

    /// "mejor que sea el de 9 kilos", "más bien el de CO2": the line touched last is swapped
    /// for the variant named (a product of the same kind: the same first word of its name),
    /// its quantity kept. Only without a count (a count changes the quantity instead).
    func swapLine(_ turn: inout TurnContext) async throws -> Bool {
        let words = turn.reading.productText.texts
        let change = Self.changeFor(words)
        let changesFor = change != nil
        let swaps =
            words.contains("mejor") || words.contains("vez") || changesFor
            || zip(words, words.dropFirst()).contains {
                $0 == "mas" && $1 == "bien"
            }
        // A count that restates the line's ("los 4") changes no quantity.
        let restates = turn.reading.items.allSatisfy { item in
            item.quantity.map { $0 == turn.state.lastTouched.map(turn.state.cart.quantity(of:)) } ?? false
        }
        // "¿y el ventilado cuánto vale? Mejor cámbielos por los ventilados": an explicit swap
        // beside a question is still a swap.
        guard swaps, turn.state.phase == .browsing, turn.reading.items.isEmpty || (changesFor && restates),
            !turn.message.isQuestion || changesFor,
            let touched = turn.state.lastTouched, turn.state.cart.quantity(of: touched) > 0,
            let line = try await products([touched]).first, let kind = ProductWords.of(line.name).first
        else { return false }
        let named = WordForms.contentWords(Array(words[(change ?? 0)...])).filter {
            !["mejor", "vez", "mas", "bien", "sea", "sean"].contains($0) && !$0.hasPrefix("cambi")
                // "cambie los 4 por…": the line's count, no size ("el de 9 kilos").
                && (change == nil || SpanishNumber.digitsValue($0) == nil)
        }
        guard !named.isEmpty, case .match(let product) = try await resolve([kind] + named, &turn),
            product.id != line.id, ProductWords.of(product.name).first == kind
        else { return false }
        let quantity = turn.state.cart.quantity(of: line.id)
        _ = turn.state.cart.remove(line.id)
        turn.add(.removed(line.name))
        turn.handledProducts = true
        try await setQuantity(product, to: quantity, requested: quantity, adding: true, &turn)
        return true
    }

    /// "cambie los 4 por los ventilados", "cámbielas por las antiempañantes": where the words
    /// of a change of product ("cambiar … por") begin, nil when there are none.
    static func changeFor(_ words: [String]) -> Int? {
        guard let start = words.firstIndex(where: { $0.hasPrefix("cambi") }), words[start...].contains("por")
        else { return nil }
        return start
    }

    /// The message only answers, greets or asks about the shop, and names nothing we sell:
    /// nothing to search ("buenos días, cordial saludo. precio de los kits…" does name one).
    func isOnlyAnswer(_ turn: TurnContext) -> Bool {
        guard let intent = turn.reading.intent, !turn.reading.namesProduct else { return false }
        // A greeting, thanks or small talk with words left once its chatty clauses are set
        // aside ("Buenos días, cordial saludo.\nMe interesan los portacarnets").
        if intent.isSocial, Self.hasContent(turn.reading) { return false }
        return intent.isAnswer || intent.isSocial || intent == .cancel || intent == .viewCart || intent == .giveData
            || intent == .correctField || intent.companyTopic != nil
    }

    /// Words of the product text that may name something: not fillers, not pointing words,
    /// not the words questions are made of.
    static func hasContent(_ reading: Reading) -> Bool {
        WordForms.contentWords(reading.productText.texts).contains { word in
            !referringWords.contains(word) && !reading.questionWords.contains(word) && word.count >= 3
        }
    }

    func execute(_ command: ItemCommand, _ turn: inout TurnContext, inForm: Bool) async throws {
        switch command.action {
        case .add:
            try await add(command, &turn, inForm: inForm)
        case .set, .increase, .decrease:
            guard let target = try await cartTarget(command, &turn) else {
                // Not in the cart: "que sean 3 de esos" for a product just shown is an order.
                if command.action != .decrease { try await add(command, &turn, inForm: inForm) }
                return
            }
            let amount = Self.units(command.quantity ?? 1, pairs: command.pairs, of: target)
            let current = turn.state.cart.quantity(of: target.id)
            let total: Int
            switch command.action {
            case .increase: total = current + amount
            case .decrease: total = max(0, current - amount)
            default: total = command.factor.map { max(1, Int((Double(current) * $0).rounded())) } ?? amount
            }
            turn.handledProducts = true
            try await setQuantity(target, to: total, requested: total, &turn)
        case .remove:
            if try await remove(command, &turn) { turn.handledProducts = true }
        }
    }

    /// The words name no product, at most a place in the list shown ("las segundas", "el
    /// último"; the reader may have taken the pick out of them already).
    static func onlyPicks(_ words: [String]) -> Bool {
        WordForms.contentWords(words).allSatisfy { ListChoice.vocabulary.contains($0) || referringWords.contains($0) }
    }

    /// "2 pares de guantes" is 2 units of gloves (sold in pairs) and 4 of cones.
    static func units(_ quantity: Int, pairs: Bool, of product: Product) -> Int {
        pairs && !ItemExtractor.soldInPairs(product) ? quantity * 2 : quantity
    }

    func add(_ command: ItemCommand, _ turn: inout TurnContext, inForm: Bool) async throws {
        if let product = try await kindLeftOut(command, &turn) {
            turn.handledProducts = true
            try await add(product, quantity: command.quantity ?? 1, pairs: command.pairs, &turn)
            return
        }
        if let line = try await restatedLine(command, turn) {
            // "mejor póngame 6", "bájele a 4 unidades": a bare amount for the line just
            // touched, not clearly an addition, is that line's new amount.
            turn.handledProducts = true
            try await setQuantity(
                line, to: Self.units(command.quantity ?? 1, pairs: command.pairs, of: line),
                requested: command.quantity ?? 1, &turn)
            return
        }
        // "Y las señales de ubicación del extintor, una para cada uno": one for each unit of
        // the line it goes with.
        let said = command.quantity ?? 1
        let quantity = said == 1 ? Self.onePerUnit(turn.message, turn.state) ?? 1 : said
        // "deme 10 de las segundas" after a list: the words only pick from what was shown.
        if let choice = turn.reading.choice, Self.onlyPicks(command.words),
            let product = Self.pick(choice, among: try await products(turn.state.focus).filter(\.active))
        {
            turn.handledProducts = true
            try await add(product, quantity: quantity, pairs: command.pairs, &turn)
            return
        }
        switch try await resolve(command.words, refusing: RefusedWords.read(Words(command.query).texts).words, &turn) {
        case .match(let product):
            turn.handledProducts = true
            // "mándeme el casco y las botas, un par": a product named again without a count,
            // already in the cart, is pointed at, not ordered again.
            if command.quantity == nil, turn.state.cart.quantity(of: product.id) > 0 { return }
            // "Sí, 10 N95 y las 10 gafas. Eso es todo": the cart read back as it stands, with
            // the go-ahead or in the answer to a stock offer ("los guantes sí, los 6"), orders
            // nothing more.
            if let quantity = command.quantity, turn.proceeds || turn.carried?.offers != nil,
                turn.state.cart.quantity(of: product.id) == Self.units(quantity, pairs: command.pairs, of: product)
            {
                return
            }
            // "Sí, 3 tapetes" right after the tapetes went in (one, or as many as the story
            // said): the yes restates the line with its amount, it adds no more. So does the
            // count of a line the last reply put in with one unit, the customer having said
            // none ("necesito una máscara de esas con filtros", then "deme 2 máscaras"; "uno
            // de esos aparaticos que pitan", then "los detectores de humo, dos").
            let inCart = turn.state.cart.quantity(of: product.id)
            if let quantity = command.quantity, turn.state.phase == .browsing, inCart > 0,
                (product.id == turn.state.lastTouched && SalesAgent.yesWords.contains(turn.message.at(0)))
                    || (product.id == turn.touchedBefore && inCart == 1
                        && Self.units(quantity, pairs: command.pairs, of: product) > 1),
                !Words(command.query).texts.contains(where: {
                    Self.additionWords.contains(MessageTokens.shorthand[$0] ?? $0)
                })
            {
                try await setQuantity(
                    product, to: Self.units(quantity, pairs: command.pairs, of: product), requested: quantity, &turn)
                return
            }
            if command.quantity == nil, Self.namesMany(command.words) {
                // "… guantes de nitrilo y un botiquín": how many gloves is asked, not guessed.
                showInfo(product, purpose: false, &turn)
                if turn.state.pending == .quantity(productId: product.id),
                    Self.ordersUncounted(turn, Words(command.query), product)
                {
                    turn.state.quantityOrdered = true
                }
                return
            }
            try await add(product, quantity: quantity, pairs: command.pairs, &turn)
        case .ambiguous(let options):
            turn.handledProducts = true
            // "los desechables que valen 500": the price said picks one of them.
            if let choice = turn.reading.choice, case .price = choice, let product = Self.pick(choice, among: options) {
                try await add(product, quantity: quantity, pairs: command.pairs, &turn)
                return
            }
            // "mándeme 6, son 6 gradas" over the options on screen: no words of its own to quote.
            let query = WordForms.contentWords(command.words).isEmpty ? "" : command.query
            try await askChoice(
                options, query: query, quantity: quantity, pairs: command.pairs, preferred: turn.preferred, &turn)
        case .none(let suggestions):
            let named = WordForms.contentWords(command.words)
            // "mándeme 7 unidades", "x3 por favor" with nothing named nor shown: which product.
            if Self.namesNothing(command.words), !inForm, turn.state.focus.isEmpty {
                turn.handledProducts = true
                turn.add(.clarify(.productFor(quantity: quantity)))
                return
            }
            guard !named.isEmpty, !inForm || turn.reading.is(.add) else { return }
            turn.handledProducts = true
            // "necesito algo que se pegue en las gradas pa que no se resbalen, deme 10": what
            // the search placed only loosely for "algo", "una cosa"… (a need, no product's
            // words) is offered to choose from, the amount kept for the one picked (the only
            // one found goes in, said so); not "no lo manejamos". A thing of a story ("un
            // cortico en la batería") stays unordered.
            if suggestions.isEmpty, let only = turn.unsureHits.first, !inForm,
                Self.asksForSomething(turn.message.texts)
            {
                guard turn.unsureHits.count > 1 else {
                    turn.add(.assumedChoice(ProductFact(only)))
                    try await add(only, quantity: quantity, pairs: command.pairs, &turn)
                    return
                }
                try await askChoice(
                    turn.unsureHits, query: "", quantity: quantity, pairs: command.pairs, preferred: only.id, &turn)
                return
            }
            turn.add(.notFound(query: command.query, suggestions: suggestions.map(ProductFact.init)))
            turn.show(suggestions)
        }
    }

    /// Asks which of the options is meant, keeping the amount for it. "un arnés … y un casco":
    /// a second question in the same reply would replace the first; the first takes the
    /// option the search ranked first.
    func askChoice(
        _ options: [Product], query: String, quantity: Int, pairs: Bool, preferred: Int64?, _ turn: inout TurnContext
    ) async throws {
        if case .choice(let earlier, let amount?, let earlierPairs) = turn.state.pending {
            turn.facts.removeAll { if case .choose = $0 { true } else { false } }
            try await settleChoice(
                earlier, quantity: amount, pairs: earlierPairs, preferred: turn.state.choiceDefault, &turn)
        }
        turn.state.pending = .choice(options: options.map(\.id), quantity: quantity, pairs: pairs)
        turn.state.choiceDefault = preferred
        turn.state.pendingLinePosition = turn.state.cart.lines.count
        turn.add(.choose(query: query, options.map(ProductFact.init), quantity: quantity))
        turn.show(options)
    }

    /// "una para cada uno", "uno por cada extintor": as many as the units of the cart line
    /// meant (the one named after "cada", or the line touched last for "cada uno"); nil when
    /// the message says no such thing or the line has one unit. One pass over the words.
    static func onePerUnit(_ words: Words, _ state: DialogueState) -> Int? {
        let texts = words.texts
        guard
            let each = texts.indices.first(where: { index in
                texts[index] == "cada" && index >= 2 && QuantityFilter.distributiveLeads.contains(texts[index - 1])
                    && ["uno", "una"].contains(texts[index - 2])
            })
        else { return nil }
        let meant = words.at(each + 1)
        let line: Cart.Line?
        if ["uno", "una"].contains(meant) {
            line = state.cart.lines.first { $0.productId == state.lastTouched }
        } else {
            line = state.cart.lines.first { line in
                ProductWords.of(line.name).contains { WordForms.same($0, meant) }
            }
        }
        guard let units = line?.quantity, units > 1 else { return nil }
        return units
    }

    /// The product is named in the plural ("guantes de nitrilo", "botas"): without a count,
    /// how many is not one.
    static func namesMany(_ words: [String]) -> Bool {
        guard let head = WordForms.contentWords(words).first else { return false }
        return SpanishWords.singular(head) != head
    }

    /// The cart line the words name, or the one touched last when they name none (words
    /// that are no catalog word, like "ay" in "ay no, que sean 5", name none).
    func cartTarget(_ command: ItemCommand, _ turn: inout TurnContext) async throws -> Product? {
        let words = command.named ? command.words : []
        let named = WordForms.contentWords(words).filter { !Self.referringWords.contains($0) }
        let inCart = try await products(turn.state.cart.productIds)
        // "las orejeras de copa son 10" for a line the catalog calls otherwise: the words the
        // search understands pick the line they name.
        if !command.named, inCart.count > 1,
            WordForms.contentWords(command.words).contains(where: { $0.count >= Self.minNamingLetters })
        {
            switch try await resolve(command.words, &turn) {
            case .match(let product) where inCart.contains { $0.id == product.id }:
                return inCart.first { $0.id == product.id }
            case .ambiguous(let options):
                let lines = inCart.filter { line in options.contains { $0.id == line.id } }
                if lines.count == 1 { return lines[0] }
            default:
                break
            }
        }
        if named.isEmpty {
            if let last = inCart.first(where: { $0.id == turn.state.lastTouched }) { return last }
            if inCart.count == 1 { return inCart[0] }
            // "que sean 3 de esos" right after one product was shown.
            let focus = turn.state.focus
            return focus.count == 1 ? inCart.first { $0.id == focus[0] } : nil
        }
        // "ocho de esas monturas pa' poner la linterna en el casco": words that open with a
        // kind of product sold, which no line is, name the product the search finds of that
        // kind (the linterna in the cart is only what the montura is for); "los filtros ABEK"
        // for the cartuchos in the cart still name their line.
        if let lead = named.first, isCatalogHead(lead),
            !inCart.contains(where: { line in
                (ProductWords.of(line.name) + ProductWords.of(line.description)).contains { WordForms.same(lead, $0) }
            })
        {
            var scratch = turn
            if case .match(let product) = try await resolve(command.words, &scratch),
                !inCart.contains(where: { $0.id == product.id }),
                ProductWords.of(product.name).contains(where: { WordForms.same(lead, $0) })
            {
                return nil
            }
        }
        guard case .match(let line) = ProductMatcher.resolve(named, among: inCart) else { return nil }
        // "completamos con 8 chalecos reflectivos": the line's kind, another product's name
        // (that product's line when it is in the cart, none when it is not).
        if let other = try await betterNamed(command.words, than: line, turn) {
            return inCart.first { $0.id == other.id }
        }
        return line
    }

    /// The line a bare amount restates: the message names no product, the cart's last
    /// touched line is there and is all that was shown last, and no word adds ("deme otros
    /// 2", "2 más", "también 3" are additions).
    func restatedLine(_ command: ItemCommand, _ turn: TurnContext) async throws -> Product? {
        let reading = turn.reading
        guard turn.state.phase == .browsing, command.quantity != nil, reading.items.count == 1,
            Self.namesNothing(command.words) || !command.named && !Self.countsAThing(command.words),
            let touched = turn.state.lastTouched,
            turn.state.cart.quantity(of: touched) > 0, turn.state.focus.allSatisfy({ $0 == touched }),
            reading.intent == nil || reading.intent == .add,
            !turn.message.texts.contains(where: { Self.additionWords.contains(MessageTokens.shorthand[$0] ?? $0) })
        else { return nil }
        return try await products([touched]).first
    }

    /// "y 1 de los de electricista" right after a cinturón was added: the words leave the
    /// noun out ("de los de…", "las que…"), so they are of the kind of the line touched
    /// last; the product of that kind they name, nil when they name none of that kind.
    func kindLeftOut(_ command: ItemCommand, _ turn: inout TurnContext) async throws -> Product? {
        guard turn.state.phase == .browsing, command.leavesOutNoun,
            let touched = turn.state.lastTouched, let line = try await products([touched]).first,
            let kind = ProductWords.of(line.name).first, !command.words.contains(where: { WordForms.same($0, kind) }),
            // A list of other things on screen is what "de los de…" picks from.
            try await products(turn.state.focus).allSatisfy({ ProductWords.of($0.name).first == kind })
        else { return nil }
        var scratch = turn
        guard case .match(let product) = try await resolve([kind] + command.words, &scratch),
            ProductWords.of(product.name).first == kind
        else { return nil }
        turn = scratch
        return product
    }

    /// "y 6 delantales", "y 3 sombreros": a count of things named in the plural, which the shop
    /// may not know, is an order of them ("no lo manejamos"), never the last line's new amount.
    static func countsAThing(_ words: [String]) -> Bool {
        WordForms.contentWords(words).contains { word in
            !referringWords.contains(word) && word.count >= minNamingLetters && word.hasSuffix("s")
                && SpanishWords.singular(word) != word
        }
    }

    static let additionWords: Set<String> = [
        "mas", "otro", "otros", "otra", "otras", "adicional", "adicionales", "tambien", "ademas", "aparte",
    ]

    /// The fewest letters of a word that may name a product ("ay", "pues" do not).
    static let minNamingLetters = 5

    /// "quita la linterna", "ya no quiero los guantes".
    func remove(_ command: ItemCommand, _ turn: inout TurnContext) async throws -> Bool {
        let named = WordForms.contentWords(command.words).filter { !Self.referringWords.contains($0) }
        let inCart = try await products(turn.state.cart.productIds)
        guard !inCart.isEmpty else { return false }
        var targets: [Product] = []
        if named.isEmpty {
            targets = inCart.filter { $0.id == turn.state.lastTouched }
            if targets.isEmpty, inCart.count == 1 { targets = inCart }
        } else {
            switch ProductMatcher.resolve(named, among: inCart) {
            case .match(let product): targets = [product]
            case .ambiguous(let options): targets = options
            case .none:
                turn.add(.notInCart(command.query))
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

    /// Adds `quantity` units (pairs counted per product) within the stock, or offers what
    /// is available.
    func add(_ product: Product, quantity: Int, pairs: Bool, _ turn: inout TurnContext) async throws {
        let quantity = Self.units(quantity, pairs: pairs, of: product)
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
                // Every product of the message that asks for more than there is gets its
                // offer ("15 arneses, 15 líneas y 20 mosquetones": three), answered together.
                let offer = DialogueState.StockOffer(
                    productId: product.id, available: available, total: product.stock,
                    linePosition: turn.state.cart.lines.count, requested: requested)
                var offers = (turn.state.pending?.offers ?? []).filter { $0.productId != product.id }
                offers.append(offer)
                turn.state.pending = .stockOffers(offers)
                turn.state.pendingLinePosition = offer.linePosition
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
        if inCart == 0, let position = turn.linePosition ?? settledPosition(of: product.id, turn) {
            turn.state.cart.move(product.id, to: position)
            turn.linePosition = nil
        }
        turn.add(adding && inCart == 0 ? .added(LineFact(line)) : .changed(LineFact(line)))
        turn.cartChanged = true
    }

    /// Where a new line goes when it settles the question the last reply left open about it
    /// ("facturen los 75 disponibles" after the stock offer): the place it was asked for.
    func settledPosition(of productId: Int64, _ turn: TurnContext) -> Int? {
        switch turn.carried {
        case let pending? where pending.offers?.contains(where: { $0.productId == productId }) == true:
            pending.offers?.first { $0.productId == productId }?.linePosition ?? turn.state.pendingLinePosition
        case .choice(let options, _, _) where options.contains(productId): turn.state.pendingLinePosition
        default: nil
        }
    }

    /// Up to three other products of the same kind that are in stock.
    func alternatives(to product: Product, turn: inout TurnContext) async throws -> [ProductFact] {
        guard let head = ProductWords.of(product.name).first else { return [] }
        let hits = try await retriever.search(head, limit: 8).map(\.product)
        return hits.filter {
            $0.id != product.id && $0.available
                && ProductWords.of($0.name).first
                    .map { WordForms.same($0, head) } == true
        }
        .prefix(3).map(ProductFact.init)
    }
}
