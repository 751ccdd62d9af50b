import Assistant
import Support

/// The agent's figures, recorded once per customer message when its turn is stored (a
/// retried job that finds its turn recorded is not counted again).
enum AgentMetrics {
    /// What the message got: a closed set.
    enum Outcome: String, CaseIterable {
        /// A reply about products, the cart or the shop.
        case answered
        /// The turn placed an order.
        case orderPlaced = "order_placed"
        /// The reply asks for checkout data (name, document, address…) or a confirmation.
        case askedForData = "asked_for_data"
        /// Nothing in the catalog or the company text matched, or the message was not understood.
        case noMatch = "no_match"
        /// The chat is with a person (AI switched off for it): no automatic reply.
        case handedToPerson = "handed_to_person"
        /// The turn failed on its last attempt; the customer got an apology.
        case failed

        init(_ facts: ReplyFacts) {
            var outcome = Outcome.answered
            for fact in facts.items {
                switch fact {
                case .orderPlaced:
                    self = .orderPlaced
                    return
                case .checkoutStart, .askSlot, .invalid, .askConfirm, .returningClient, .summary,
                    .clarify(.slot), .clarify(.confirmOrder):
                    outcome = .askedForData
                case .notFound, .companyUnknown, .photoUnreadable, .clarify(.whatProduct), .clarify(.productFor):
                    if outcome == .answered { outcome = .noMatch }
                default: continue
                }
            }
            self = outcome
        }
    }

    static let messages = MetricsRegistry.shared.counter(
        "vendedor_agent_messages_total", "Customer messages the agent handled, by outcome.", labels: ["outcome"])
    static let orderValue = MetricsRegistry.shared.counter(
        "vendedor_agent_order_value_pesos_total", "Sum of the totals of orders the agent placed, in Colombian pesos.")
    static let turnsToPurchase = MetricsRegistry.shared.histogram(
        "vendedor_agent_turns_to_purchase", "Messages in the chat up to the one that placed an order.",
        buckets: [1, 2, 3, 5, 8, 13, 21, 34, 55])

    static func record(_ outcome: Outcome) {
        messages.labels(outcome.rawValue).increment()
    }

    static func record(_ turn: AgentTurn) {
        let outcome = Outcome(turn.facts)
        record(outcome)
        for case .orderPlaced(_, let total) in turn.facts.items {
            orderValue.labels().increment(by: Double(total))
            turnsToPurchase.labels().observe(Double(turn.state.turns))
        }
    }
}
