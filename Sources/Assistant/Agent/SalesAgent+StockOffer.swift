import Shop
import SpanishText

// Answers to the stock offers of the last reply ("Solo tenemos 10; ¿le agrego las 10?"),
// one or several: "sí", "las que tenga", "5 de cada uno", "mándeme los 10 arneses y las 10
// líneas", "no".
extension SalesAgent {
    /// The words name, better than `product`, another product that is not on offer.
    func namesUnoffered(_ words: [String], than product: Product, offered: [Product], _ turn: TurnContext)
        async throws -> Bool
    {
        guard let other = try await betterNamed(words, than: product, turn) else { return false }
        return !offered.contains { $0.id == other.id }
    }

    /// Returns true when the message answered the offers and nothing else is left to do;
    /// false when it is a new request (the offers then lapse) or when it also asks for other
    /// products (those are left in the reading for the product handling).
    func answerOffers(_ offers: [DialogueState.StockOffer], _ turn: inout TurnContext) async throws -> Bool {
        let reading = turn.reading
        let offered = try await products(offers.map(\.productId))
        // Items that name an offered product answer that offer: "los 10 arneses", "las
        // líneas no".
        var named: [Int64: ItemCommand] = [:]
        var rest: [ItemCommand] = []
        for item in reading.items {
            if item.named, !Self.namesNothing(item.words),
                case .match(let product) = ProductMatcher.resolve(item.words, among: offered),
                named[product.id] == nil,
                // "…y los otros 8 me los completa con los chalecos de cintas reflectivas": the
                // offered one's kind, another product's name.
                try await !namesUnoffered(item.words, than: product, offered: offered, turn)
            {
                named[product.id] = item
            } else {
                rest.append(item)
            }
        }
        var wanted: [Int64: Int] = [:]
        if !named.isEmpty {
            // The offers the customer named are answered; the ones left unnamed lapse.
            var declined: [String] = []
            for (id, item) in named {
                if item.action != .remove && !Self.declines(item, in: turn.message) {
                    wanted[id] = item.quantity ?? Int.max
                } else if let product = offered.first(where: { $0.id == id }) {
                    declined.append(product.name)
                }
            }
            if !declined.isEmpty { declineOffers(declined.sorted(), &turn) }
        } else {
            var items = reading.items
            // "si no completa los 5, mándeme 2 nomás por ahora": the amount asked for, said again
            // as a condition beside a smaller one that there is, counts nothing.
            if offers.count == 1, let offer = offers.first, let requested = offer.requested, items.count == 2,
                items.contains(where: { $0.quantity == requested }),
                items.contains(where: { ($0.quantity ?? Int.max) < offer.available })
            {
                items.removeAll { $0.quantity == requested }
            }
            let count = items.count == 1 ? items[0] : nil
            // "mándeme lo que haya de los dos" after two offers: the count names the offers.
            let bare = count.flatMap { item in
                [.add, .set].contains(item.action) && item.factor == nil
                    && (!item.named || Self.namesNothing(item.words)) ? item.quantity : nil
            }.flatMap { amount in Self.namesTheOffers(turn.message, count: offers.count, amount) ? nil : amount }
            let accepts = reading.has(.acceptAvailable) || (turn.affirms && !turn.denies)
            // "no me sirve, necesito los 5": the amount asked again, more than there is;
            // "entonces no, déjela. Pero sí necesito…": a piece that only says no.
            let insists = bare.map { amount in
                offers.contains { amount > $0.available && amount >= ($0.requested ?? Int.max) }
            }
            // "Uy, no me alcanzan. Entonces mándeme 5 no más": a smaller amount than there is
            // settles it ("si solo hay 3 no me sirve" repeats the offer and refuses it).
            let settles = bare.map { amount in offers.contains { amount < $0.available } } == true
            if insists == true || (!settles && Self.refusesOutright(turn.message))
                || (bare == nil && reading.intent != .acceptAvailable && Self.refuses(turn.message))
            {
                turn.handledProducts = true
                declineOffers(offered.map(\.name), &turn)
                let others = rest.filter { item in
                    guard item.named, !Self.namesNothing(item.words) else { return false }
                    if case .match = ProductMatcher.resolve(item.words, among: offered) { return false }
                    return true
                }
                guard !others.isEmpty else { return true }
                turn.reading.items = others
                return false
            }
            if let bare, Self.saysEach(turn.message) || offers.count == 1 {
                for offer in offers { wanted[offer.productId] = bare }
            } else if let bare, let last = offers.last {
                // "deme 5" after several offers: the question asked last.
                wanted[last.productId] = bare
            } else if accepts {
                for offer in offers { wanted[offer.productId] = Int.max }
            } else {
                // "no", "no gracias": the offers are declined; anything else is a new request.
                guard turn.denies && reading.items.isEmpty else { return false }
                declineOffers(offered.map(\.name), &turn)
                return true
            }
        }
        turn.handledProducts = true
        var settled = 0
        for offer in offers {
            guard let amount = wanted[offer.productId], amount > 0,
                let product = offered.first(where: { $0.id == offer.productId })
            else { continue }
            let units = min(amount, offer.available)
            // Offers settled before this one took their places in front of it.
            let position = (offer.linePosition ?? turn.state.pendingLinePosition).map { $0 + settled }
            turn.linePosition = position.map { min($0, turn.state.cart.lines.count) }
            try await setQuantity(
                product, to: offer.total - offer.available + units, requested: units, adding: true, &turn)
            turn.linePosition = nil
            settled += 1
        }
        // "sí, y 5 guantes más": the other products go on to the product handling.
        let others = rest.filter { $0.named && !Self.namesNothing($0.words) }
        guard !others.isEmpty else { return true }
        turn.reading.items = others
        return false
    }

    /// "lo que haya de los dos", "las que tenga de ambas", "sí a las tres": the count said is
    /// the number of offers, after "de/a/para los/las" (or "ambos/ambas" for two).
    static func namesTheOffers(_ message: Words, count: Int, _ amount: Int) -> Bool {
        guard count > 1, amount == count else { return false }
        for index in 0..<message.count {
            if count == 2, ["ambos", "ambas"].contains(message[index]) { return true }
            guard index + 2 < message.count, ["de", "a", "para"].contains(message[index]),
                ["los", "las"].contains(message[index + 1])
            else { continue }
            let word = message[index + 2]
            let value = word.first?.isNumber == true ? Int(word) : SpanishNumber.read(message, at: index + 2)?.value
            if value == count { return true }
        }
        return false
    }

    /// Says which offers were declined; alone in the reply, with the cart holding something,
    /// the next question follows ("Entendido, no agrego Traje químico. ¿Desea agregar algo
    /// más…?"), as after any other answer.
    func declineOffers(_ names: [String], _ turn: inout TurnContext) {
        turn.add(.offerDeclined(names))
        if turn.facts.count == 1, turn.state.phase == .browsing, !turn.state.cart.isEmpty {
            turn.add(.askProceed)
        }
    }

    /// "y las duchas no, quítelas": an offer named without a count in a piece of the message
    /// (between commas) with a word that takes it out, or followed by a piece that opens
    /// with one.
    static func declines(_ item: ItemCommand, in message: Words) -> Bool {
        guard let name = WordForms.contentWords(item.words).first else { return false }
        let takesOut = { (word: String) in
            EntityReader.removalWords.contains(word) || word.hasPrefix("quit") || word.hasPrefix("saq")
        }
        let pieces = Self.pieces(message).map { Words(String($0)).texts }
        // "…, quite los de gas": a piece that takes it out, wherever it is said.
        if pieces.contains(where: { $0.contains(name) && $0.contains(where: takesOut) }) { return true }
        guard item.quantity == nil, let index = pieces.firstIndex(where: { $0.contains(name) }) else { return false }
        return index + 1 < pieces.count && pieces[index + 1].first.map(takesOut) == true
    }

    /// A piece of the message (between commas or stops) that opens with "no" and counts
    /// nothing: "entonces no", "No", "mejor no lo llevo" ("no hay problema" says no no).
    static func refuses(_ message: Words) -> Bool {
        return Self.pieces(message).contains { piece in
            let words = Words(String(piece))
            let texts = words.texts.prefix(maxRefusalWords).drop { refusalLeads.contains($0) }
            guard texts.first == "no", !refusalExceptions.contains(texts.dropFirst().first ?? "") else {
                return false
            }
            return words.count <= maxRefusalWords && QuantityFilter.counts(in: words).isEmpty
        }
    }

    /// "si solo hay 3 no me sirve", "quítelo entonces": a piece that says what is offered is of
    /// no use, or one that opens by taking "it" out (no product named), refuses whatever counts
    /// the message repeats.
    static func refusesOutright(_ message: Words) -> Bool {
        Self.pieces(message).contains { piece in
            let texts = Words(String(piece)).texts.prefix(maxRefusalWords * 2)
            let useless =
                zip(texts, texts.dropFirst()).contains { pair in
                    pair.0 == "no" && uselessVerbs.contains(pair.1)
                }
                || zip(texts, zip(texts.dropFirst(), texts.dropFirst(2))).contains { pair in
                    pair.0 == "no" && ["me", "nos"].contains(pair.1.0) && uselessVerbs.contains(pair.1.1)
                }
            let opening = texts.drop { refusalLeads.contains($0) }.first ?? ""
            return useless || (texts.count <= 4 && takesItOut(opening))
        }
    }

    /// "no (me) sirve", "no alcanza": what is offered is of no use.
    static let uselessVerbs: Set<String> = ["sirve", "sirven", "alcanza", "alcanzan", "interesa", "conviene"]
    /// "quítelo", "sáquelas", "olvídelo": a verb of taking out (`ExampleReader.removalVerbs`, or
    /// forgetting) with the pronoun of the thing spoken of and no object of its own.
    static func takesItOut(_ word: String) -> Bool {
        let verb = CheckoutFieldExtractor.withoutClitic(word)
        return verb != word && (ExampleReader.removalVerbs.contains(verb) || ["olvide", "olvida"].contains(verb))
    }

    /// Words said before the "no" of a refusal.
    static let refusalLeads: Set<String> = ["entonces", "ah", "ay", "pues", "bueno", "mejor", "ahh", "uy", "ok"]
    /// "no hay problema", "no importa": no refusal.
    static let refusalExceptions: Set<String> = ["hay", "importa", "problema", "pasa", "se"]
    /// The longest piece read as a refusal.
    static let maxRefusalWords = 8

    /// The message's pieces between commas, stops and question or exclamation marks: the
    /// first `maxPieces`.
    static func pieces(_ message: Words) -> ArraySlice<Substring> {
        message.original.split(whereSeparator: { ",;.\n!?¡¿".contains($0) }).prefix(maxPieces)
    }

    /// Pieces of a message looked at, at most.
    static let maxPieces = 64
}
