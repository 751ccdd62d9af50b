import SpanishText

/// A catalog product as the contract shows it. Prices are whole Colombian pesos.
public struct Product: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var description: String
    public var price: Int
    public var stock: Int
    /// Offered to customers (an inactive product is kept for old orders).
    public var active: Bool
    public var category: String
    /// Retired for good: never offered again, kept for the orders that name it. Always
    /// inactive.
    public var discontinued: Bool

    public init(
        id: Int64, name: String, description: String = "", price: Int, stock: Int, active: Bool = true,
        category: String = Product.defaultCategory, discontinued: Bool = false
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.price = price
        self.stock = stock
        self.active = active && !discontinued
        self.category = category
        self.discontinued = discontinued
    }

    /// Available, sold out (derived from the stock) or discontinued.
    public var state: ProductState {
        if discontinued { return .discontinued }
        return stock > 0 ? .available : .soldOut
    }

    public static let defaultCategory = "General"
    public static let maxDescriptionLength = 1000
    public static let maxCategoryLength = 80

    /// Can this product be sold right now?
    public var available: Bool { active && stock > 0 }

    enum CodingKeys: String, CodingKey {
        case id
        case name = "nombre"
        case description = "descripcion"
        case price = "precio"
        case stock
        case active = "activo"
        case category = "categoria"
        case state = "estado"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(Int64.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
            price: try container.decode(Int.self, forKey: .price),
            stock: try container.decode(Int.self, forKey: .stock),
            active: try container.decodeIfPresent(Bool.self, forKey: .active) ?? true,
            category: try container.decodeIfPresent(String.self, forKey: .category) ?? Product.defaultCategory,
            discontinued: try container.decodeIfPresent(ProductState.self, forKey: .state) == .discontinued)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(price, forKey: .price)
        try container.encode(stock, forKey: .stock)
        try container.encode(active, forKey: .active)
        try container.encode(category, forKey: .category)
        try container.encode(state, forKey: .state)
    }
}

/// A product's state as staff and exports see it: `disponible` with stock, `agotado` without,
/// `descontinuado` when retired for good (never offered, kept for old orders).
public enum ProductState: String, Codable, Sendable, CaseIterable {
    case available = "disponible"
    case soldOut = "agotado"
    case discontinued = "descontinuado"
}

/// What a caller sends to create a product (`POST /productos`). Without `id` the store picks one.
public struct ProductInput: Codable, Sendable, Equatable {
    public var id: Int64?
    public var name: String
    public var description: String?
    public var price: Int
    public var stock: Int
    public var active: Bool?
    public var category: String?
    /// `descontinuado` retires the product for good; `disponible` or `agotado` (the stock
    /// decides which) brings a discontinued one back.
    public var state: ProductState?

    public init(
        id: Int64? = nil, name: String, description: String? = nil, price: Int, stock: Int,
        active: Bool? = nil, category: String? = nil, state: ProductState? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.price = price
        self.stock = stock
        self.active = active
        self.category = category
        self.state = state
    }

    /// The product to store (id 0 when the store must choose), or every invalid field.
    public func validated() throws(ValidationErrors) -> Product {
        var check = ValidationCollector()
        if let id, id <= 0 { check.add(field: "id", "El id debe ser un número entero positivo.") }
        let name = check.check(try Validation.name(name))
        let description = check.check(
            try Validation.optionalText(description, field: "descripcion", maximum: Product.maxDescriptionLength))
        let price = check.check(try Validation.price(price))
        let stock = check.check(try Validation.stock(stock))
        let category = check.check(
            try Validation.optionalText(category, field: "categoria", maximum: Product.maxCategoryLength))
        let discontinued = state == .discontinued
        if discontinued, active == true {
            check.add(field: "activo", "Un producto descontinuado no puede estar activo.")
        }
        try check.finish()
        return Product(
            id: id ?? 0, name: name!, description: description.flatMap { $0 } ?? "", price: price!,
            stock: stock!, active: active ?? true, category: category.flatMap { $0 } ?? Product.defaultCategory,
            discontinued: discontinued)
    }

    /// The same fields as a product's.
    typealias CodingKeys = Product.CodingKeys
}

/// A partial update (`PUT /productos/{id}`): only the fields present change.
public struct ProductChanges: Codable, Sendable, Equatable {
    public var name: String?
    public var description: String?
    public var price: Int?
    public var stock: Int?
    public var active: Bool?
    public var category: String?
    public var state: ProductState?

    public init(
        name: String? = nil, description: String? = nil, price: Int? = nil, stock: Int? = nil,
        active: Bool? = nil, category: String? = nil, state: ProductState? = nil
    ) {
        self.name = name
        self.description = description
        self.price = price
        self.stock = stock
        self.active = active
        self.category = category
        self.state = state
    }

    /// Applies the changes to `producto`, validating every changed field. A discontinued
    /// product stays so until `estado` brings it back (`disponible` or `agotado`) or it is
    /// made active again.
    public func applied(to product: Product) throws(ValidationErrors) -> Product {
        let comesBack = (state != nil && state != .discontinued) || active == true
        let discontinued = state == .discontinued || (product.discontinued && !comesBack)
        let input = ProductInput(
            id: product.id, name: name ?? product.name, description: description ?? product.description,
            price: price ?? product.price, stock: stock ?? product.stock,
            active: discontinued
                ? (active == true ? true : false) : (active ?? (product.discontinued || product.active)),
            category: category ?? product.category, state: discontinued ? .discontinued : nil)
        return try input.validated()
    }

    enum CodingKeys: String, CodingKey {
        case name = "nombre"
        case description = "descripcion"
        case price = "precio"
        case stock
        case active = "activo"
        case category = "categoria"
        case state = "estado"
    }
}

/// Filters for listing products; nil means "any".
public struct ProductFilter: Sendable, Equatable {
    public var category: String?
    public var active: Bool?
    /// Words searched in name, description and category, ignoring case and accents; at most
    /// `maxTextLength` characters (a longer text is refused at the edge).
    public var text: String?

    /// Distinct words `text` may hold (each is one condition of the query; 1,100 of them
    /// went past SQLite's expression depth and answered 500, issue 16) and its length.
    public static let maxTextWords = 32
    public static let maxTextLength = 500

    /// The distinct folded words searched, in order of first appearance; nil when `text`
    /// is longer than `maxTextLength` or has more than `maxTextWords` distinct words.
    public var textWords: [String]? {
        guard let text else { return [] }
        guard text.count <= Self.maxTextLength else { return nil }
        var seen = Set<String>()
        var words: [String] = []
        for word in TextFold.fold(text).split(whereSeparator: \.isWhitespace) where seen.insert(String(word)).inserted {
            words.append(String(word))
            if words.count > Self.maxTextWords { return nil }
        }
        return words
    }

    public init(category: String? = nil, active: Bool? = nil, text: String? = nil) {
        self.category = category
        self.active = active
        self.text = text
    }
}
