import Shop
import SpanishText

// A customer's photo: the text read from it names the product (a label) or lists an order
// (a written list); the caption is the customer's request about it ("quiero 2 de estos").
extension SalesAgent {
    /// The most characters and lines of a photo's text read for products, and the largest
    /// quantity a written list may ask for (bigger numbers on a label are codes or prices).
    static let maxPhotoCharacters = 600
    static let maxPhotoLines = 12
    static let maxPhotoQuantity = 100

    /// Returns true when the photo was answered on its own (the caption asked nothing the
    /// rest of the turn must handle about products).
    func handlePhoto(_ text: String, _ turn: inout TurnContext) async throws -> Bool {
        let photo = String(text.prefix(Self.maxPhotoCharacters))
        guard photo.contains(where: \.isLetter) else { return false }
        let caption = turn.reading
        // A written order ("Guantes de vaqueta x 3\nBotas punta de acero x 2"), line by line,
        // when the caption asks for nothing of its own; lines that name no product we sell
        // (a quote's number, a heading) are skipped.
        if caption.items.isEmpty {
            var handled = false
            for line in photo.split(separator: "\n").prefix(Self.maxPhotoLines) {
                let reading = await reader.read(String(line), context: ReadingContext())
                for command in reading.items
                where (1...Self.maxPhotoQuantity).contains(command.quantity ?? 0) && !Self.namesNothing(command.words) {
                    switch try await resolve(command.words, &turn) {
                    case .match(let product):
                        try await add(product, quantity: command.quantity ?? 1, pairs: command.pairs, &turn)
                        handled = true
                    case .ambiguous(let options) where !handled:
                        turn.state.pending = .choice(
                            options: options.map(\.id), quantity: command.quantity, pairs: command.pairs)
                        turn.add(
                            .choose(query: command.query, options.map(ProductFact.init), quantity: command.quantity))
                        turn.show(options)
                        handled = true
                    default: continue
                    }
                }
            }
            if handled {
                turn.handledProducts = true
                return true
            }
        }
        // A label: the product it names becomes what "estos" means in the caption.
        let words = Array(WordForms.contentWords(photo).filter { $0.first?.isLetter == true }.prefix(12))
        let resolution = try await resolve(words, &turn)
        switch resolution {
        case .match(let product): turn.state.focus = [product.id]
        case .ambiguous(let options): turn.state.focus = options.map(\.id)
        case .none: break
        }
        if !caption.items.isEmpty { return false }
        // The caption only asks about the photo ("¿tienen este?", "precio", or nothing).
        switch resolution {
        case .match(let product):
            turn.handledProducts = true
            showInfo(product, purpose: caption.has(.askUse), &turn)
        case .ambiguous(let options):
            turn.handledProducts = true
            turn.add(.productList(query: Self.firstLine(photo), options.map(ProductFact.init), exact: true))
            turn.show(options)
            turn.sideAnswer = true
        case .none(let suggestions):
            turn.handledProducts = true
            turn.add(.notFound(query: Self.firstLine(photo), suggestions: suggestions.map(ProductFact.init)))
            turn.show(suggestions)
        }
        return true
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first { $0.contains(where: \.isLetter) }?.prefix(80) ?? "")
            .trimmingWhitespace()
    }
}
