import Shop
import SpanishText

/// The sales agent: reads one customer message in the light of the chat's state and
/// decides the reply's facts, updating the cart, the checkout form and placing the order
/// when the customer confirms. Every price and stock figure comes from the database; the
/// agent never writes prose itself (see `ReplyComposer` and `ReplyWriter`).
///
/// A turn is a pure function of (message, state, catalog): running it twice on the same
/// state gives the same decisions, so a retried job reaches the same order key.
public struct SalesAgent: Sendable {
    public let database: AppDatabase
    public let retriever: any ProductRetriever
    public let placer: any OrderPlacer
    /// Products a turn hands on at most (`AgentTurn.products`: the reply's `productos`, what a
    /// language model sees); `TOP_K`.
    public var topK = RetrievalConfig.defaultTopK

    public init(database: AppDatabase, retriever: any ProductRetriever, placer: any OrderPlacer) {
        self.database = database
        self.retriever = retriever
        self.placer = placer
    }

    public func respond(chatId: String, message: String, state: DialogueState) async throws -> AgentTurn {
        var turn = TurnContext(chatId: chatId, message: message, state: state)
        turn.state.turns += 1
        try await refreshCart(&turn)
        let words = turn.message
        let company = try await companyAnswerer()

        if isCancel(words) {
            cancel(&turn)
            return finish(turn)
        }

        // Checkout data first, so a cédula is never read as a quantity.
        let inForm = turn.state.phase != .browsing
        let extraction = CheckoutFieldExtractor.extract(
            message, requested: turn.state.phase == .checkout ? turn.state.form.requested : nil)
        let useData = inForm || Self.isStrongData(extraction)
        let rest = useData ? Words(extraction.remainder) : words

        let topic = CompanyAnswerer.topic(of: words)
        let cartView = words.containsAny(phrases: Lexicon.cartView) && !turn.state.cart.isEmpty
        let carried = turn.state.pending
        let answered = try await answerPending(&turn, rest)
        if !answered, topic == nil || !QuantityParser.counts(in: rest).isEmpty {
            try await handleProducts(&turn, rest, inForm: inForm, cartView: cartView)
        }
        if cartView, !turn.facts.contains(where: { if case .cart = $0 { true } else { false } }) {
            turn.add(.cart(turn.state.cart.lines.map(LineFact.init), total: turn.state.cart.total))
            turn.sideAnswer = true
        }
        if let topic, !turn.handledProducts || words.isQuestion {
            let lines = company.answer(topic, question: words)
            turn.add(lines.isEmpty ? .companyUnknown(contact: company.contactLines) : .company(lines))
            turn.sideAnswer = true
        }
        try await handleCheckout(&turn, extraction: useData ? extraction : nil)
        // A side question ("¿qué llevo?", "¿hacen envíos?") leaves the agent's question open.
        if turn.state.pending == nil, let carried, !answered, !turn.cartChanged, !turn.handledProducts,
            turn.slotsChanged.isEmpty, !isNo(words), turn.state.phase == state.phase
        {
            turn.state.pending = carried
        }
        if turn.state.phase == .browsing, !turn.state.cart.isEmpty, turn.state.pending == nil,
            turn.cartChanged || cartView
        {
            turn.add(.askProceed)
        }
        conversationalFacts(&turn, shop: company.shopName)
        return finish(turn)
    }

    /// Data the customer clearly meant as checkout data even before checkout: an e-mail or
    /// an address, or at least two fields.
    static func isStrongData(_ extraction: CheckoutFieldExtractor.Extraction) -> Bool {
        let slots = Set(extraction.values.keys)
        return slots.count >= 2 || slots.contains(.email) || slots.contains(.address)
    }

    func companyAnswerer() async throws -> CompanyAnswerer {
        let text = try await database.perform { try $0.activeCompanyContext()?.content } ?? ""
        return CompanyAnswerer(companyText: text)
    }

    func isCancel(_ words: Words) -> Bool {
        words.containsAny(phrases: Lexicon.cancel)
    }

    func cancel(_ turn: inout TurnContext) {
        let hadCart = !turn.state.cart.isEmpty || turn.state.phase != .browsing
        turn.state.startNewCart()
        turn.add(.cancelled(hadCart: hadCart))
    }

    /// Greetings, thanks and the fallback, around what the turn already decided.
    func conversationalFacts(_ turn: inout TurnContext, shop: String?) {
        let words = turn.message
        let greets = words.containsAny(phrases: Lexicon.greetings)
        if greets, turn.state.turns == 1 || turn.facts.isEmpty {
            turn.facts.insert(.greeting(shop: shop, brief: !turn.facts.isEmpty), at: 0)
        }
        guard turn.facts.isEmpty else { return }
        if words.containsAny(phrases: Lexicon.goodbyes) {
            turn.add(.goodbye)
        } else if words.containsAny(phrases: Lexicon.thanks) {
            turn.add(.thanks)
        } else if turn.state.phase == .browsing, !turn.state.cart.isEmpty, isYes(words) || isDone(words) {
            turn.add(.askProceed)
        } else {
            turn.add(.fallback)
        }
    }

    func finish(_ turn: TurnContext) -> AgentTurn {
        var state = turn.state
        if !turn.shown.isEmpty {
            state.focus = turn.shown
            state.remember(turn.shown)
        }
        state.askedToProceed = turn.facts.contains(.askProceed)
        var products = turn.shown.filter { turn.retrieved.contains($0) }
        products += turn.retrieved.filter { !products.contains($0) }
        return AgentTurn(
            state: state, facts: ReplyFacts(turn.facts), products: Array(products.prefix(max(1, topK))),
            orderId: turn.orderId)
    }

    func isYes(_ words: Words) -> Bool {
        guard !["no", "nop", "nel", "negativo"].contains(words.at(0)) else { return false }
        return words.containsAny(phrases: Lexicon.yes)
    }

    func isNo(_ words: Words) -> Bool {
        ["no", "nop", "nel", "negativo", "ninguna", "ninguno", "nada"].contains(words.at(0))
            || words.containsAny(phrases: ["no gracias", "todavia no", "aun no", "sin indicaciones", "no tengo"])
    }

    func isDone(_ words: Words) -> Bool {
        words.containsAny(phrases: Lexicon.done)
    }
}
