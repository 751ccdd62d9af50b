import Shop
import SpanishText

// "¿Cuál es más económico, el reflectivo o el tipo DOT?", "¿cuál sale más caro?": a question
// comparing the prices of products (named, or the ones just listed) is answered with each
// price and which is the cheapest (or dearest); it orders nothing.
extension SalesAgent {
    /// Words of a comparison question that name no product.
    static let comparisonWords: Set<String> = [
        "sale", "salen", "cuesta", "cuestan", "vale", "valen", "precio", "es", "son", "entre", "mas", "menos",
    ]
    /// The most products one comparison names.
    static let maxCompared = 4

    /// True when the message was such a question and was answered.
    func answerComparison(_ turn: inout TurnContext) async throws -> Bool {
        let reading = turn.reading
        guard let choice = reading.choice, choice == .cheapest || choice == .dearest, Self.asksWhich(turn.message),
            !reading.items.contains(where: { $0.quantity != nil && $0.named })
        else { return false }
        let alternatives = Self.alternatives(reading.productText.texts, ignoring: reading.questionWords)
        var compared: [Product] = []
        if alternatives.count >= 2 {
            for words in alternatives.prefix(Self.maxCompared) {
                guard case .match(let product) = try await resolve(words, &turn) else {
                    compared = []
                    break
                }
                if !compared.contains(where: { $0.id == product.id }) { compared.append(product) }
            }
        }
        // Nothing named, or a name the shop does not have ("¿cuál es más caro, el de CO2 o el
        // de agua?"): the products just listed are compared.
        if compared.count < 2, alternatives.count != 1 {
            compared = try await products(turn.state.focus).filter(\.active)
        }
        guard compared.count >= 2, let pick = Self.pick(choice, among: compared) else { return false }
        turn.handledProducts = true
        turn.sideAnswer = true
        turn.add(.compared(compared.map(ProductFact.init), pick: ProductFact(pick), cheapest: choice == .cheapest))
        turn.show(compared)
        if turn.state.phase == .browsing, pick.available, turn.state.cart.quantity(of: pick.id) == 0 {
            turn.state.pending = .quantity(productId: pick.id)
            turn.state.quantityOrdered = nil
        }
        return true
    }

    /// "¿cuál…?", "¿qué es más…?": the message asks which one, it does not pick ("¿y el que
    /// sea más barato?" picks: "que" after an article is no question word).
    static func asksWhich(_ words: Words) -> Bool {
        guard words.isQuestion else { return false }
        let texts = Array(words.texts.prefix(Self.maxWhichPosition))
        return texts.indices.contains { index in
            ["cual", "cuales"].contains(texts[index])
                || (texts[index] == "que" && (index == 0 || !QuantityFilter.articles.contains(texts[index - 1])))
        }
    }

    /// How far into the message "cuál" may come ("oiga, y entonces ¿cuál…?").
    static let maxWhichPosition = 6

    /// The products a comparison names, as word lists, split at "o"/"u"/"y"/"entre" ("el
    /// reflectivo o el tipo DOT"); pieces that name nothing are left out.
    static func alternatives(_ words: [String], ignoring: Set<String>) -> [[String]] {
        var pieces: [[String]] = [[]]
        for word in words.prefix(Understanding.maxMessageCharacters) {
            if ["o", "u", "y"].contains(word) {
                pieces.append([])
            } else {
                pieces[pieces.count - 1].append(word)
            }
        }
        return pieces.map { piece in
            piece.filter {
                !ListChoice.vocabulary.contains($0) && !comparisonWords.contains($0) && !ignoring.contains($0)
                    && !referringWords.contains($0) && !["cual", "cuales", "que"].contains($0)
            }
        }
        .filter { !WordForms.contentWords($0).isEmpty }
    }
}
