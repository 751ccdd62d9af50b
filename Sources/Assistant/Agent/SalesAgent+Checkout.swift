import Shop
import SpanishText

// The checkout form (Rasa-style slot filling) and the order placement.
extension SalesAgent {
    func handleCheckout(_ turn: inout TurnContext) async throws {
        let reading = turn.reading
        var started = false
        var enteringCheckout = false
        if turn.state.phase == .browsing, reading.data.volunteered {
            // Labelled data given while shopping waits in the form; the shopping goes on.
            keepInForm(reading.data, &turn)
            return
        }
        if turn.state.phase == .browsing {
            // Data the reader took as data: clearly so, or volunteered with a cart and no product.
            let strong = reading.data.isStrong || (!turn.state.cart.isEmpty && !reading.data.values.isEmpty)
            // "4 overoles, eso es todo": a message may add and close at once, when adding
            // raised no question (stock, which product).
            let calm = !turn.sideAnswer && turn.state.pending == nil
            let proceed =
                calm
                && ((!turn.cartChanged && !turn.handledProducts
                    && (turn.proceeds || (turn.state.askedToProceed && (turn.affirms || turn.denies))))
                    || (turn.cartChanged && turn.proceeds))
            guard strong || proceed else { return }
            // "Soy Jhon Fredy…, cédula 1118…. Quiero 2 detectores y 3 arneses": data beside
            // products whose question (which one, how many, the stock) this very turn asked.
            // The question waits for its answer (the checkout would drop it, and the line with
            // it); the data waits in the form.
            if !proceed, turn.handledProducts, let pending = turn.state.pending, !pending.isReturningClient {
                keepInForm(reading.data, &turn)
                return
            }
            // "eso es todo" with a question still open: the line is not lost. A choice is
            // settled beside other lines (alone, the options are shown again); "¿cuántas?" left
            // for the go-ahead takes one unit (asked again, it was asked for ever).
            switch turn.unansweredChoice {
            case .choice(let options, let amount?, let pairs) where !turn.state.cart.isEmpty:
                try await settleChoice(
                    options, quantity: amount, pairs: pairs, preferred: turn.state.choiceDefault, &turn)
            case .quantity(let id) where proceed && !turn.denies:
                try await settleQuantity(id, &turn)
            default:
                break
            }
            guard !turn.state.cart.isEmpty else {
                if strong {
                    noteEarlyData(&turn)
                } else if proceed {
                    turn.proceededOnEmptyCart = true
                    turn.add(.emptyCart)
                }
                return
            }
            turn.state.phase = .checkout
            turn.state.pending = nil
            enteringCheckout = true
            if !strong, !turn.state.form.isComplete {
                turn.add(.checkoutStart(missing: turn.state.form.missing))
                started = true
            }
        }
        guard !turn.state.cart.isEmpty else {
            turn.state.phase = .browsing
            turn.add(.emptyCart)
            return
        }
        // The offer is settled here, even when the record has gone since (the chat goes on as new).
        let offer = turn.state.pending
        if case .returningClient = offer { turn.state.pending = nil }
        if case .returningClient(let idNumber) = offer, let stored = try await storedClient(idNumber) {
            // "la dirección sí es la misma": a labelled value that only says it stays.
            turn.reading.data.values = turn.reading.data.values.filter { !CheckoutFieldExtractor.meansSame($0.value) }
            let given = Set(turn.reading.data.values.keys)
            // The offer says "responda «sí», o dígame qué cambiar": a change with the rest
            // kept ("cambié de número: 318…, lo demás igual") takes the record too.
            let keeps = CheckoutFieldExtractor.keepsStored(turn.message) && !reading.is(.deny)
            if turn.proceeds, !turn.affirms, !keeps, given.isEmpty {
                // "nada más" answers the earlier "¿algo más?", not the offer: asked again.
                turn.state.pending = .returningClient(idNumber: idNumber)
                turn.add(.returningClient(StoredClientHint(stored.details)))
                return
            }
            // "sí, pero el celular cambió, ahora es 320…", "los datos sí, pero ya no vivo allá…":
            // a yes that opens the answer, with the field it changes, keeps the rest.
            let opensYes =
                !given.isEmpty && (Self.yesWords.contains(turn.message.at(0)) || Self.yesBut(turn.message))
            // A field said to have changed is the "dígame qué cambiar" the offer asks for ("los
            // datos están bien pero cambió la dirección: …"): the rest is kept too. A bare value
            // goes on with the form (the record is not taken).
            let changesSome =
                !given.isEmpty && !turn.denies
                && turn.message.texts.contains { $0.hasPrefix("cambi") || Self.changeWords.contains($0) }
            if turn.affirms || keeps || opensYes || changesSome || (reading.has(.correctField) && !turn.denies) {
                useStored(stored, &turn, except: given)
            }
        }
        declineNotesOnGoAhead(&turn)
        fill(&turn)
        try await offerStoredData(&turn, enteringCheckout: enteringCheckout)
        if case .returningClient = turn.state.pending { return }
        // "Sí, confirmo" to the stored data: the order is confirmed with them; with nothing
        // missing it is placed (the offer showed the data, the cart was shown as it grew).
        if case .returningClient = offer, turn.affirms, !turn.denies, turn.state.form.isComplete,
            turn.reading.data.values.isEmpty, !turn.cartChanged, !turn.handledProducts,
            turn.message.texts.contains(where: { $0.hasPrefix("confirm") })
        {
            try await placeOrder(&turn)
            return
        }

        let form = turn.state.form
        if turn.state.phase == .review, turn.slotsChanged.isEmpty, turn.invalidSlots.isEmpty, !turn.cartChanged,
            !turn.handledProducts
        {
            if (turn.affirms || turn.proceeds) && !turn.denies {
                try await placeOrder(&turn)
                return
            }
            if turn.denies, !turn.sideAnswer {
                turn.add(.askWhatToChange)
                return
            }
        }
        if form.isComplete {
            if turn.state.phase != .review || !turn.slotsChanged.isEmpty || turn.cartChanged {
                turn.state.phase = .review
                addSummary(&turn)
            } else if turn.sideAnswer {
                turn.add(.askConfirm)
            } else if turn.facts.isEmpty {
                addSummary(&turn)
            }
            return
        }
        turn.state.phase = .checkout
        let next = turn.invalidSlots.first ?? form.missing[0]
        turn.state.form.requested = next
        if !started { turn.add(.askSlot(next, resumed: turn.sideAnswer && turn.invalidSlots.isEmpty)) }
    }

    /// "¿Alguna indicación para la entrega?" answered "sí, confirmo" or "correcto, procedan":
    /// the customer wants to go on, so there is none (the summary still asks to confirm).
    func declineNotesOnGoAhead(_ turn: inout TurnContext) {
        guard turn.state.phase == .checkout, turn.state.pending == nil, turn.state.form.requested == .notes,
            turn.state.form[.notes] == nil, turn.reading.data.values.isEmpty, !turn.message.original.contains("?"),
            (turn.affirms || turn.proceeds) && !turn.denies, !turn.handledProducts, !turn.cartChanged
        else { return }
        turn.state.form.decline(.notes)
        turn.slotsChanged.insert(.notes)
    }

    /// Data sent before any product ("C.C. 52 361 076", a labelled block): kept in the form
    /// for the checkout to come (it asks only what is still missing), never read as products
    /// or quantities; a question asked before (which product) stays open.
    func noteEarlyData(_ turn: inout TurnContext) {
        fill(&turn)
        let noted = CheckoutSlot.allCases.filter { turn.slotsChanged.contains($0) && turn.state.form[$0] != nil }
        guard !noted.isEmpty else { return }
        turn.dataNoted = true
        turn.add(.dataNoted(noted))
    }

    /// Data said while shopping waits in the form (valid values of fields still empty).
    func keepInForm(_ data: CheckoutFieldExtractor.Extraction, _ turn: inout TurnContext) {
        for (slot, raw) in data.values where turn.state.form[slot] == nil {
            _ = try? turn.state.form.fill(slot, raw)
        }
    }

    func addSummary(_ turn: inout TurnContext) {
        guard let client = turn.state.form.shownClient else { return }
        let cart = turn.state.cart
        turn.add(.summary(cart.lines.map(LineFact.init), total: cart.total, client))
    }

    /// Validated values from the message; an invalid one is reported and asked again.
    func fill(_ turn: inout TurnContext) {
        defer { placeRuralNeighborhood(&turn) }
        let reading = turn.reading
        let extraction = reading.data
        // "el apto es 301 no 310", "la dirección es interior 102, no 201": one part of a value
        // given, not the whole value again.
        if let (slot, value) = turn.swap,
            extraction.values[slot].map({ (try? CheckoutForm.validate(slot, $0)) == nil }) ?? true
        {
            set(slot, value, &turn)
            return
        }
        for slot in CheckoutSlot.allCases {
            guard let raw = extraction.values[slot] else { continue }
            // A company's NIT said beside a question about the invoice does not replace the
            // cédula given.
            if slot == .idNumber, extraction.companyId, turn.state.form[.idNumber] != nil { continue }
            set(slot, raw, &turn)
        }
        for slot in reading.declined where turn.state.form[slot] == nil || slot == turn.state.form.requested {
            turn.state.form.decline(slot)
            turn.slotsChanged.insert(slot)
        }
        // At the summary, a delivery note ("y que timbren en el apto 302") is the note.
        if turn.state.phase == .review, extraction.values.isEmpty, !turn.affirms, !turn.denies, !turn.cartChanged,
            !turn.message.original.contains("?"), let note = Self.noteAtReview(turn.message)
        {
            set(.notes, note, &turn)
            return
        }
        // "Que lo reciba la bacterióloga. ¿A qué hora entregan?" to "¿alguna indicación?": the
        // note said before the question is the note; the question is answered too.
        if !turn.answersSlot, turn.state.phase == .checkout, turn.state.form.requested == .notes,
            turn.state.form[.notes] == nil, extraction.values.isEmpty,
            let note = Self.statementBeforeQuestion(turn.message.original),
            CheckoutFieldExtractor.isNote(Words(note))
        {
            set(.notes, note, &turn)
            return
        }
        // The plain answer to the slot just asked ("San Fernando", "llamar antes de llegar").
        guard turn.answersSlot, let requested = turn.state.form.requested, let text = extraction.freeText else {
            return
        }
        if !Self.hasShape(requested, text), let other = Self.otherSlot(for: text, turn.state.form) {
            // Not of the asked field's shape: the customer moved on to another field
            // ("Salomia", "Juan Pérez", "que lo dejen en la portería").
            set(other, text, &turn)
            return
        }
        set(requested, text, &turn)
    }

    /// "la finca El Diviso en el km 12 de la vía a Remolino, vereda La Aurora" as the address
    /// just given, with no barrio known: the vereda stands where a barrio would
    /// (`CheckoutFieldExtractor.ruralPlace`), so it is not asked for again.
    func placeRuralNeighborhood(_ turn: inout TurnContext) {
        guard turn.slotsChanged.contains(.address), turn.state.form[.neighborhood] == nil,
            !turn.state.form.declined.contains(.neighborhood), let address = turn.state.form[.address],
            let (rest, place, note) = CheckoutFieldExtractor.ruralPlace(in: address)
        else { return }
        set(.address, rest, &turn)
        set(.neighborhood, place, &turn)
        if let note, turn.state.form[.notes] == nil { set(.notes, note, &turn) }
    }

    /// A correction of one part of a value already in the form: "A no B", "A, no B" or "no B
    /// sino A", where B holds a digit and is a word of exactly one field's value, and A has a
    /// digit too. That field's value with B replaced by A; nil otherwise.
    static func swappedPart(_ message: Words, _ form: CheckoutForm) -> (CheckoutSlot, String)? {
        func hasDigit(_ word: String) -> Bool { word.contains(where: \.isNumber) }
        guard message.count >= 3, message.count <= maxSwapWords else { return nil }
        let characters = Array(message.original)
        func character(_ offset: Int) -> Character { characters.indices.contains(offset) ? characters[offset] : " " }
        // A whole piece, not the end of "8-45" or the "No." of a number.
        func alone(_ index: Int) -> Bool {
            let range = message.words[index].range
            return !"-/.#".contains(character(range.lowerBound - 1)) && !"-/".contains(character(range.upperBound))
        }
        for index in 0..<message.count - 1
        where message[index] == "no" && character(message.words[index].range.upperBound) != "." {
            var pair: (new: Int, old: Int)?
            if index > 0, hasDigit(message[index - 1]), hasDigit(message[index + 1]) {
                pair = (index - 1, index + 1)
            } else if index + 3 < message.count, hasDigit(message[index + 1]), message[index + 2] == "sino",
                hasDigit(message[index + 3])
            {
                pair = (index + 3, index + 1)
            }
            guard let (new, old) = pair, message[new] != message[old], alone(new), alone(old) else { continue }
            let oldText = message.originalText(old..<old + 1)
            let newText = message.originalText(new..<new + 1)
            let holders = CheckoutSlot.allCases.compactMap { slot -> (CheckoutSlot, String, Words.Word)? in
                guard let value = form[slot] else { return nil }
                let words = Words(value)
                let found = words.words.filter { $0.text == message[old] }
                return found.count == 1 ? (slot, value, found[0]) : nil
            }
            guard holders.count == 1, let (slot, value, word) = holders.first, oldText.count == word.range.count
            else { continue }
            var characters = Array(value)
            characters.replaceSubrange(word.range, with: Array(newText))
            return (slot, String(characters))
        }
        return nil
    }

    /// Longer messages are no correction of one part ("no" among other things said).
    static let maxSwapWords = 14

    /// The sentences before the first question of a message that has one ("Dejar en portería.
    /// ¿Entregan hoy?" → "Dejar en portería"), trimmed; nil when it opens with the question.
    static func statementBeforeQuestion(_ text: String) -> String? {
        guard let mark = text.firstIndex(where: { $0 == "?" || $0 == "¿" }) else { return nil }
        var before = text[..<mark]
        // The question's own words before a "?" without "¿" ("…portería. entregan hoy?").
        if text[mark] == "?", let stop = before.lastIndex(where: { ".!\n".contains($0) }) {
            before = before[..<stop]
        } else if text[mark] == "?" {
            return nil
        }
        let statement = CheckoutFieldExtractor.trimmed(String(before))
        return statement.isEmpty ? nil : statement
    }

    /// A message that is only a delivery note, without a leading "y", "ah", "también".
    static func noteAtReview(_ message: Words) -> String? {
        var start = 0
        while start < min(message.count, 2),
            ["y", "e", "ah", "tambien", "ademas", "eso", "si"].contains(message[start])
        {
            start += 1
        }
        let rest = message.originalText(start..<message.count)
        guard !rest.isEmpty, CheckoutFieldExtractor.isNote(Words(rest)) else { return nil }
        return CheckoutFieldExtractor.trimmed(rest)
    }

    /// Whether the message is the plain answer to the slot just asked: nothing in it reads as
    /// labelled or shaped data, and it is not a yes or no, a question, a request or a
    /// greeting (delivery notes are free text, so only a clear intent excludes them).
    static func answersSlot(_ turn: TurnContext) -> Bool {
        let reading = turn.reading
        // An answer to the stored-data offer that is not a yes or no is the field asked next.
        guard turn.state.phase == .checkout, turn.state.pending?.isReturningClient ?? true,
            let requested = turn.state.form.requested,
            turn.state.form[requested] == nil, reading.data.values.isEmpty, reading.declined.isEmpty,
            let text = reading.data.freeText, !text.isEmpty
        else { return false }
        // A delivery note given while another field is asked ("que lo dejen en la portería"
        // after "¿su correo?") is that note, never a product search nor a question.
        let note =
            requested != .notes && turn.state.form[.notes] == nil && !Self.hasShape(requested, text)
            && CheckoutFieldExtractor.isNote(Words(text))
        let question =
            turn.message.isQuestion && requested != .notes && !note || turn.message.original.contains("?")
        // "sí, a la misma dirección" takes the record; its words are not the next field.
        guard !question, !(turn.state.pending?.isReturningClient == true && (turn.affirms || turn.denies)) else {
            return false
        }
        // "Súmele una manta ignífuga para la cocina" while the cédula is asked: a product
        // asked for, in words of no shape of the field, orders it; so does a product counted
        // ("cuerda de poliéster, nueve unidades") while a name or barrio is asked.
        if !reading.items.isEmpty,
            !Self.hasShape(requested, text)
                || ([.name, .neighborhood].contains(requested)
                    && reading.items.contains { $0.named && $0.quantity != nil })
        {
            return false
        }
        guard let intent = reading.intent else { return true }
        if note, !intent.isAnswer { return true }
        // "entrar por la portería de la 13, al laboratorio de química": a note that names a
        // product answers "¿alguna indicación?"; it changes no line.
        // "es el lavadero Brillo Total, al lado de la estación": a place described, whatever
        // its words ("total") would ask elsewhere.
        if requested == .notes, !intent.isAnswer,
            CheckoutFieldExtractor.isNote(Words(text)) || CheckoutFieldExtractor.describesPlace(Words(text))
        {
            return true
        }
        // "Santa Clara" to "¿En qué barrio queda?": a place or a person written as a name is
        // the answer, whatever yes it sounds like ("clara" ≈ "claro").
        if [.name, .neighborhood].contains(requested), ExampleReader.capitalizedName(text) { return true }
        switch intent {
        case .giveData, .correctField: return true
        case .confirm, .deny, .proceed, .cancel, .greet, .thank, .bye, .viewCart: return false
        default:
            if intent.changesCart, !reading.items.isEmpty { return false }
            if intent.companyTopic != nil { return requested == .notes }
            return [.notes, .neighborhood, .name].contains(requested)
        }
    }

    /// Whether `text` has the shape of `slot`'s values: digits for a cédula or phone, an "@"
    /// for an e-mail, a number for an address; free text fits the other slots.
    /// A delivery note of a few words without digits ("que llamen al celular antes porque la
    /// mina queda retirada") has the shape of none of the free slots.
    static func hasShape(_ slot: CheckoutSlot, _ text: String) -> Bool {
        // Read only for the free slots (the shaped ones never need it).
        func isNote(_ words: Words) -> Bool {
            words.count >= minNoteWords && !text.contains(where: \.isNumber) && CheckoutFieldExtractor.isNote(words)
        }
        switch slot {
        case .idNumber, .phone: return text.filter(\.isNumber).count >= 6
        case .email: return text.contains("@")
        case .address:
            let words = Words(text)
            return !isNote(words)
                && (text.contains(where: \.isNumber) || words.containsAny(CheckoutForm.ruralWords)
                    || CheckoutForm.hasNumberWord(text))
        case .name, .neighborhood: return !isNote(Words(text))
        case .notes: return true
        }
    }

    /// The fewest words of a note that answers no other free slot (a barrio may be "La
    /// Portería").
    static let minNoteWords = 4

    /// A field of another shape than the one asked for, still missing in the form: a
    /// delivery note ("que lo dejen en la portería"), a name or a neighbourhood.
    static func otherSlot(for text: String, _ form: CheckoutForm) -> CheckoutSlot? {
        let words = Words(text)
        if form[.notes] == nil, CheckoutFieldExtractor.isNote(words) { return .notes }
        guard !text.contains(where: \.isNumber) else { return nil }
        if form[.name] == nil, CheckoutFieldExtractor.looksLikeName(text), words.count >= 2 { return .name }
        if form[.address] != nil, form[.neighborhood] == nil, CheckoutFieldExtractor.looksLikePlace(words) {
            return .neighborhood
        }
        return nil
    }

    func set(_ slot: CheckoutSlot, _ raw: String, _ turn: inout TurnContext) {
        // "el barrio sí está bien": the value stays.
        if turn.state.form[slot] != nil, CheckoutFieldExtractor.meansSame(raw) { return }
        // "Indicaciones: ninguna", "correo: no tengo": an optional field declined, not a value.
        if slot.isOptional, CheckoutFieldExtractor.meansNone(raw) {
            turn.state.form.decline(slot)
            turn.slotsChanged.insert(slot)
            return
        }
        let before = turn.state.form[slot]
        do {
            let value = try turn.state.form.fill(slot, raw)
            if value != before { turn.slotsChanged.insert(slot) }
        } catch {
            turn.invalidSlots.append(slot)
            turn.add(.invalid(slot, error.message))
        }
    }

    func storedClient(_ idNumber: String) async throws -> Client? {
        try await store.client(idNumber: idNumber)
    }

    /// A cédula we know: its owner may use the stored data instead of typing it all again.
    /// The data is only hinted at (masked), never shown. A retired client (`activo` false,
    /// removed by the shop but kept for its orders) is neither offered nor verified: the
    /// chat goes on as for a new customer, the order keeps the data given, the record stays
    /// as the shop left it.
    /// `enteringCheckout`: the checkout starts with this message, so a cédula given while
    /// shopping is looked up now.
    func offerStoredData(_ turn: inout TurnContext, enteringCheckout: Bool = false) async throws {
        guard let idNumber = turn.state.form[.idNumber],
            turn.slotsChanged.contains(.phone) || turn.slotsChanged.contains(.idNumber) || enteringCheckout,
            let stored = try await storedClient(idNumber), stored.active
        else { return }
        if let phone = turn.state.form[.phone], !turn.state.form.stored.contains(.phone), stored.details.phone == phone
        {
            // Only the client knows the phone on file (typed, not taken from the record).
            turn.state.form.verified = true
        }
        // Offered only when the record fills something the customer still owes besides the
        // delivery notes (those belong to each delivery): a customer who typed everything
        // again is not asked about the record.
        let missing = turn.state.form.missing
        guard turn.slotsChanged.contains(.idNumber) || enteringCheckout, turn.state.form.offeredIdNumber != idNumber,
            Self.storedValues(stored.details).contains(where: { slot, value in
                slot != .notes && missing.contains(slot) && !(value ?? "").isEmpty
            })
        else { return }
        turn.state.form.offeredIdNumber = idNumber
        // The offer replaces the list of fields the checkout would ask for.
        turn.facts.removeAll {
            if case .checkoutStart = $0 { true } else { false }
        }
        if enteringCheckout, CheckoutFieldExtractor.keepsStored(turn.message), !turn.reading.is(.deny) {
            // "eso es todo, y los mismos datos": the record is taken without asking.
            useStored(stored, &turn, except: Set(turn.reading.data.values.keys))
            return
        }
        turn.state.pending = .returningClient(idNumber: idNumber)
        // What the form would have asked next: an answer that is neither yes nor no fills it
        // (a customer who goes on typing their data, "4428877").
        turn.state.form.requested = missing.first { $0 != .notes } ?? missing.first
        turn.add(.returningClient(StoredClientHint(stored.details)))
    }

    /// "los datos sí, pero…", "todo sí pero…": a yes among the first words, then "pero".
    static func yesBut(_ message: Words) -> Bool {
        (0..<min(4, message.count)).contains { message[$0] == "si" && message.at($0 + 1) == "pero" }
    }

    /// Words that say a stored datum changed ("pero ahora es…", "la nueva dirección").
    static let changeWords: Set<String> = ["ahora", "nueva", "nuevo", "pero", "trastee", "mude", "mudamos"]

    /// Words that open a yes ("sí, pero…", "claro, solo que…").
    static let yesWords: Set<String> = ["si", "claro", "listo", "dale", "ok", "bueno", "correcto", "exacto", "sisas"]

    /// The customer accepted their stored data: it fills every slot still empty, and the name
    /// said shorter before ("les escribe Fernando Camacho" for Fernando Camacho Rubio).
    func useStored(_ stored: Client, _ turn: inout TurnContext, except given: Set<CheckoutSlot>) {
        for (slot, value) in Self.storedValues(stored.details)
        where !given.contains(slot)
            && (turn.state.form[slot] == nil
                || (slot == .name && Self.shortens(turn.state.form[.name], value)))
        {
            turn.state.form.keepStored(slot, value)
            turn.slotsChanged.insert(slot)
        }
    }

    /// Whether `short` names the same person as `full` with fewer words: its words, in order,
    /// among the full name's ("Fernando Camacho" of "Fernando Camacho Rubio").
    /// "les escribe Mónica de Plásticos Acopi" for Mónica Patricia Lozada Rincón: what follows
    /// "de" after the first name may be where the person writes from, so the words before it
    /// are compared too.
    static func shortens(_ short: String?, _ full: String?) -> Bool {
        if CheckoutFieldExtractor.extendsName(short, full) { return true }
        guard let short else { return false }
        let words = short.split(separator: " ")
        guard let cut = words.dropFirst().firstIndex(where: { ["de", "del"].contains($0.lowercased()) }) else {
            return false
        }
        return CheckoutFieldExtractor.extendsName(words[..<cut].joined(separator: " "), full)
    }

    /// A stored client's values by the slot they fill (the cédula is the record's key).
    static func storedValues(_ details: ClientDetails) -> [(CheckoutSlot, String?)] {
        [
            (.name, details.name), (.phone, details.phone), (.email, details.email),
            (.address, details.address), (.neighborhood, details.neighborhood), (.notes, details.notes),
        ]
    }

    /// Places the order (idempotent by the cart's key) and tells the customer its number and
    /// total, or why it could not be placed, with the cart brought within the stock.
    func placeOrder(_ turn: inout TurnContext) async throws {
        guard let client = turn.state.form.client, !turn.state.cart.isEmpty else { return }
        let request = OrderRequest(chatId: turn.chatId, client: client, items: turn.state.cart.orderLines)
        // A stored client's record changes only for a customer who proved to be that client.
        let known = try await storedClient(client.idNumber) != nil
        let outcome = try await placer.place(
            request, key: turn.state.orderKey(chatId: turn.chatId), attempt: turn.state.placementAttempts,
            updatesClient: !known || turn.state.form.verified)
        switch outcome {
        case .placed(let id, let total):
            turn.orderId = id
            turn.state.lastOrderId = id
            turn.add(.orderPlaced(id: id, total: total))
            turn.state.startNewCart()
        case .refused(let reason):
            turn.state.placementAttempts += 1
            turn.add(.orderRefused(reason))
            for product in try await products(turn.state.cart.productIds) {
                let wanted = turn.state.cart.quantity(of: product.id)
                guard !product.available || product.stock < wanted else { continue }
                let available = product.available ? product.stock : 0
                if let line = turn.state.cart.set(product, quantity: available) {
                    turn.add(.changed(LineFact(line)))
                } else {
                    turn.add(.removed(product.name))
                }
            }
            if turn.state.cart.isEmpty {
                turn.state.phase = .browsing
                turn.add(.emptyCart)
            } else {
                turn.state.phase = .review
                addSummary(&turn)
            }
        }
    }
}
