import Shop
import SpanishText

// "3 de cada uno", "que sean 7 mejor, de cada uno": one amount for every product the last
// reply put before the customer (the options offered, the lines just added, the products
// whose prices were given).
extension SalesAgent {
    /// Returns true when the message was such an amount and was applied.
    func applyToEach(_ turn: inout TurnContext) async throws -> Bool {
        let reading = turn.reading
        // "¿y a cómo cada una?" asks the prices; it orders nothing.
        // Stock offers waiting for an answer take it themselves (`answerOffers`).
        // "2 de cada uno porfa y 50 tapabocas": the amount for the products shown opens the
        // message and names none; the lines after it name their products and are ordered as
        // they are, after it.
        let rest = Array(reading.items.dropFirst())
        guard turn.state.phase == .browsing, turn.state.pending?.offers == nil, Self.saysEach(turn.message),
            !turn.message.original.contains("?"), !(reading.intent?.asksAboutProducts ?? false),
            let command = reading.items.first, command.action != .remove, command.factor == nil,
            let quantity = command.quantity, !command.named || Self.namesNothing(command.words),
            rest.isEmpty
                || (command.words.first == "cada" && command.action == .add
                    && rest.allSatisfy { $0.named && $0.action == .add && $0.quantity != nil })
        else { return false }
        var ids = turn.state.focus
        if case .choice(let options, _, _) = turn.state.pending {
            ids = options
        } else if rest.isEmpty, case let named = try await linesNamed(by: command.words, turn), !named.isEmpty {
            // "súmele uno a cada cosa: guantes, overoles y botas": the lines named.
            ids = named
        }
        // "mándeme uno de cada uno, y unas dos señales" after the two went in, one each: the
        // amount restates the lines; the lines after it are ordered.
        if !rest.isEmpty, ids.contains(where: { turn.state.cart.quantity(of: $0) > 0 }) {
            turn.reading.items = rest
            return false
        }
        guard (2...Self.maxEach).contains(ids.count) else { return false }
        let products = try await products(ids)
        guard products.count == ids.count else { return false }
        turn.state.pending = nil
        turn.handledProducts = true
        for product in products {
            let amount = Self.units(quantity, pairs: command.pairs, of: product)
            let current = turn.state.cart.quantity(of: product.id)
            let total =
                switch command.action {
                case .increase, .add: current + amount
                case .decrease: max(0, current - amount)
                case .set, .remove: amount
                }
            try await setQuantity(product, to: total, requested: total, adding: current == 0, &turn)
        }
        turn.state.remember(ids)
        guard rest.isEmpty else {
            turn.reading.items = rest
            return false
        }
        return true
    }

    /// The cart lines whose names hold a word of `words` (none for a change that names no
    /// line: "mejor que sean 4 de todo").
    func linesNamed(by words: [String], _ turn: TurnContext) async throws -> [Int64] {
        let said = WordForms.contentWords(words)
        guard !said.isEmpty else { return [] }
        return try await products(turn.state.cart.productIds).filter { line in
            let name = ProductWords.of(line.name)
            return said.contains { word in name.contains { WordForms.same(word, $0) } }
        }.map(\.id)
    }

    /// The most products one "de cada uno" applies to (a longer list is not what was meant).
    static let maxEach = 6

    /// "de cada uno", "cada una", "x cada referencia", "c/u", "de todo 8".
    static func saysEach(_ words: Words) -> Bool {
        EntityReader.saysEveryOne(words)
    }
}
