import Shop

// What a customer shares without typing (Telegram): their own contact fills the phone, a
// location is kept with the delivery indications. The channel already checked that a
// contact is the sender's own.
extension SalesAgent {
    /// A turn whose message is only shared data: it is kept, and the checkout goes on from
    /// where it was (the next question, or the summary again once everything is there).
    func respondToShared(_ message: CustomerMessage, _ turn: inout TurnContext) async throws {
        if let phone = message.sharedPhone {
            set(.phone, phone, &turn)
            if turn.slotsChanged.contains(.phone) || turn.state.form[.phone] != nil, turn.invalidSlots.isEmpty {
                turn.add(.sharedKept(.phone))
            }
        }
        if let location = message.sharedLocation {
            let kept = String(location.prefix(Self.maxLocationCharacters))
            if turn.state.form.location != kept {
                turn.state.form.location = kept
                if turn.state.phase == .review { turn.slotsChanged.insert(.notes) }
            }
            turn.add(.sharedKept(.location))
        }
        if turn.state.phase == .browsing || turn.state.cart.isEmpty {
            // Kept for later; the question asked before (if any) stays open.
            if turn.state.phase == .browsing, !turn.state.cart.isEmpty, turn.state.pending == nil {
                turn.add(.askProceed)
            }
            return
        }
        if case .returningClient = turn.state.pending { return }
        if turn.state.form.isComplete {
            let review = turn.state.phase == .review
            turn.state.phase = .review
            if !review || !turn.slotsChanged.isEmpty || !turn.invalidSlots.isEmpty { addSummary(&turn) }
            return
        }
        turn.state.phase = .checkout
        let next = turn.invalidSlots.first ?? turn.state.form.missing[0]
        turn.state.form.requested = next
        turn.add(.askSlot(next, resumed: false))
    }

    /// The longest location text kept (coordinates and a venue's name and address).
    static let maxLocationCharacters = 200
}
