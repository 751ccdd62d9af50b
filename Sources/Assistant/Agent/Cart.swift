import Shop

/// A chat's cart: one line per product, in the order the customer asked for them. Prices
/// here are for showing the customer; the order is always charged at catalog prices by
/// `placeOrder`, and the agent refreshes the lines from the catalog every turn.
public struct Cart: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        public var productId: Int64
        public var name: String
        public var quantity: Int
        public var price: Int

        public init(productId: Int64, name: String, quantity: Int, price: Int) {
            self.productId = productId
            self.name = name
            self.quantity = quantity
            self.price = price
        }

        public var subtotal: Int { quantity * price }

        enum CodingKeys: String, CodingKey {
            case productId = "productoId"
            case name = "nombre"
            case quantity = "cantidad"
            case price = "precio"
        }
    }

    public private(set) var lines: [Line] = []

    public init(lines: [Line] = []) {
        self.lines = lines
    }

    public var isEmpty: Bool { lines.isEmpty }
    public var total: Int { lines.reduce(0) { $0 + $1.subtotal } }
    public var productIds: [Int64] { lines.map(\.productId) }

    public func quantity(of productId: Int64) -> Int {
        line(productId)?.quantity ?? 0
    }

    public func line(_ productId: Int64) -> Line? {
        lines.first { $0.productId == productId }
    }

    /// Sets the line of `producto` to `cantidad` units (adding the line if needed, removing
    /// it at 0) and returns the line.
    @discardableResult
    public mutating func set(_ product: Product, quantity: Int) -> Line? {
        guard quantity > 0 else {
            remove(product.id)
            return nil
        }
        let line = Line(productId: product.id, name: product.name, quantity: quantity, price: product.price)
        if let index = lines.firstIndex(where: { $0.productId == product.id }) {
            lines[index] = line
        } else {
            lines.append(line)
        }
        return line
    }

    /// Moves a line to `position` (clamped to the lines there are): the place the customer
    /// first asked for it, when it was added after a question.
    public mutating func move(_ productId: Int64, to position: Int) {
        guard let index = lines.firstIndex(where: { $0.productId == productId }) else { return }
        let line = lines.remove(at: index)
        lines.insert(line, at: min(max(0, position), lines.count))
    }

    @discardableResult
    public mutating func remove(_ productId: Int64) -> Line? {
        guard let index = lines.firstIndex(where: { $0.productId == productId }) else { return nil }
        return lines.remove(at: index)
    }

    public mutating func clear() {
        lines.removeAll()
    }

    /// Names and prices brought up to date from the catalog; lines of products that no
    /// longer exist or are inactive are dropped and returned.
    public mutating func refresh(from catalog: [Product]) -> [Line] {
        let byId = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var dropped: [Line] = []
        lines = lines.compactMap { line in
            guard let product = byId[line.productId], product.active else {
                dropped.append(line)
                return nil
            }
            var updated = line
            updated.name = product.name
            updated.price = product.price
            return updated
        }
        return dropped
    }

    /// The order lines for `placeOrder` (every line, in order).
    public var orderLines: [OrderRequest.Line] {
        lines.map { OrderRequest.Line(productId: $0.productId, quantity: $0.quantity) }
    }
}
