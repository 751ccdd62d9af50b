import Shop

// A choice the customer leaves open ("¿cuál prefiere para las 3 unidades?" answered with
// "eso es todo", or a second product question in the same message): the line is not dropped.
extension SalesAgent {
    /// Adds `quantity` of the option the search ranked first (`preferred`, else the first
    /// shown) that has the stock, and says so; nothing when one of the options is already in
    /// the cart (the customer chose) or none has the stock.
    func settleChoice(
        _ options: [Int64], quantity: Int, pairs: Bool, preferred: Int64?, _ turn: inout TurnContext
    ) async throws {
        guard !options.contains(where: { turn.state.cart.quantity(of: $0) > 0 }) else { return }
        let candidates = try await products(options).filter(\.active)
        let ordered = candidates.filter { $0.id == preferred } + candidates.filter { $0.id != preferred }
        guard let pick = ordered.first(where: { $0.stock >= Self.units(quantity, pairs: pairs, of: $0) }) else {
            return
        }
        turn.add(.assumedChoice(ProductFact(pick)))
        turn.linePosition = turn.state.pendingLinePosition
        try await add(pick, quantity: quantity, pairs: pairs, &turn)
        turn.linePosition = nil
        turn.state.choiceDefault = nil
    }
}
