import SpanishText

/// What one customer message says, as structured commands for the dialogue logic (the
/// output of a `MessageReader`). Nothing in it is a price, a stock figure or a product id:
/// products are named in the customer's words and resolved against the catalog later.
public struct Reading: Sendable, Equatable {
    public enum Source: String, Sendable {
        case examples = "ejemplos", model = "modelo"
    }

    /// The message's intent, nil when no intent reached the confidence threshold.
    public var intent: Intent?
    public var confidence: Double
    /// Intents of the message's clauses ("sí, pero la dirección es…" confirms and corrects),
    /// each above the threshold; includes `intent`.
    public var acts: Set<Intent> = []
    /// Product requests, at most `Understanding.maxItemsPerMessage`.
    public var items: [ItemCommand] = []
    /// Requests beyond the cap, left out.
    public var itemsLeftOut = 0
    /// Checkout data in the message (raw values; `CheckoutForm` validates them).
    public var data = CheckoutFieldExtractor.Extraction()
    /// Optional slots the customer declines ("no tengo correo").
    public var declined: Set<CheckoutSlot> = []
    /// The company topic asked about.
    public var topic: CompanyAnswerer.Topic?
    /// One of the products just listed ("el segundo", "el más barato", "el de 14 mil").
    public var choice: ListChoice?
    /// The message without its checkout data and chatter: what product questions are read from.
    public var productText: Words = Words("")
    /// The message uses a catalog word.
    public var namesProduct = false
    /// Words of `productText` that only ask about products ("cuánto salen", "manejan"), never
    /// naming one: a question made of them and pointing words is about the products listed.
    public var questionWords: Set<String> = []
    public var source: Source = .examples

    public init(intent: Intent? = nil, confidence: Double = 0) {
        self.intent = intent
        self.confidence = confidence
        if let intent { acts = [intent] }
    }

    /// The message (or one of its clauses) does `intent`.
    public func has(_ intent: Intent) -> Bool {
        self.intent == intent || acts.contains(intent)
    }

    /// The message's own intent is `intent`.
    public func `is`(_ intent: Intent) -> Bool {
        self.intent == intent
    }
}

/// A product request of a message, in the customer's words.
public struct ItemCommand: Sendable, Equatable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        /// Add `quantity` units (to what the cart has).
        case add = "agregar"
        /// The line becomes `quantity` units.
        case set = "fijar"
        case increase = "sumar"
        case decrease = "restar"
        case remove = "quitar"
    }

    public var action: Action
    /// The words naming the product (folded); empty = the line or product in focus.
    public var words: [String]
    public var quantity: Int?
    /// Counted in pairs ("un par de", "10 pares de").
    public var pairs: Bool
    /// The customer's own words for the product, for replies ("chalecos").
    public var query: String
    /// The words include a catalog word (or, from a model, any word): they name a product
    /// rather than a slip ("ay", "nesecito") around a quantity.
    public var named: Bool
    /// "el doble", "la mitad": the line's new quantity relative to what it holds (`set`).
    public var factor: Double?
    /// The words leave the noun out ("2 de los de electricista", "las que brillan"): they
    /// describe a product of a kind said before.
    public var leavesOutNoun = false

    public init(
        action: Action, words: [String], quantity: Int?, pairs: Bool = false, query: String, named: Bool? = nil,
        factor: Double? = nil
    ) {
        self.factor = factor
        self.action = action
        self.words = words
        self.quantity = quantity
        self.pairs = pairs
        self.query = query
        self.named = named ?? !words.isEmpty
    }
}

/// How the customer picks among the products just listed.
public enum ListChoice: Sendable, Equatable {
    /// 1-based position ("el segundo", "la 3").
    case position(Int)
    case last
    case cheapest
    case dearest
    /// "el de 14 mil".
    case price(Int)

    /// Words that pick from a list without naming a product.
    public static let vocabulary: Set<String> = Set(ordinals.keys).union(cheap).union(dear).union([
        "ultimo", "ultima", "ultimos", "ultimas", "opcion", "numero", "mas", "menos", "mejor", "cual", "cuales",
        "recomienda", "diferencia",
    ])
    /// Singular and plural ("las segundas": the second option of a list of glasses).
    static let ordinals: [String: Int] = [
        "primero": 1, "primera": 1, "primer": 1, "primeros": 1, "primeras": 1, "segundo": 2, "segunda": 2,
        "segundos": 2, "segundas": 2, "tercero": 3, "tercera": 3, "tercer": 3, "terceros": 3, "terceras": 3,
        "cuarto": 4, "cuarta": 4, "cuartos": 4, "cuartas": 4, "quinto": 5, "quinta": 5, "quintos": 5,
        "quintas": 5, "sexto": 6, "sexta": 6, "sextos": 6, "sextas": 6,
    ]
    static let cheap: Set<String> = ["barato", "barata", "baratos", "baratas", "economico", "economica", "economicos"]
    static let dear: Set<String> = ["caro", "cara", "caros", "caras", "costoso", "costosa"]
}
