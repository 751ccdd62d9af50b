import Shop
import SpanishText

// Products: finding what the customer names, answering questions about them and about the
// ones just listed.
extension SalesAgent {
    enum Resolution {
        case match(Product)
        case ambiguous([Product])
        case none(suggestions: [Product])
    }

    /// Words that point back at a product already shown ("el normal", "el mismo").
    static let referringWords: Set<String> = [
        "normal", "normales", "sencillo", "sencilla", "basico", "basica", "barato", "barata", "economico",
        "economica", "mismo", "misma", "mismos", "mismas", "ese", "esos", "esa", "esas", "este", "estos", "esta",
        "estas", "primero", "anterior", "aquel", "aquellos", "foto", "imagen",
    ]
    /// The most sentences of a message looked at for a request.
    static let maxRequestSentences = 16

    /// Whether a sentence of `text` that is no question holds a verb of asking
    /// (`Lexicon.requestVerbs`; one pass).
    static func requestsInStatement(_ text: String) -> Bool {
        var sentence = ""
        var sentences = 0
        func check() -> Bool {
            defer { sentence = "" }
            // "necesito una bata de laboratorio pa la u, tienen?": the request said before the
            // comma that opens the question.
            var statement = Substring(sentence)
            if sentence.contains("?"), !sentence.contains("¿"), let comma = sentence.lastIndex(of: ",") {
                statement = sentence[..<comma]
            }
            guard !statement.contains("?"), !statement.contains("¿") else { return false }
            return Words(String(statement)).texts.contains { Lexicon.requestVerbs.contains($0) }
        }
        for character in text {
            sentence.append(character)
            if ".!?\n".contains(character) {
                if check() { return true }
                sentences += 1
                if sentences >= maxRequestSentences { return false }
            }
        }
        return check()
    }

    /// The most words of one phrase searched one by one.
    static let maxWordSearches = 6

    /// The words of a phrase searched one by one: at most `maxWordSearches` of those that
    /// start with a letter, the catalog's words before the others, each group in the
    /// customer's order.
    static func wordsToSearch(_ content: [String], isCatalogWord: (String) -> Bool) -> [String] {
        let lettered = content.filter { $0.first?.isLetter == true }
        let known = lettered.filter(isCatalogWord)
        return Array((known + lettered.filter { !isCatalogWord($0) }).prefix(maxWordSearches))
    }

    func products(_ ids: [Int64]) async throws -> [Product] {
        guard !ids.isEmpty else { return [] }
        return try await store.products(ids: ids)
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
    /// `refusing`: words the customer said the product must not have, read from the item's
    /// own text ("un extintor pero que no sea de polvo") when its words lost the "no".
    func resolve(_ words: [String], refusing: [String] = [], _ turn: inout TurnContext) async throws -> Resolution {
        let words = Self.searchWindow(words, isCatalogWord: isCatalogWord)
        // The option ranked first belongs to this resolution only, and so do its unsure hits.
        turn.preferred = nil
        turn.unsureHits = []
        // "el normal", "el mismo": the words point back at what was shown, they name nothing.
        // "…un extintor pero que no sea de polvo": what is refused names nothing wanted, and
        // no product that has it is offered (the search reads the refusal in `said`).
        var refusal = RefusedWords.read(words)
        refusal.words += refusing.filter { !refusal.words.contains($0) }
        let wanted = words.indices.filter { index in
            !refusal.spans.contains { $0.contains(index) } && !refusing.contains(SpanishWords.singular(words[index]))
        }.map { words[$0] }
        let content = Array(WordForms.contentWords(wanted).filter { !Self.referringWords.contains($0) }.prefix(16))
        let focus = try await products(turn.state.focus).filter(\.active)
        if content.isEmpty {
            if focus.count == 1 { return .match(focus[0]) }
            return focus.isEmpty ? .none(suggestions: []) : .ambiguous(focus)
        }
        let knownIds = turn.state.focus + turn.state.recent.filter { !turn.state.focus.contains($0) }
        let known = try await products(knownIds).filter { $0.active && !RefusedWords.refuses(refusal.words, $0) }
        let covering = known.filter { ProductMatcher.coversAll(content, $0) }
        let coveringFocus = covering.filter { turn.state.focus.contains($0.id) }
        if coveringFocus.count == 1 { return .match(coveringFocus[0]) }
        if coveringFocus.isEmpty, covering.count == 1 { return .match(covering[0]) }

        // The search reads the customer's own words, its fillers and clause words included
        // ("cono de señalización y me dice cuánto vale": the aside after "y" is dropped
        // there), without the words that point back at what was shown.
        let said = words.filter { !Self.referringWords.contains($0) }.prefix(Self.maxSearchedWords)
        let phrase = try await retriever.find(said.joined(separator: " "), limit: 10)
        let phraseHits = phrase.matches.filter { $0.product.active && !RefusedWords.refuses(refusal.words, $0.product) }
        // The search's verdict "not carried, but these are close" is final, unless the
        // customer said one alternative's whole name ("un detector de gas pa la casa": what it
        // is for is no other product).
        let alternatives = phrase.alternatives.map(\.product).filter(\.active)
        if !alternatives.isEmpty {
            let named = alternatives.filter { Self.saysWholeName(content, $0) }
            return named.count == 1 ? .match(named[0]) : .none(suggestions: alternatives)
        }
        var hits = phraseHits
        if hits.isEmpty, content.count > 1 {
            // A phrase the search did not find as a whole: each word on its own (a few), and
            // the matcher judges the union by the customer's own words. The catalog's words
            // are searched first: "hi good afternoon, hablo español tranqui, tienen detectores
            // de humo?" must not spend its searches on the greeting.
            for word in Self.wordsToSearch(content, isCatalogWord: isCatalogWord) {
                let more = try await retriever.search(word, limit: 6).filter(\.product.active)
                hits += more.filter { hit in !hits.contains { $0.product.id == hit.product.id } }
            }
        }
        let candidates = hits.map(\.product).filter { !RefusedWords.refuses(refusal.words, $0) }
        turn.retrieved(candidates.map(\.id))
        switch ProductMatcher.resolve(content, among: candidates, kindNames: kindNames) {
        case .match(let product):
            // "luces de emergencia…": the plain words meet "Luz estroboscópica" by its name,
            // the search (synonyms, needs) finds "Lámpara emergencia" well ahead: the search's.
            if let top = Self.surest(phraseHits), top.product.id != product.id, top.score >= Self.retrieverTrust,
                top.score - (phraseHits.first { $0.product.id == product.id }?.score ?? 0) >= Self.retrieverOverrule
            {
                return .match(top.product)
            }
            return .match(
                Self.plainSibling(of: product, content, among: candidates, hits: phraseHits, specialty: specialtyWords)
                    ?? product)
        case .ambiguous(let options):
            let discussed = options.filter { option in covering.contains { $0.id == option.id } }
            if discussed.count == 1 { return .match(discussed[0]) }
            if let fitting = Self.fittingAccessory(options, hosts: hosts(turn)) { return .match(fitting) }
            if let leader = Self.clearLeader(options, hits: phraseHits) { return .match(leader) }
            let closest = Self.closest(options, hits: phraseHits)
            // "botas aisladas": one option left close to the best is that product, not a
            // choice of one.
            if closest.count == 1 { return .match(closest[0]) }
            turn.preferred = Self.surest(closest, hits: phraseHits)?.id
            return .ambiguous(closest.sorted { $0.id < $1.id })
        case .none:
            // Words the retriever understood as a whole and the matcher did not (a regional
            // name, a synonym): its best-scored hits decide, when they cover the query.
            // A single hit is trusted from a lower score: nothing else came close ("yoyos para
            // los carnets, de esos que se estiran": the words after the name only lower it).
            // So is the one option on screen the search found ("esas que se pegan" after the
            // anti-slip strip and the wet-floor sign were shown).
            let onScreen = phraseHits.filter { turn.state.focus.contains($0.product.id) }
            if onScreen.count == 1, onScreen[0].score >= Self.unsureFloor { return .match(onScreen[0].product) }
            guard let top = Self.surest(phraseHits),
                top.score >= Self.retrieverConfidence || (phraseHits.count == 1 && top.score >= Self.retrieverTrust)
            else {
                if let top = Self.surest(phraseHits), top.score >= Self.unsureFloor {
                    turn.unsureHits = phraseHits.filter { $0.score >= top.score / 2 }.prefix(Self.maxUnsureHits)
                        .map(\.product)
                }
                return .none(suggestions: [])
            }
            let best = phraseHits.filter { $0.score >= top.score - 1e-9 }.map(\.product).sorted { $0.id < $1.id }
            turn.preferred = top.product.id
            return best.count == 1 ? .match(best[0]) : .ambiguous(Array(best.prefix(8)))
        }
    }

    /// The plain product of the same kind the words mean when the match is one made for a
    /// particular need they do not name ("necesito equipo pa trabajo en alturas": "Arnés
    /// dieléctrico para alturas" has the word in its description, yet the customer asks for
    /// the "Arnés de seguridad"; "arnés pa electricistas" keeps the dielectric one, which the
    /// search, knowing the need, then scores higher). Among the candidates of the match's
    /// kind whose names have no `specialtyWords` after the kind, the one the search scores
    /// best, when at least as well as the match; nil otherwise.
    static func plainSibling(
        of product: Product, _ content: [String], among candidates: [Product], hits: [ProductHit],
        specialty specialtyWords: Set<String>
    ) -> Product? {
        func parts(_ product: Product) -> (kind: String, rest: [String])? {
            let name = ProductWords.of(product.name)
            guard let kind = name.first else { return nil }
            return (SpanishWords.singular(kind), Array(name.dropFirst()))
        }
        func isSpecialty(_ word: String) -> Bool { specialtyWords.contains(SpanishWords.singular(word)) }
        guard let (kind, rest) = parts(product),
            rest.contains(where: { word in isSpecialty(word) && !content.contains { WordForms.same($0, word) } })
        else { return nil }
        let scores = Dictionary(hits.map { ($0.product.id, $0.score) }, uniquingKeysWith: max)
        guard let own = scores[product.id] else { return nil }
        let plain = candidates.filter { candidate in
            guard candidate.id != product.id, let (otherKind, otherRest) = parts(candidate) else { return false }
            return otherKind == kind && !otherRest.contains(where: isSpecialty) && (scores[candidate.id] ?? -1) >= own
        }
        return plain.max { (scores[$0.id] ?? 0) < (scores[$1.id] ?? 0) }
    }

    /// "con el soporte pa la cabeza" right after a careta went in, "cuatro caretas con su
    /// montura de repuesto": among options of one kind ("Montura careta", "Montura linterna"),
    /// the one whose name holds the kind of a product in the cart or named in the message.
    static func fittingAccessory(_ options: [Product], hosts: Set<String>) -> Product? {
        let names = options.map { ProductWords.of($0.name).map(SpanishWords.singular) }
        guard options.count > 1, let kind = names.first?.first, names.allSatisfy({ $0.first == kind }) else {
            return nil
        }
        let fitting = options.indices.filter { index in names[index].dropFirst().contains(where: hosts.contains) }
        return fitting.count == 1 ? options[fitting[0]] : nil
    }

    /// The kinds (singular first words of the names) of the cart's lines and of the products
    /// the message names by their kind ("caretas"; not "dieléctricos" of "cascos dieléctricos").
    func hosts(_ turn: TurnContext) -> Set<String> {
        var hosts = Set(turn.state.cart.lines.compactMap { ProductWords.of($0.name).first.map(SpanishWords.singular) })
        for word in turn.message.texts.prefix(Self.maxSearchedWords * 4) where isCatalogHead(word) {
            hosts.insert(SpanishWords.singular(word))
        }
        return hosts
    }

    /// Another product than `product` the words name better: the search's match when the
    /// words say its whole name and, of the two, the matcher takes it ("completamos con 8
    /// chalecos reflectivos" beside the "Chaleco alta visibilidad" in the cart or on offer:
    /// both are chalecos, the words are the other one's name). Nil when `product` has every
    /// word, or the search finds nothing better ("los protectores de rodilla para trabajo
    /// pesado son 6" still names the Rodillera in the cart).
    func betterNamed(_ words: [String], than product: Product, _ turn: TurnContext) async throws -> Product? {
        let named = WordForms.contentWords(words).filter { !Self.referringWords.contains($0) }
        guard !named.isEmpty, !ProductMatcher.coversAll(named, product) else { return nil }
        var scratch = turn
        guard case .match(let found) = try await resolve(words, &scratch), found.id != product.id,
            Self.saysWholeName(named, found),
            case .match(let chosen) = ProductMatcher.resolve(named, among: [product, found]), chosen.id == found.id
        else { return nil }
        return found
    }

    /// Every word of the product's name is among the customer's words ("Detector gas" in
    /// "detector de gas pa la casa"), for a name of two words or more.
    static func saysWholeName(_ content: [String], _ product: Product) -> Bool {
        let name = ProductWords.of(product.name)
        return name.count >= 2 && name.allSatisfy { word in content.contains { WordForms.same($0, word) } }
    }

    /// Words of a message the search is given at most.
    static let maxSearchedWords = 32
    /// Words kept after the last catalog word when a long message is cut.
    static let windowTail = 8

    /// The words of a long message the search reads: all of them (the search takes the first
    /// `maxSearchedWords`), unless the last catalog word comes after those; then the
    /// `maxSearchedWords` that end `windowTail` words after it ("tengo una panadería hace 25
    /// años y el otro día se me prendió la freidora… me dijeron que tenía que tener un
    /// extintor… el clase K": the story before the product is what gets cut, not the
    /// product). One pass from the end.
    static func searchWindow(_ words: [String], isCatalogWord: (String) -> Bool) -> [String] {
        guard words.count > maxSearchedWords, let last = words.lastIndex(where: isCatalogWord),
            last >= maxSearchedWords
        else { return words }
        let end = min(words.count, last + 1 + windowTail)
        return Array(words[(end - maxSearchedWords)..<end])
    }
    /// How far below the best tied option's score an option may be and still be listed.
    static let optionGap = 0.1

    /// The hit the words are surest of: the best score, the retriever's order among equals.
    /// A hit's score is how much of the query its words match, on every retriever; the order
    /// is the retriever's ranking, which with vectors also weighs meaning (so the first hit
    /// need not have the best score): meaning orders the list and breaks ties, the words
    /// decide what is taken without asking.
    static func surest(_ hits: [ProductHit]) -> ProductHit? {
        hits.reduce(nil) { best, hit in
            guard let best else { return hit }
            return hit.score > best.score ? hit : best
        }
    }

    /// The option, of those listed, the words are surest of (the first when none was scored).
    static func surest(_ options: [Product], hits: [ProductHit]) -> Product? {
        let scores = Dictionary(hits.map { ($0.product.id, $0.score) }, uniquingKeysWith: max)
        return options.reduce(nil) { best, option in
            guard let best else { return option }
            return (scores[option.id] ?? 0) > (scores[best.id] ?? 0) ? option : best
        }
    }

    /// The options the plain words tie that the retriever scores close to the best of them:
    /// "cascos" lists the helmets, not "Cascos auditivos" (ear muffs, a kind the search ranks
    /// lower). Unchanged when the retriever scored none of them.
    static func closest(_ options: [Product], hits: [ProductHit]) -> [Product] {
        let scores = Dictionary(hits.map { ($0.product.id, $0.score) }, uniquingKeysWith: max)
        guard options.allSatisfy({ scores[$0.id] != nil }), let best = options.compactMap({ scores[$0.id] }).max()
        else { return options }
        return options.filter { (scores[$0.id] ?? 0) >= best - optionGap }
    }

    /// The retriever's score (share of the query matched) above which its ranking is trusted
    /// for words the matcher does not know.
    static let retrieverConfidence = 0.75
    /// The retriever's score from which its best hit may overrule the plain words' match…
    static let retrieverTrust = 0.6
    /// The score from which hits too weak to be the product meant still answer a question
    /// ("en la rampa la gente se resbala cuando llueve, ¿qué tienen para eso?"), at most
    /// `maxUnsureHits` of them, each at least half the best one's score.
    static let unsureFloor = 0.3
    static let maxUnsureHits = 4
    /// …when it is this far ahead of that match's own score.
    static let retrieverOverrule = 0.15
    /// How far ahead of every other tied option the retriever's best one must be.
    static let retrieverLead = 0.2

    /// The product the retriever, which knows the shop's synonyms (and, with vectors, what
    /// words mean), clearly prefers when the matcher's plain words tie several ("avisos de
    /// extintor": a sign, not the extinguishers; "mascarillas N95": the N95 one): its best
    /// hit or one of the tied options, with a trusted score (`retrieverConfidence` −
    /// `retrieverLead`) ahead of every other tied option's by `retrieverLead`.
    static func clearLeader(_ options: [Product], hits: [ProductHit]) -> Product? {
        var candidates = options
        if let top = surest(hits), !options.contains(where: { $0.id == top.product.id }) {
            candidates.append(top.product)
        }
        let scored = candidates.map { option in (option, hits.first { $0.product.id == option.id }?.score ?? 0) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        guard let best = scored.first, best.1 >= retrieverConfidence - retrieverLead else { return nil }
        let next = scored.count > 1 ? scored[1].1 : 0
        return best.1 - next >= retrieverLead ? best.0 : nil
    }

    /// "¿tienen guantes de vaqueta?", "¿qué guantes tienen?", "¿para qué sirve el cartucho ABEK?".
    func answerProductQuestion(_ turn: inout TurnContext, _ words: Words, asking: Bool) async throws {
        let named = WordForms.contentWords(words.texts)
        guard !named.isEmpty else { return }
        let purpose = turn.reading.has(.askUse)
        if try await answerEachNamed(&turn, words, purpose: purpose) { return }
        let query = Self.query(words, 0..<words.count)
        switch try await resolve(words.texts, &turn) {
        case .match(let product):
            turn.handledProducts = true
            showInfo(product, purpose: purpose, &turn)
            if turn.state.pending == .quantity(productId: product.id), Self.ordersUncounted(turn, words, product) {
                turn.state.quantityOrdered = true
            }
        case .ambiguous(let options):
            turn.handledProducts = true
            let exact =
                options.contains { ProductMatcher.coversAll(named, $0) }
                || named.allSatisfy { word in options.allSatisfy { Self.mentions($0, word) } }
            turn.add(.productList(query: query, options.map(ProductFact.init), exact: exact))
            turn.show(options)
            turn.sideAnswer = true
        case .none(let suggestions):
            guard asking || turn.state.phase == .browsing else { return }
            if suggestions.isEmpty, turn.quietSearch { return }
            // "¿hay suficientes?", "¿tienen en existencia?" right after one product was shown:
            // a short question whose words name nothing we sell (nor anything close) asks
            // about that product.
            if suggestions.isEmpty, turn.state.focus.count == 1,
                turn.message.isQuestion || turn.message.original.contains("?"),
                named.count <= Self.maxListedQuestionWords, try await answerAboutShown(&turn)
            {
                return
            }
            // "tienen algo pa q la gente no se resbale en las escaleras? en el hotel se nos
            // cayó una señora…": the question asked beside a story is searched alone when the
            // whole message finds nothing.
            if suggestions.isEmpty, turn.unsureHits.isEmpty, let asked = Self.askedSentence(words) {
                return try await answerProductQuestion(&turn, asked, asking: true)
            }
            turn.handledProducts = true
            // A question, or a request for "algo", whose words the search placed only loosely
            // (a need told as a story): what it found is offered, not "no lo manejamos".
            if suggestions.isEmpty, asking || Self.asksForSomething(words.texts), !turn.unsureHits.isEmpty {
                turn.add(.productList(query: query, turn.unsureHits.map(ProductFact.init), exact: false))
                turn.show(turn.unsureHits)
                turn.sideAnswer = true
                return
            }
            turn.add(.notFound(query: query, suggestions: suggestions.map(ProductFact.init)))
            turn.show(suggestions)
            turn.sideAnswer = true
        }
    }

    /// "¿qué precio tienen el casco dieléctrico y los guantes dieléctricos?": a question that
    /// names products on each side of "y", each one found on its own, is answered for each
    /// (all of them shown, so "2 de cada uno" can follow). False otherwise.
    func answerEachNamed(_ turn: inout TurnContext, _ words: Words, purpose: Bool) async throws -> Bool {
        // "¿Tienen overol ignífugo, bota de soldador y guante para calor?": each product said
        // between "y" or a mark; a piece naming no catalog word ("buenas", "tienen") goes with
        // the next one.
        var pieces: [[String]] = [[]]
        // Pieces opened by a mark that say which one the piece before is ("unas botas de
        // soldador, de cuero", "guantes, los de nitrilo"): no kind of product of their own.
        var describing: Set<Int> = []
        for word in words.words {
            if word.text == "y" || word.text == "e" {
                pieces.append([])
                continue
            }
            if word.afterMark, !pieces[pieces.count - 1].isEmpty { pieces.append([]) }
            if word.afterMark, pieces.count > 1, pieces[pieces.count - 1].isEmpty {
                describing.insert(pieces.count - 1)
            }
            pieces[pieces.count - 1].append(word.text)
        }
        var parts: [[String]] = []
        var carried: [String] = []
        for (index, piece) in pieces.enumerated() {
            if describing.contains(index), carried.isEmpty, !parts.isEmpty, Self.saysWhichOne(piece),
                !piece.contains(where: isCatalogHead)
            {
                parts[parts.count - 1] += piece
                continue
            }
            carried += piece
            if piece.contains(where: isCatalogWord) {
                parts.append(carried)
                carried = []
            }
        }
        if !carried.isEmpty {
            if parts.isEmpty { parts = [carried] } else { parts[parts.count - 1] += carried }
        }
        parts = parts.filter { !WordForms.contentWords($0).isEmpty }
        guard (2...Self.maxEach).contains(parts.count) else { return false }
        var scratch = turn
        var found: [Product] = []
        for part in parts {
            guard case .match(let product) = try await resolve(part, &scratch),
                !found.contains(where: { $0.id == product.id })
            else { return false }
            found.append(product)
        }
        turn = scratch
        turn.handledProducts = true
        turn.sideAnswer = true
        // Variants of one kind ("gafas transparentes y gafas antiempañantes") are listed, to
        // be compared or picked ("las segundas"), as a question about one kind is.
        let kinds = Set(found.compactMap { ProductWords.of($0.name).first })
        if kinds.count < found.count {
            turn.add(.productList(query: Self.query(words, 0..<words.count), found.map(ProductFact.init), exact: true))
        } else {
            for product in found { turn.add(.productInfo(ProductFact(product), purpose: purpose)) }
        }
        turn.show(found)
        turn.state.remember(found.map(\.id))
        return true
    }

    /// "y unas botas de soldador", "necesito unos guantes de carnaza": a product asked for
    /// without a count, not asked about: no question, and the product's kind named in the
    /// message right after an indefinite article ("Necesitamos pedir insumos de
    /// bioseguridad" names no kind of the botiquín found for it; "y filtros de repuesto pa
    /// esas, …, dame 8" may be the count's own product, split from it).
    static func ordersUncounted(_ turn: TurnContext, _ words: Words, _ product: Product) -> Bool {
        guard !turn.message.isQuestion, !words.isQuestion, !(turn.reading.intent?.asksAboutProducts ?? false),
            let kind = ProductWords.of(product.name).first.map(SpanishWords.singular)
        else { return false }
        let said = turn.message.texts
        return said.indices.dropFirst().contains { index in
            indefiniteArticles.contains(said[index - 1]) && SpanishWords.singular(said[index]) == kind
        }
    }

    static let indefiniteArticles: Set<String> = ["un", "una", "unos", "unas"]

    /// A piece that opens with "de" or "que" ("de cuero", "que aguanten calor"), or as
    /// `ItemExtractor.opensDescription` reads it ("las de nitrilo", "esos de espumita"): it
    /// describes a product named before it.
    static func saysWhichOne(_ piece: [String]) -> Bool {
        guard let first = piece.first else { return false }
        return ["de", "del", "que", "q"].contains(first) || ItemExtractor.opensDescription(piece)
    }

    /// Questions about the products just listed: "¿y esos a cómo?", "¿cuál es más
    /// económico?", "el segundo". True when the message was one.
    func answerAboutListed(_ turn: inout TurnContext) async throws -> Bool {
        let reading = turn.reading
        let named = WordForms.contentWords(reading.productText.texts).filter {
            !Self.referringWords.contains($0) && !ListChoice.vocabulary.contains($0)
                && !reading.questionWords.contains($0)
        }
        let focus = try await products(turn.state.focus).filter(\.active)
        guard !focus.isEmpty, named.isEmpty else { return false }
        if let choice = reading.choice, let product = Self.pick(choice, among: focus) {
            turn.handledProducts = true
            showInfo(product, purpose: false, &turn)
            return true
        }
        guard reading.intent?.asksAboutProducts == true || reading.intent == .choose else { return false }
        return try await answerAboutShown(&turn, purpose: reading.has(.askUse))
    }

    /// The most words a question about the products shown has ("¿hay suficientes?").
    static let maxListedQuestionWords = 3

    /// The products shown last, again (price and stock); false when none were shown.
    func answerAboutShown(_ turn: inout TurnContext, purpose: Bool = false) async throws -> Bool {
        let focus = try await products(turn.state.focus).filter(\.active)
        guard !focus.isEmpty else { return false }
        turn.handledProducts = true
        turn.sideAnswer = true
        if focus.count == 1 {
            showInfo(focus[0], purpose: purpose, &turn)
        } else {
            turn.add(.listed(focus.map(ProductFact.init)))
            turn.show(focus)
        }
        return true
    }

    /// The product of `options` a list choice names.
    static func pick(_ choice: ListChoice, among options: [Product]) -> Product? {
        switch choice {
        case .position(let position): return options.indices.contains(position - 1) ? options[position - 1] : nil
        case .last: return options.last
        case .cheapest: return options.min { ($0.price, $0.id) < ($1.price, $1.id) }
        case .dearest: return options.max { ($0.price, -$0.id) < ($1.price, -$1.id) }
        case .price(let price):
            let close = options.filter { abs($0.price - price) <= max(500, price / 20) }
            return close.count == 1 ? close[0] : nil
        }
    }

    static func mentions(_ product: Product, _ word: String) -> Bool {
        WordForms.contentWords(product.name + " " + product.description).contains { WordForms.same($0, word) }
    }

    /// Whether the words ask for "algo", "una cosa", "un aparato"… (a need told instead of a
    /// product: "necesito algo pa que la gente no se resbale").
    static func asksForSomething(_ words: [String]) -> Bool {
        words.contains { QueryUnderstanding.somethingWords.contains($0) }
    }

    /// The sentence that asks (up to the first "?", from the sentence end before it), when
    /// other words are around it and it names something; nil otherwise. One pass.
    static func askedSentence(_ words: Words) -> Words? {
        let characters = Array(words.original)
        guard let mark = characters.firstIndex(of: "?") else { return nil }
        var start = mark
        while start > 0, !".!?\n".contains(characters[start - 1]) { start -= 1 }
        let asked = Words(String(characters[start..<mark]))
        guard asked.count < words.count, !WordForms.contentWords(asked.texts).isEmpty else { return nil }
        return asked
    }

    /// The customer's own words for a product, for replies ("chalecos", "guantes de vaqueta"),
    /// without the request around them.
    static func query(_ words: Words, _ range: Range<Int>) -> String {
        var from = range.lowerBound
        var to = range.upperBound
        let skip = { (word: String) in
            CommonWords.fillers.contains(word) || word == "$" || CommonWords.questionOpeners.contains(word)
        }
        while from < to, skip(words[from]) { from += 1 }
        while to > from, skip(words[to - 1]) { to -= 1 }
        return words.originalText(from..<to)
    }

    func showInfo(_ product: Product, purpose: Bool, _ turn: inout TurnContext) {
        turn.add(.productInfo(ProductFact(product), purpose: purpose))
        turn.show([product])
        turn.sideAnswer = true
        if turn.state.phase == .browsing, product.available, turn.state.cart.quantity(of: product.id) == 0 {
            turn.add(.askHowMany(ProductFact(product)))
            turn.state.pending = .quantity(productId: product.id)
            turn.state.quantityOrdered = nil
        }
    }
}
