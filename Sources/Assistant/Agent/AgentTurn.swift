import Shop
import SpanishText

/// What the agent decided for one message: the chat's new state, the facts of the reply,
/// the products it retrieved (best first) and the order it placed, if any.
public struct AgentTurn: Sendable, Equatable {
    public var state: DialogueState
    public var facts: ReplyFacts
    public var products: [Int64]
    public var orderId: Int64?
    /// How the message was read (intent, confidence, source), for logs.
    public var reading: Reading
}

/// The work-in-progress of one turn, passed through the agent's steps.
struct TurnContext {
    let chatId: String
    let message: Words
    var state: DialogueState
    var reading = Reading()
    var facts: [ReplyFact] = []
    var retrieved: [Int64] = []
    var shown: [Int64] = []
    var orderId: Int64?
    /// The cart changed this turn (added, changed, removed).
    var cartChanged = false
    /// Something other than checkout data was answered (a question, product information).
    var sideAnswer = false
    /// A product request or product question was handled.
    var handledProducts = false
    /// Checkout slots filled or found invalid this turn.
    var slotsChanged: Set<CheckoutSlot> = []
    var invalidSlots: [CheckoutSlot] = []
    /// The message is the plain answer to the checkout slot just asked for (nothing else is
    /// read from it).
    var answersSlot = false
    /// Products are looked for in passing (a greeting that also names something): finding
    /// nothing is not worth a reply.
    var quietSearch = false
    /// Checkout data arrived before any product and was kept for later (`noteEarlyData`).
    var dataNoted = false
    /// The customer wanted to go on ("eso es todo, ¿cómo seguimos?") with nothing in the cart.
    var proceededOnEmptyCart = false
    /// The choice or the "¿cuántas?" the last reply asked, when this message did not answer it.
    var unansweredChoice: DialogueState.Pending?
    /// In the form, a part of a value corrected ("el apto es 301 no 310"): the field and its
    /// new value (`SalesAgent.swappedPart`), read once per message.
    var swap: (slot: CheckoutSlot, value: String)?
    /// The question the last reply left open (a choice, a stock offer…), whatever this
    /// message does with it.
    var carried: DialogueState.Pending?
    /// For the last ambiguous product resolved this turn, the option the search ranked first.
    var preferred: Int64?
    /// For the last resolution that named nothing, what the search found with too low a score
    /// to be the product meant (a need asked about may still be answered with them).
    var unsureHits: [Product] = []
    /// The place in the cart the next new line takes (it settles a question asked earlier).
    var linePosition: Int?
    /// The line the last turn touched (`DialogueState.lastTouched` as the message arrived).
    let touchedBefore: Int64?

    init(chatId: String, message: String, state: DialogueState) {
        self.chatId = chatId
        self.message = Words(String(message.prefix(Understanding.maxMessageCharacters)))
        self.state = state
        touchedBefore = state.lastTouched
    }

    mutating func add(_ fact: ReplyFact) {
        facts.append(fact)
    }

    mutating func show(_ products: [Product]) {
        shown += products.map(\.id).filter { !shown.contains($0) }
    }

    mutating func retrieved(_ ids: [Int64]) {
        retrieved += ids.filter { !retrieved.contains($0) }
    }

    /// Yes to what the agent asked ("sí", "dale", "los mismos datos").
    var affirms: Bool { reading.has(.confirm) && !reading.is(.deny) }
    /// No ("no", "ninguna", "todavía no").
    var denies: Bool { reading.is(.deny) || (reading.has(.deny) && !reading.has(.confirm)) }
    /// Done adding products ("eso es todo", "sigamos", "ya, facture").
    var proceeds: Bool { reading.has(.proceed) }
    /// Cancel everything. Destructive, so only when the message (or a clause of a message
    /// that asks nothing else, or only says no: "no, no confirme… cancele todo") clearly says so.
    var cancels: Bool {
        reading.is(.cancel)
            || (reading.has(.cancel) && (reading.intent.map { $0.isSocial || $0 == .deny } ?? true))
    }
}
