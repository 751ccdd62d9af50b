/// Reads a customer message into a `Reading` against the dialogue state. `ExampleReader` is
/// the offline default; `ModelReader` asks a language model and falls back to it.
public protocol MessageReader: Sendable {
    func read(_ text: String, context: ReadingContext) async -> Reading
}

/// What a reader knows of the dialogue: what the agent just asked and what is on screen.
public struct ReadingContext: Sendable, Equatable {
    public var phase: DialogueState.Phase
    /// The checkout slot the agent asked for last (during checkout).
    public var requested: CheckoutSlot?
    /// The checkout slots the form already holds.
    public var known: Set<CheckoutSlot>
    /// The name the form holds: a longer one said later that extends it ("le habla Wilmer
    /// Angulo", then "Wilmer Angulo Riascos, cédula …") replaces it.
    public var knownName: String?
    public var pending: DialogueState.Pending?
    public var cartIsEmpty: Bool
    /// How many products the last reply listed.
    public var listed: Int
    /// The catalog's words (`MessageTokens.catalogWords`), masked before classifying.
    public var catalogWords: Set<String>
    /// The cart's product names, for a model reader.
    public var cartNames: [String]
    /// The last reply asked whether to add more or go on with the order.
    public var askedToProceed: Bool
    /// The catalog's codes of letters and digits ("n95", "co2", "p100",
    /// `MessageTokens.catalogCodes`): a voice note writes them apart ("n 95").
    public var catalogCodes: Set<String> = []
    /// The forms of the first word of each product's name ("cartucho", "lineas"):
    /// `MessageTokens.catalogHeads`. After "con" and a count, one is another product ("un
    /// respirador con 2 cartuchos"), not a feature ("un arnés con 2 argollas").
    public var catalogHeads: Set<String> = []
    /// The heads that are no later word of any name (`MessageTokens.catalogKindsOnly`): only
    /// these turn "con 2 …" into an order ("con dos filtros" stays a feature of a mask).
    public var catalogKinds: Set<String> = []
    /// The forms of the products' other names (`SearchLexicon.productNameWords`: "portacarnets",
    /// "enterizo"): a clause that holds one is no small talk ("Buenas tardes necesito
    /// portacarnets"), though the classifier does not mask them.
    public var otherNames: Set<String> = []
    /// Accessories and what they go on (`SearchLexicon.accessories`: "soporte" → "careta"):
    /// "3 caretas con su soporte" is two products.
    public var accessories: [String: Set<String>] = [:]

    public init(
        phase: DialogueState.Phase = .browsing, requested: CheckoutSlot? = nil, known: Set<CheckoutSlot> = [],
        pending: DialogueState.Pending? = nil,
        cartIsEmpty: Bool = true, listed: Int = 0, catalogWords: Set<String> = [], cartNames: [String] = [],
        askedToProceed: Bool = false
    ) {
        self.phase = phase
        self.requested = requested
        self.known = known
        self.pending = pending
        self.cartIsEmpty = cartIsEmpty
        self.listed = listed
        self.catalogWords = catalogWords
        self.cartNames = cartNames
        self.askedToProceed = askedToProceed
    }

    /// The intents the dialogue expects here (the answers to the question just asked, the
    /// changes to a cart that holds something): one of them counts above a lower
    /// confidence (`ExampleReader.expectedThreshold`), as a shop assistant hears what
    /// they expect to hear.
    public var expected: Set<Intent> {
        var intents: Set<Intent> = []
        if pending?.offers != nil { intents.formUnion([.acceptAvailable, .confirm, .deny]) }
        if phase == .browsing, !cartIsEmpty {
            intents.formUnion([.setQuantity, .increase, .decrease, .remove])
            if askedToProceed, pending == nil { intents.formUnion([.proceed, .confirm, .deny]) }
        }
        // "Cancele el pedido por favor" while the summary waits.
        if phase == .review { intents.formUnion([.confirm, .deny, .correctField, .cancel]) }
        return intents
    }

    /// Collecting or reviewing the customer's data.
    public var inForm: Bool { phase != .browsing }
}
