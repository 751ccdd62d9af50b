import Shop

extension AgentTurn {
    /// The answers the reply can offer as buttons, from the question it ends with: the
    /// open question (`pending`) first, then the order's confirmation, then the phone.
    /// Nil when the reply asks nothing a button can answer.
    public var options: ReplyOptions? {
        switch state.pending {
        case .quantity(let productId):
            let stock = facts.items.lazy.compactMap { fact -> Int? in
                if case .askHowMany(let product) = fact, product.id == productId { return product.stock }
                return nil
            }.first
            return Self.quantityOptions(stock: stock)
        case .stockOffer, .stockOffers, .returningClient:
            return ReplyOptions(kind: .yesNo, choices: [ReplyChoice("Sí", .yes), ReplyChoice("No", .no)])
        case .choice: return nil
        case nil: break
        }
        if state.phase == .review, facts.items.contains(where: Self.asksToConfirm) {
            return ReplyOptions(
                kind: .confirmOrder,
                choices: [
                    ReplyChoice("Confirmar pedido", .yes), ReplyChoice("Cambiar algo", .no),
                    ReplyChoice("Cancelar pedido", .cancel),
                ])
        }
        if state.phase == .checkout, state.form.requested == .phone, state.form[.phone] == nil {
            return ReplyOptions(kind: .phone, choices: [])
        }
        return nil
    }

    /// The quantities offered for "¿Cuántas unidades necesita?": a few usual ones within the
    /// stock (all of it when it is small).
    static func quantityOptions(stock: Int?) -> ReplyOptions? {
        let limit = min(stock ?? ReplyAction.maxQuantity, ReplyAction.maxQuantity)
        guard limit >= 1 else { return nil }
        var counts = [1, 2, 3, 5, 10].filter { $0 <= limit }
        if limit < 10, !counts.contains(limit) { counts.append(limit) }
        return ReplyOptions(kind: .quantity, choices: counts.map { ReplyChoice("\($0)", .quantity($0)) })
    }

    static func asksToConfirm(_ fact: ReplyFact) -> Bool {
        switch fact {
        case .summary, .askConfirm, .clarify(.confirmOrder): true
        default: false
        }
    }
}
