import Shop

// A choice the customer leaves open ("¿cuál prefiere para las 3 unidades?" answered with
// "eso es todo", or a second product question in the same message), or the count of a
// product asked without a number: the line is not dropped.
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

    /// "¿Cuántas unidades necesita?" left unanswered by the go-ahead ("ya nada más"): one
    /// unit, said, as the customer asked for the product without a number (nothing when the
    /// product is in the cart already or has no stock).
    func settleQuantity(_ id: Int64, _ turn: inout TurnContext) async throws {
        guard turn.state.cart.quantity(of: id) == 0, let product = try await products([id]).first,
            product.active, product.stock >= 1
        else { return }
        // "¿los arneses traen certificado?" with arneses in the cart: a question about the
        // kind already ordered; the product shown is no new line.
        let kind = ProductWords.of(product.name).first
        if turn.state.cart.lines.contains(where: { ProductWords.of($0.name).first == kind }) { return }
        turn.add(.assumedOne(ProductFact(product)))
        turn.linePosition = turn.state.pendingLinePosition
        try await add(product, quantity: 1, pairs: false, &turn)
        turn.linePosition = nil
    }
}
