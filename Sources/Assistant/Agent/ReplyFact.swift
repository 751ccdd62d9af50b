import Shop

/// A product as a reply may mention it: every figure comes from the catalog.
public struct ProductFact: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var description: String
    public var price: Int
    public var stock: Int

    public init(_ product: Product) {
        id = product.id
        name = product.name
        description = product.description
        price = product.price
        stock = product.active ? product.stock : 0
    }
}

/// A cart line as a reply shows it.
public struct LineFact: Sendable, Equatable {
    public var productId: Int64
    public var name: String
    public var quantity: Int
    public var price: Int
    public var subtotal: Int { quantity * price }

    public init(_ line: Cart.Line) {
        productId = line.productId
        name = line.name
        quantity = line.quantity
        price = line.price
    }
}

/// One thing the reply must tell the customer. The agent decides the facts; the composer
/// (or a language model, checked against them) turns them into words.
public enum ReplyFact: Sendable, Equatable {
    /// `brief` when the reply goes on to answer something.
    case greeting(shop: String?, brief: Bool)
    case thanks
    case goodbye
    case productInfo(ProductFact, purpose: Bool)
    case askHowMany(ProductFact)
    /// Products of one kind ("¿qué guantes tienen?"); `exact` false when none is exactly
    /// what was asked.
    case productList(query: String, [ProductFact], exact: Bool)
    case choose(query: String, [ProductFact], quantity: Int?)
    /// A choice left open was settled with this option (the customer may still change it).
    case assumedChoice(ProductFact)
    /// "¿Cuántas?" was left unanswered: one unit of this product was added.
    case assumedOne(ProductFact)
    /// The prices of the products compared, and the cheapest (or dearest) of them.
    case compared([ProductFact], pick: ProductFact, cheapest: Bool)
    /// Nothing in the catalog is what was asked for; `suggestions`: close products the shop
    /// does carry ("no lo manejamos, pero tenemos …"), empty when nothing is close.
    case notFound(query: String, suggestions: [ProductFact])
    case added(LineFact)
    case stockShort(ProductFact, requested: Int, available: Int, alternatives: [ProductFact])
    case outOfStock(ProductFact, alternatives: [ProductFact])
    case changed(LineFact)
    case removed(String)
    /// The stock offered for these products was declined ("no, quíteme los trajes").
    case offerDeclined([String])
    case notInCart(String)
    case cart([LineFact], total: Int)
    case cartEmpty
    /// Cart lines dropped because the product is no longer sold.
    case dropped([String])
    case askProceed
    case company([String])
    case companyUnknown(contact: [String])
    case cancelled(hadCart: Bool)
    case checkoutStart(missing: [CheckoutSlot])
    case invalid(CheckoutSlot, String)
    case askSlot(CheckoutSlot, resumed: Bool)
    /// A cédula on file: the stored data hinted at (masked), and the offer to use it.
    case returningClient(StoredClientHint)
    case summary([LineFact], total: Int, ClientDetails)
    case orderPlaced(id: Int64, total: Int)
    case orderRefused(String)
    /// Asked to confirm again after a side question in review.
    case askConfirm
    case askWhatToChange
    case emptyCart
    /// Products listed again with their prices ("¿y esos a cómo?").
    case listed([ProductFact])
    /// More product requests in one message than the agent takes.
    case tooManyItems(max: Int)
    /// A photo with nothing readable.
    case photoUnreadable
    /// The customer shared their phone number or a location (Telegram) and it was kept for
    /// the order.
    case sharedKept(SharedData)
    /// Checkout data given before any product, kept for the checkout.
    case dataNoted([CheckoutSlot])
    /// The message was not understood: a short question from where the dialogue is.
    case clarify(Clarification)
}

/// What a customer can share without typing (Telegram's contact and location).
public enum SharedData: Sendable, Equatable {
    case phone
    case location
}

/// What the agent asks when it did not understand a message.
public enum Clarification: Sendable, Equatable {
    case whatProduct
    /// A quantity with no product named nor shown ("mándeme 7 unidades" after nothing was found).
    case productFor(quantity: Int)
    case addOrProceed
    case slot(CheckoutSlot)
    case confirmOrder
}

/// The facts of one reply, with what a model-written reply may and must mention.
public struct ReplyFacts: Sendable, Equatable {
    public var items: [ReplyFact]

    public init(_ items: [ReplyFact] = []) {
        self.items = items
    }

    /// Every amount of pesos the facts contain (prices, subtotals, totals).
    public var amounts: Set<Int> {
        var result: Set<Int> = []
        func add(_ product: ProductFact) { result.insert(product.price) }
        func add(_ line: LineFact) { result.formUnion([line.price, line.subtotal]) }
        for item in items {
            switch item {
            case .productInfo(let p, _), .askHowMany(let p), .assumedChoice(let p), .assumedOne(let p): add(p)
            case .productList(_, let ps, _), .choose(_, let ps, _), .notFound(_, let ps), .listed(let ps),
                .compared(let ps, _, _):
                ps.forEach(add)
            case .stockShort(let p, _, _, let alternatives), .outOfStock(let p, let alternatives):
                add(p)
                alternatives.forEach(add)
            case .added(let line), .changed(let line): add(line)
            case .cart(let lines, let total), .summary(let lines, let total, _):
                lines.forEach(add)
                result.insert(total)
            case .orderPlaced(_, let total): result.insert(total)
            default: break
            }
        }
        return result
    }

    /// Names of the catalog products the facts mention.
    public var productNames: Set<String> {
        var result: Set<String> = []
        for item in items {
            switch item {
            case .productInfo(let p, _), .askHowMany(let p), .assumedChoice(let p), .assumedOne(let p):
                result.insert(p.name)
            case .productList(_, let ps, _), .choose(_, let ps, _), .notFound(_, let ps), .listed(let ps),
                .compared(let ps, _, _):
                result.formUnion(ps.map(\.name))
            case .stockShort(let p, _, _, let alternatives), .outOfStock(let p, let alternatives):
                result.insert(p.name)
                result.formUnion(alternatives.map(\.name))
            case .added(let line), .changed(let line): result.insert(line.name)
            case .cart(let lines, _), .summary(let lines, _, _): result.formUnion(lines.map(\.name))
            case .removed(let name): result.insert(name)
            case .dropped(let names), .offerDeclined(let names): result.formUnion(names)
            default: break
            }
        }
        return result
    }

    /// Texts a reply must contain word for word (an order's number and total).
    public var mustMention: [String] {
        items.flatMap { item -> [String] in
            if case .orderPlaced(let id, let total) = item { return ["\(id)", Money.format(total)] }
            return []
        }
    }
}
