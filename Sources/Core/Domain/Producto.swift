/// A catalog product as the contract shows it. Prices are whole Colombian pesos.
public struct Producto: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var nombre: String
    public var descripcion: String
    public var precio: Int
    public var stock: Int
    public var activo: Bool
    public var categoria: String

    public init(
        id: Int64, nombre: String, descripcion: String = "", precio: Int, stock: Int, activo: Bool = true,
        categoria: String = Producto.defaultCategory
    ) {
        self.id = id
        self.nombre = nombre
        self.descripcion = descripcion
        self.precio = precio
        self.stock = stock
        self.activo = activo
        self.categoria = categoria
    }

    public static let defaultCategory = "General"
    public static let maxDescriptionLength = 1000
    public static let maxCategoryLength = 80

    /// Can this product be sold right now?
    public var disponible: Bool { activo && stock > 0 }
}

/// What a caller sends to create a product (`POST /productos`). Without `id` the store picks one.
public struct ProductoInput: Codable, Sendable, Equatable {
    public var id: Int64?
    public var nombre: String
    public var descripcion: String?
    public var precio: Int
    public var stock: Int
    public var activo: Bool?
    public var categoria: String?

    public init(
        id: Int64? = nil, nombre: String, descripcion: String? = nil, precio: Int, stock: Int,
        activo: Bool? = nil, categoria: String? = nil
    ) {
        self.id = id
        self.nombre = nombre
        self.descripcion = descripcion
        self.precio = precio
        self.stock = stock
        self.activo = activo
        self.categoria = categoria
    }

    /// The product to store (id 0 when the store must choose), or every invalid field.
    public func validated() throws(ValidationErrors) -> Producto {
        var check = ValidationCollector()
        if let id, id <= 0 { check.add(campo: "id", "El id debe ser un número entero positivo.") }
        let nombre = check.check(try Validation.name(nombre))
        let descripcion = check.check(
            try Validation.optionalText(descripcion, campo: "descripcion", maximo: Producto.maxDescriptionLength))
        let precio = check.check(try Validation.price(precio))
        let stock = check.check(try Validation.stock(stock))
        let categoria = check.check(
            try Validation.optionalText(categoria, campo: "categoria", maximo: Producto.maxCategoryLength))
        try check.finish()
        return Producto(
            id: id ?? 0, nombre: nombre!, descripcion: descripcion.flatMap { $0 } ?? "", precio: precio!,
            stock: stock!, activo: activo ?? true, categoria: categoria.flatMap { $0 } ?? Producto.defaultCategory)
    }
}

/// A partial update (`PUT /productos/{id}`): only the fields present change.
public struct ProductoCambios: Codable, Sendable, Equatable {
    public var nombre: String?
    public var descripcion: String?
    public var precio: Int?
    public var stock: Int?
    public var activo: Bool?
    public var categoria: String?

    public init(
        nombre: String? = nil, descripcion: String? = nil, precio: Int? = nil, stock: Int? = nil,
        activo: Bool? = nil, categoria: String? = nil
    ) {
        self.nombre = nombre
        self.descripcion = descripcion
        self.precio = precio
        self.stock = stock
        self.activo = activo
        self.categoria = categoria
    }

    /// Applies the changes to `producto`, validating every changed field.
    public func applied(to producto: Producto) throws(ValidationErrors) -> Producto {
        let input = ProductoInput(
            id: producto.id, nombre: nombre ?? producto.nombre, descripcion: descripcion ?? producto.descripcion,
            precio: precio ?? producto.precio, stock: stock ?? producto.stock, activo: activo ?? producto.activo,
            categoria: categoria ?? producto.categoria)
        return try input.validated()
    }
}

/// Filters for listing products; nil means "any".
public struct ProductoFiltro: Sendable, Equatable {
    public var categoria: String?
    public var activo: Bool?
    /// Words searched in name, description and category, ignoring case and accents.
    public var texto: String?

    public init(categoria: String? = nil, activo: Bool? = nil, texto: String? = nil) {
        self.categoria = categoria
        self.activo = activo
        self.texto = texto
    }
}
