import Shop
import SpanishText

// The answer to "¿Desea agregar algo más o seguimos con el pedido?" is more products or
// going on. A short message that asks nothing, orders nothing and names nothing the shop
// sells is the go-ahead, whatever its words ("camine pues", "ya quedó"); a person's name
// there is the go-ahead with the first piece of checkout data.
extension SalesAgent {
    /// The most words such an answer has.
    static let maxGoAheadWords = 5

    /// Words that ask the agent to wait ("espérate", "un momentico", "aguarde").
    static let waitingWords: Set<String> = [
        "espere", "esperate", "espera", "esperame", "espereme", "esperen", "momento", "momentico", "momentito",
        "aguarde", "aguardeme", "aguanta", "aguante", "aguantame", "aguanteme", "perese", "pere", "perate", "segundito",
    ]

    /// Marks the reading as the go-ahead (and the name as data) when it is one.
    func readGoAhead(_ turn: inout TurnContext) async throws {
        let state = turn.state
        let reading = turn.reading
        guard state.phase == .browsing, state.askedToProceed, state.pending == nil, !state.cart.isEmpty,
            reading.items.isEmpty, !reading.namesProduct, reading.topic == nil, reading.data.values.isEmpty,
            reading.choice == nil, !turn.message.isQuestion, !turn.message.original.contains("?"),
            !turn.proceeds, !turn.affirms, !turn.denies, !turn.cancels,
            (1...Self.maxGoAheadWords).contains(turn.message.count),
            !turn.message.texts.contains(where: { $0.contains(where: \.isNumber) }),
            // "ombe, espérate": asking to wait is no go-ahead.
            !turn.message.texts.contains(where: Self.waitingWords.contains)
        else { return }
        if let intent = reading.intent, ![.smalltalk, .giveData, .proceed].contains(intent) { return }
        // Words the search knows (a regional name, a brand) are a request, not a go-ahead.
        guard case .none(let suggestions) = try await resolve(turn.message.texts, &turn), suggestions.isEmpty else {
            return
        }
        let text = turn.message.original.trimmingCharacters(in: .whitespacesAndNewlines)
        if turn.message.count >= 2, CheckoutFieldExtractor.looksLikeName(text) {
            turn.reading.data.values[.name] = text
        }
        turn.reading.intent = .proceed
        turn.reading.acts.insert(.proceed)
    }
}
