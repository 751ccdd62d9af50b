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

    /// Where a replacement's verb and its "por" (after `replaceVerbs`) or its "mejor" (after
    /// a verb of taking out, `ExampleReader.removalVerbs`) are; nil when the words hold none.
    /// Reads at most `maxReplaceWords` words after the verb.
    static func replacement(in words: Words) -> (verb: Int, by: Int)? {
        guard
            let verb = (0..<words.count).first(where: {
                replaceVerbs.contains(words[$0]) || ExampleReader.removalVerbs.contains(words[$0])
            })
        else { return nil }
        let link = replaceVerbs.contains(words[verb]) ? "por" : "mejor"
        let by = (verb + 1..<min(words.count, verb + 2 + maxReplaceWords)).first { words[$0] == link }
        return by.map { (verb, $0) }
    }

    /// Returns true when the message replaced a line: "cambie X por Y", or "quíteme X,
    /// mejor Y" ("ay no, quíteme los botiquines, mejor un kit de primeros auxilios").
    func replaceLine(_ turn: inout TurnContext) async throws -> Bool {
        let words = turn.reading.productText
        guard turn.state.phase == .browsing, !turn.state.cart.isEmpty, !turn.message.isQuestion,
            let (verb, by) = Self.replacement(in: words), by > verb + 1, by + 1 < words.count
        else { return false }
        let instead = words[by] != "por"
        // "quite las gafas mejor, con la careta me basta": "mejor" closing the removal puts
        // nothing in.
        if instead, words.words[by + 1].afterMark { return false }
        let old = WordForms.contentWords(Array(words.texts[(verb + 1)..<by]))
        var end = min(words.count, by + 1 + Self.maxReplaceWords)
        // "…, mejor un kit de los homologados, es q nos lo piden": what goes in ends at a mark.
        if instead, let mark = ((by + 2)..<max(by + 2, end)).first(where: { words.words[$0].afterMark }) { end = mark }
        let newWords = Words(words.originalText((by + 1)..<end))
        let count = QuantityParser.mentions(in: newWords).first
        let named = WordForms.contentWords(
            newWords.texts.enumerated().filter { index, _ in !(count?.range.contains(index) ?? false) }.map(\.1))
        guard !old.isEmpty, !named.isEmpty else { return false }
        let lines = try await products(turn.state.cart.lines.map(\.productId))
        guard case .match(let line) = ProductMatcher.resolve(old, among: lines) else { return false }
        // The new product of the line's kind when the words are only a variant ("por 50 de látex").
        let kind = ProductWords.of(line.name).first
        // "mejor un kit de primeros auxilios": a product of its own kind keeps its words.
        let withKind =
            instead && named.contains(where: isCatalogHead)
            ? named : kind.map { named.contains($0) ? named : [$0] + named } ?? named
        guard case .match(let product) = try await resolve(withKind, &turn), product.id != line.id,
            // A product already in the cart is no replacement said with "mejor".
            !instead || turn.state.cart.quantity(of: product.id) == 0
        else { return false }
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
