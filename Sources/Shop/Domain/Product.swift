/// A catalog product as the contract shows it. Prices are whole Colombian pesos.
public struct Product: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var description: String
    public var price: Int
    public var stock: Int
    public var active: Bool
    public var category: String

    public init(
        id: Int64, name: String, description: String = "", price: Int, stock: Int, active: Bool = true,
        category: String = Product.defaultCategory
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.price = price
        self.stock = stock
        self.active = active
        self.category = category
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
    }
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

    public init(
        id: Int64? = nil, name: String, description: String? = nil, price: Int, stock: Int,
        active: Bool? = nil, category: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.price = price
        self.stock = stock
        self.active = active
        self.category = category
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
        try check.finish()
        return Product(
            id: id ?? 0, name: name!, description: description.flatMap { $0 } ?? "", price: price!,
            stock: stock!, active: active ?? true, category: category.flatMap { $0 } ?? Product.defaultCategory)
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

    public init(
        name: String? = nil, description: String? = nil, price: Int? = nil, stock: Int? = nil,
        active: Bool? = nil, category: String? = nil
    ) {
        self.name = name
        self.description = description
        self.price = price
        self.stock = stock
        self.active = active
        self.category = category
    }

    /// Applies the changes to `producto`, validating every changed field.
    public func applied(to product: Product) throws(ValidationErrors) -> Product {
        let input = ProductInput(
            id: product.id, name: name ?? product.name, description: description ?? product.description,
            price: price ?? product.price, stock: stock ?? product.stock, active: active ?? product.active,
            category: category ?? product.category)
        return try input.validated()
    }

    enum CodingKeys: String, CodingKey {
        case name = "nombre"
        case description = "descripcion"
        case price = "precio"
        case stock
        case active = "activo"
        case category = "categoria"
    }
}

/// Filters for listing products; nil means "any".
public struct ProductFilter: Sendable, Equatable {
    public var category: String?
    public var active: Bool?
    /// Words searched in name, description and category, ignoring case and accents; at most
    /// `maxTextLength` characters (a longer text is refused at the edge).
    public var text: String?

    /// Longest `text` accepted (`GET /productos?q=`): a few words name a product; a thousand
    /// would only make the query (one LIKE per word) expensive.
    public static let maxTextLength = 200

    public init(category: String? = nil, active: Bool? = nil, text: String? = nil) {
        self.category = category
        self.active = active
        self.text = text
    }
}
