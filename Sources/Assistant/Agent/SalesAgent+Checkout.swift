import Shop

// The checkout form (Rasa-style slot filling) and the order placement.
extension SalesAgent {
    func handleCheckout(_ turn: inout TurnContext, extraction: CheckoutFieldExtractor.Extraction?) async throws {
        let words = turn.message
        var started = false
        if turn.state.phase == .browsing {
            let strong = extraction.map(Self.isStrongData) ?? false
            let proceed =
                !turn.cartChanged && !turn.handledProducts && !turn.sideAnswer && turn.state.pending == nil
                && (isDone(words) || (turn.state.askedToProceed && (isYes(words) || isNo(words))))
            guard strong || proceed else { return }
            guard !turn.state.cart.isEmpty else {
                if proceed { turn.add(.emptyCart) }
                return
            }
            turn.state.phase = .checkout
            turn.state.pending = nil
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
        if case .returningClient(let idNumber) = turn.state.pending {
            turn.state.pending = nil
            if isYes(words), let stored = try await storedClient(idNumber) {
                useStored(stored, &turn, except: Set(extraction?.values.keys ?? [:].keys))
            }
        }
        if let extraction { fill(extraction, &turn) }
        try await offerStoredData(&turn)
        if case .returningClient = turn.state.pending { return }

        let form = turn.state.form
        if turn.state.phase == .review, turn.slotsChanged.isEmpty, turn.invalidSlots.isEmpty, !turn.cartChanged,
            !turn.handledProducts
        {
            if isYes(words), !isNo(words) {
                try await placeOrder(&turn)
                return
            }
            if isNo(words), !turn.sideAnswer {
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

    func addSummary(_ turn: inout TurnContext) {
        guard let client = turn.state.form.client else { return }
        let cart = turn.state.cart
        turn.add(.summary(cart.lines.map(LineFact.init), total: cart.total, client))
    }

    /// Validated values from the message; an invalid one is reported and asked again.
    func fill(_ extraction: CheckoutFieldExtractor.Extraction, _ turn: inout TurnContext) {
        let words = turn.message
        for slot in CheckoutSlot.allCases {
            guard let raw = extraction.values[slot] else { continue }
            set(slot, raw, &turn)
        }
        if words.containsAny(phrases: ["no tengo correo", "sin correo", "no tengo email", "no uso correo"]),
            turn.state.form[.email] == nil
        {
            turn.state.form.decline(.email)
            turn.slotsChanged.insert(.email)
        }
        guard let requested = turn.state.form.requested, extraction.values.isEmpty, !turn.handledProducts,
            !turn.sideAnswer, !words.isQuestion, turn.state.form[requested] == nil || turn.state.phase == .checkout
        else { return }
        if requested.isOptional, isNo(words) {
            turn.state.form.decline(requested)
            turn.slotsChanged.insert(requested)
        } else if let text = extraction.freeText, !text.isEmpty, !isYes(words) || requested == .notes,
            !isNo(words)
        {
            set(requested, text, &turn)
        }
    }

    func set(_ slot: CheckoutSlot, _ raw: String, _ turn: inout TurnContext) {
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
        try await database.perform { try $0.client(idNumber: idNumber) }
    }

    /// A cédula we know: offer the stored data instead of asking for it all again.
    func offerStoredData(_ turn: inout TurnContext) async throws {
        guard turn.slotsChanged.contains(.idNumber), let idNumber = turn.state.form[.idNumber],
            turn.state.form.offeredIdNumber != idNumber, !turn.state.form.isComplete,
            let stored = try await storedClient(idNumber)
        else { return }
        turn.state.form.offeredIdNumber = idNumber
        turn.state.pending = .returningClient(idNumber: idNumber)
        turn.add(.returningClient(stored.details))
    }

    /// The customer accepted their stored data: it fills every slot still empty.
    func useStored(_ stored: Client, _ turn: inout TurnContext, except given: Set<CheckoutSlot>) {
        let details = stored.details
        let values: [(CheckoutSlot, String?)] = [
            (.name, details.name), (.phone, details.phone), (.email, details.email),
            (.address, details.address), (.neighborhood, details.neighborhood), (.notes, details.notes),
        ]
        for (slot, value) in values where turn.state.form[slot] == nil && !given.contains(slot) {
            turn.state.form.keep(slot, value)
            turn.slotsChanged.insert(slot)
        }
    }

    /// Places the order (idempotent by the cart's key) and tells the customer its number and
    /// total, or why it could not be placed, with the cart brought within the stock.
    func placeOrder(_ turn: inout TurnContext) async throws {
        guard let client = turn.state.form.client, !turn.state.cart.isEmpty else { return }
        let request = OrderRequest(chatId: turn.chatId, client: client, items: turn.state.cart.orderLines)
        let outcome = try await placer.place(
            request, key: turn.state.orderKey(chatId: turn.chatId), attempt: turn.state.placementAttempts)
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
