import Shop
import SpanishText
import Support

/// The sales agent: reads one customer message in the light of the chat's state (a
/// `MessageReader` turns it into a `Reading`: intent, product requests, data) and decides
/// the reply's facts, updating the cart, the checkout form and placing the order when the
/// customer confirms. Every price and stock figure comes from the database; the agent never
/// writes prose itself (see `ReplyComposer` and `ReplyWriter`), and the reader never decides
/// anything: the dialogue logic here does (Rasa CALM's split).
///
/// A turn is a pure function of (message, state, catalog): running it twice on the same
/// state gives the same decisions, so a retried job reaches the same order key.
public struct SalesAgent: Sendable {
    /// The catalog, clients and company text it reads (either engine).
    public let store: any ProductStore & ClientStore & CompanyTextStore
    public let retriever: any ProductRetriever
    public let placer: any OrderPlacer
    /// Products a turn hands on at most (`AgentTurn.products`: the reply's `productos`, what a
    /// language model sees); `TOP_K`.
    public var topK = RetrievalConfig.defaultTopK
    public let reader: any MessageReader
    /// Other names of the catalog's products (`SearchLexicon.productNameWords`): a clause the
    /// reader finds one in is no small talk ("Buenas tardes necesito portacarnets").
    public var otherProductNames: [String] = [] {
        didSet { otherNames = MessageTokens.catalogWords(otherProductNames) }
    }
    private var otherNames: Set<String> = []
    /// Accessories and what they go on (`SearchLexicon.accessories`), for the reader.
    public var accessories: [String: Set<String>] = [:]
    /// Words that make a product one for a particular need (`SearchLexicon.specialtyWords`:
    /// "dieléctrico" of "Arnés dieléctrico"): such a product is taken only when asked for.
    public var specialtyWords: Set<String> = []
    /// Other one-word names of the kinds of product (`SearchLexicon.oneWordEquivalents`:
    /// "filtro" for "cartucho"): the matcher hears them as the kind ("filtros de repuesto,
    /// los de gases" names the "Cartucho ABEK").
    public var kindNames: [String: Set<String>] = [:]
    /// The catalog's words for the reader, recomputed when the product names change.
    private let catalogWords = LockedBox<
        (names: [String], words: Set<String>, codes: Set<String>, heads: Set<String>, kinds: Set<String>)
    >(([], [], [], [], []))

    public init(
        store: any ProductStore & ClientStore & CompanyTextStore, retriever: any ProductRetriever,
        placer: any OrderPlacer, reader: any MessageReader
    ) {
        self.store = store
        self.retriever = retriever
        self.placer = placer
        self.reader = reader
    }

    /// On SQLite.
    public init(
        database: AppDatabase, retriever: any ProductRetriever, placer: any OrderPlacer, reader: any MessageReader
    ) {
        self.init(store: SQLiteStore(database), retriever: retriever, placer: placer, reader: reader)
    }

    public func respond(chatId: String, message: String, state: DialogueState) async throws -> AgentTurn {
        try await respond(chatId: chatId, message: CustomerMessage(message), state: state)
    }

    public func respond(chatId: String, message: CustomerMessage, state: DialogueState) async throws -> AgentTurn {
        var turn = TurnContext(chatId: chatId, message: message.text, state: state)
        turn.state.turns += 1
        try await refreshCart(&turn)
        let company = try await companyAnswerer()
        turn.reading = await reader.read(message.text, context: try await readingContext(turn.state))
        if message.hasSharedData, message.text.isEmpty, message.photoText == nil {
            try await respondToShared(message, &turn)
            return finish(turn)
        }
        var photoAnswered = false
        if let photo = message.photoText {
            photoAnswered = try await handlePhoto(photo, &turn)
        } else {
            try await readGoAhead(&turn)
        }
        let reading = turn.reading

        if turn.cancels {
            cancel(&turn)
            return finish(turn)
        }
        let inForm = turn.state.phase != .browsing
        turn.answersSlot = Self.answersSlot(turn)
        let cartView =
            reading.has(.viewCart) && reading.items.isEmpty && !turn.state.cart.isEmpty && !turn.answersSlot
        let carried = turn.state.pending
        turn.carried = carried
        var answered = try await answerComparison(&turn)
        if !answered { answered = try await applyToEach(&turn) }
        if !answered { answered = try await answerPending(&turn) }
        switch carried {
        case .choice?, .quantity?: if !answered { turn.unansweredChoice = carried }
        default: break
        }
        let carriedDefault = turn.state.choiceDefault
        let carriedOrder = turn.state.quantityOrdered == true
        // "¿Mandan a Barranquilla? Necesito unas botas de caucho…": a request said beside a
        // question about the shop is served too, not only the question.
        let requestsBeside =
            reading.topic != nil && reading.items.isEmpty && reading.namesProduct && !inForm
            && Self.requestsInStatement(turn.message.original)
        // "la torre es 3 no 2" at the summary: a part of the address, no quantity.
        turn.swap = inForm ? Self.swappedPart(turn.message, turn.state.form) : nil
        if !answered, !photoAnswered, !turn.answersSlot, turn.swap == nil,
            reading.topic == nil || !reading.items.isEmpty || requestsBeside
        {
            try await handleProducts(&turn, inForm: inForm, cartView: cartView)
        }
        // "y 4 protectores de oído" while "¿cuál de las fajas, para las 4?" waits: other lines
        // added settle the question as the go-ahead does (the option ranked first), not lose it.
        if case .choice(let options, let amount?, let pairs) = turn.unansweredChoice, turn.state.phase == .browsing,
            turn.cartChanged, turn.state.pending == nil
        {
            try await settleChoice(options, quantity: amount, pairs: pairs, preferred: carriedDefault, &turn)
            turn.unansweredChoice = nil
        }
        // "y unas botas dieléctricas" (¿cuántas?), then "Y 10 cintas aislantes" or "mejor que
        // sean 12 discos": a product ordered without a count is not lost when the customer goes
        // on with other lines, or another question replaces this one; it takes one unit, as at
        // the go-ahead. A product only asked about ("¿cuánto vale el disco?") is not ordered.
        if case .quantity(let id) = turn.unansweredChoice, carriedOrder, turn.state.phase == .browsing,
            turn.cartChanged || (turn.state.pending != nil && turn.state.pending != carried), !turn.denies,
            !(reading.intent?.asksAboutProducts ?? false)
        {
            try await settleQuantity(id, &turn)
            turn.unansweredChoice = nil
        }
        if reading.itemsLeftOut > 0 { turn.add(.tooManyItems(max: Understanding.maxItemsPerMessage)) }
        if cartView, !turn.facts.contains(where: { if case .cart = $0 { true } else { false } }) {
            turn.add(.cart(turn.state.cart.lines.map(LineFact.init), total: turn.state.cart.total))
            turn.sideAnswer = true
        }
        if let topic = reading.topic, !turn.answersSlot, !turn.handledProducts || turn.message.isQuestion {
            let lines = company.answer(topic, question: turn.message)
            turn.add(lines.isEmpty ? .companyUnknown(contact: company.contactLines) : .company(lines))
            // "eso es todo. ¿Despachan a Medellín?": the answer does not hold the go-ahead back.
            if !(turn.proceeds && turn.state.phase == .browsing) { turn.sideAnswer = true }
        }
        try await handleCheckout(&turn)
        // A side question ("¿qué llevo?", "¿hacen envíos?") leaves the agent's question open.
        // The stored-data offer is always settled by the checkout (it asks what comes next).
        if turn.state.pending == nil, let carried, !carried.isReturningClient, !answered, !turn.cartChanged,
            !turn.handledProducts,
            turn.slotsChanged.isEmpty || turn.dataNoted, !turn.denies, turn.state.phase == state.phase
        {
            turn.state.pending = carried
            // Data sent while a question was open, or the go-ahead before answering it ("eso
            // es todo, ¿cómo seguimos?" while the options wait): the question again.
            let asksAgain: Bool
            switch carried {
            case .choice, .quantity: asksAgain = turn.dataNoted || turn.proceededOnEmptyCart
            case .stockOffer, .stockOffers, .returningClient: asksAgain = turn.dataNoted
            }
            if asksAgain, turn.proceededOnEmptyCart {
                turn.facts.removeAll { if case .emptyCart = $0 { true } else { false } }
            }
            if asksAgain { try await askAgain(carried, &turn) }
        } else if turn.dataNoted {
            turn.add(.emptyCart)
        }
        if turn.state.phase == .browsing, !turn.state.cart.isEmpty, turn.state.pending == nil,
            turn.cartChanged || cartView
        {
            turn.add(.askProceed)
        }
        if message.photoText?.isEmpty == true, turn.facts.isEmpty { turn.add(.photoUnreadable) }
        conversationalFacts(&turn, shop: company.shopName)
        return finish(turn)
    }

    /// Whether a folded word is one of the catalog's words or another name of a product.
    func isCatalogWord(_ word: String) -> Bool {
        let words = catalogWords.value.words
        return words.contains(word) || words.contains(MessageTokens.collapsed(word)) || otherNames.contains(word)
    }

    /// Whether a folded word is the first word of a catalog name, a kind of product sold.
    func isCatalogHead(_ word: String) -> Bool {
        catalogWords.value.heads.contains(word)
    }

    /// What the reader may know of the chat: the phase, what was asked, what is listed.
    func readingContext(_ state: DialogueState) async throws -> ReadingContext {
        let names = try await store.productNames()
        var cached = catalogWords.value
        if cached.names != names {
            cached = (
                names, MessageTokens.catalogWords(names), MessageTokens.catalogCodes(names),
                MessageTokens.catalogHeads(names), MessageTokens.catalogKindsOnly(names)
            )
            catalogWords.set(cached)
        }
        var context = ReadingContext(
            phase: state.phase, requested: state.form.requested,
            known: Set(CheckoutSlot.allCases.filter { state.form[$0] != nil }), pending: state.pending,
            cartIsEmpty: state.cart.isEmpty, listed: state.focus.count, catalogWords: cached.words,
            cartNames: state.cart.lines.map(\.name), askedToProceed: state.askedToProceed)
        context.knownName = state.form[.name]
        context.catalogCodes = cached.codes
        context.catalogHeads = cached.heads
        context.catalogKinds = cached.kinds
        context.otherNames = otherNames
        context.accessories = accessories
        return context
    }

    func companyAnswerer() async throws -> CompanyAnswerer {
        let text = try await store.activeCompanyContext()?.content ?? ""
        return CompanyAnswerer.cached(companyText: text)
    }

    func cancel(_ turn: inout TurnContext) {
        let hadCart = !turn.state.cart.isEmpty || turn.state.phase != .browsing
        turn.state.startNewCart()
        turn.add(.cancelled(hadCart: hadCart))
    }

    /// Greetings, thanks and, when nothing else was said, a short clarifying question.
    func conversationalFacts(_ turn: inout TurnContext, shop: String?) {
        let reading = turn.reading
        if reading.has(.greet), turn.state.turns == 1 || turn.facts.isEmpty {
            turn.facts.insert(.greeting(shop: shop, brief: !turn.facts.isEmpty), at: 0)
        }
        guard turn.facts.isEmpty else { return }
        if reading.has(.bye) {
            turn.add(.goodbye)
        } else if reading.has(.thank) {
            turn.add(.thanks)
        } else if turn.state.phase == .browsing, !turn.state.cart.isEmpty, turn.affirms || turn.proceeds {
            turn.add(.askProceed)
        } else {
            turn.add(.clarify(clarification(turn)))
        }
    }

    /// What to ask when the message was not understood, from where the dialogue is.
    func clarification(_ turn: TurnContext) -> Clarification {
        switch turn.state.phase {
        case .review: return .confirmOrder
        case .checkout: return .slot(turn.state.form.requested ?? turn.state.form.missing.first ?? .name)
        case .browsing: return turn.state.cart.isEmpty ? .whatProduct : .addOrProceed
        }
    }

    func finish(_ turn: TurnContext) -> AgentTurn {
        var state = turn.state
        if !turn.shown.isEmpty {
            state.focus = turn.shown
            state.remember(turn.shown)
        }
        // "¿Desea agregar algo más o seguimos?" is asked by the prompt and by the clarification alike.
        state.askedToProceed = turn.facts.contains(.askProceed) || turn.facts.contains(.clarify(.addOrProceed))
        var products = turn.shown.filter { turn.retrieved.contains($0) }
        products += turn.retrieved.filter { !products.contains($0) }
        return AgentTurn(
            state: state, facts: ReplyFacts(turn.facts), products: Array(products.prefix(max(1, topK))),
            orderId: turn.orderId, reading: turn.reading)
    }
}
