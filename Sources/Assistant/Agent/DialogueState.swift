import Foundation

/// Everything the agent remembers about one chat between messages; stored as JSON per chat
/// (`AppDatabase.dialogue`) and replaced as a whole at the end of each turn.
public struct DialogueState: Codable, Sendable, Equatable {
    public enum Phase: String, Codable, Sendable {
        /// Looking at products, filling the cart.
        case browsing
        /// Collecting the customer's data (`form`).
        case checkout
        /// Everything collected; the customer was shown the summary and asked to confirm.
        case review
    }

    /// A question the agent asked and is waiting an answer for.
    public enum Pending: Codable, Sendable, Equatable {
        /// "¿Cuál de estos?": the options offered, and the quantity asked for, if any.
        case choice(options: [Int64], quantity: Int?, pairs: Bool)
        /// "¿Cuántos necesita?" for a product.
        case quantity(productId: Int64)
        /// "Solo tenemos N; ¿se los agrego?", for every product of the last message that
        /// asked for more than the stock (in the order offered).
        case stockOffers([StockOffer])
        /// One offer, as states stored before `stockOffers` hold it; read as a list of one
        /// (`offers`), never written.
        case stockOffer(productId: Int64, available: Int, total: Int)
        /// "¿Usamos los datos que tenemos registrados?" for this cédula.
        case returningClient(idNumber: String)

        var isReturningClient: Bool {
            if case .returningClient = self { true } else { false }
        }

        /// The stock offers waiting for an answer; nil when the question is another.
        var offers: [StockOffer]? {
            switch self {
            case .stockOffers(let offers): offers
            case .stockOffer(let id, let available, let total):
                [StockOffer(productId: id, available: available, total: total, linePosition: nil)]
            default: nil
            }
        }
    }

    /// "Solo tenemos N": accepting sets the line to `total` units; the line goes to
    /// `linePosition`, where the customer asked for it.
    public struct StockOffer: Codable, Sendable, Equatable {
        public var productId: Int64
        public var available: Int
        public var total: Int
        public var linePosition: Int?
        /// What the customer asked for (more than `available`); nil in states stored before.
        public var requested: Int? = nil
    }

    public var phase: Phase = .browsing
    public var cart = Cart()
    /// Identifies the current cart; the order placed from it is stored under a key made
    /// from it, so a retried turn never places a second order.
    public var cartId: String = UUID().uuidString
    /// Placement attempts of this cart that were refused (each retry is a new job).
    public var placementAttempts = 0
    public var form = CheckoutForm()
    public var pending: Pending?
    /// For a pending choice, the option the search ranked first: taken when the customer
    /// goes on without choosing (`SalesAgent.settleChoice`).
    public var choiceDefault: Int64?
    /// For a pending "¿cuántas?": the customer ordered the product without a count ("y unas
    /// botas de soldador"), not only asked about it. Left unanswered while the customer goes
    /// on with other lines, it goes in with one unit (`SalesAgent.settleQuantity`).
    public var quantityOrdered: Bool?
    /// Where the line of a pending choice or stock offer goes in the cart when settled: the
    /// place the customer asked for it ("5 mantas y 4 extintores": the mantas first).
    public var pendingLinePosition: Int?
    /// Products shown in the last reply, in the order shown.
    public var focus: [Int64] = []
    /// Products talked about, most recent first.
    public var recent: [Int64] = []
    /// The cart line the customer touched last ("mejor que sean 5").
    public var lastTouched: Int64?
    /// The last reply asked whether to add more or go on with the order.
    public var askedToProceed = false
    public var lastOrderId: Int64?
    /// Messages handled in this chat.
    public var turns = 0

    public init() {}

    /// The key the order from the current cart is stored under.
    public func orderKey(chatId: String) -> String {
        "chat:\(chatId.prefix(120)):\(cartId)"
    }

    mutating func remember(_ ids: [Int64]) {
        for id in ids.reversed() {
            recent.removeAll { $0 == id }
            recent.insert(id, at: 0)
        }
        if recent.count > 16 { recent.removeLast(recent.count - 16) }
    }

    /// A new, empty cart after an order was placed (the customer's data is kept for a
    /// next order in the same chat).
    mutating func startNewCart() {
        cart.clear()
        cartId = UUID().uuidString
        placementAttempts = 0
        phase = .browsing
        pending = nil
        askedToProceed = false
        lastTouched = nil
        form.requested = nil
    }
}
