import Shop
import SpanishText

// "cambie los de nitrilo por 50 de látex", "cámbieme el casco blanco por uno dieléctrico":
// one cart line is replaced by another product, with the count said for it or the line's.
extension SalesAgent {
    /// Verbs that open a replacement when "por" follows.
    static let replaceVerbs: Set<String> = [
        "cambie", "cambieme", "cambiemelos", "cambiemelas", "cambiemelo", "cambiemela", "cambielos", "cambielas",
        "cambielo", "cambiela", "cambiar", "cambia", "cambiame", "reemplace", "reemplaceme", "reemplazar",
    ]
    /// The most words on either side of "por".
    static let maxReplaceWords = 8

    /// Returns true when the message replaced a line.
    func replaceLine(_ turn: inout TurnContext) async throws -> Bool {
        let words = turn.reading.productText
        guard turn.state.phase == .browsing, !turn.state.cart.isEmpty, !turn.message.isQuestion,
            let verb = (0..<words.count).first(where: { Self.replaceVerbs.contains(words[$0]) }),
            let by = (verb + 1..<min(words.count, verb + 2 + Self.maxReplaceWords)).first(where: { words[$0] == "por" }
            ),
            by > verb + 1, by + 1 < words.count
        else { return false }
        let old = WordForms.contentWords(Array(words.texts[(verb + 1)..<by]))
        let end = min(words.count, by + 1 + Self.maxReplaceWords)
        let newWords = Words(words.originalText((by + 1)..<end))
        let count = QuantityParser.mentions(in: newWords).first
        let named = WordForms.contentWords(
            newWords.texts.enumerated().filter { index, _ in !(count?.range.contains(index) ?? false) }.map(\.1))
        guard !old.isEmpty, !named.isEmpty else { return false }
        let lines = try await products(turn.state.cart.lines.map(\.productId))
        guard case .match(let line) = ProductMatcher.resolve(old, among: lines) else { return false }
        // The new product of the line's kind when the words are only a variant ("por 50 de látex").
        let kind = ProductWords.of(line.name).first
        let withKind = kind.map { named.contains($0) ? named : [$0] + named } ?? named
        guard case .match(let product) = try await resolve(withKind, &turn), product.id != line.id else { return false }
        let quantity = count?.value ?? turn.state.cart.quantity(of: line.id)
        let position = turn.state.cart.lines.firstIndex { $0.productId == line.id }
        _ = turn.state.cart.remove(line.id)
        turn.add(.removed(line.name))
        turn.handledProducts = true
        turn.linePosition = position
        try await setQuantity(product, to: quantity, requested: quantity, adding: true, &turn)
        turn.linePosition = nil
        return true
    }
}
