/// A chat's cart: one line per product, in the order the customer asked for them. Prices
/// here are for showing the customer; the order is always charged at catalog prices by
/// `placeOrder`, and the agent refreshes the lines from the catalog every turn.
public struct Cart: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        public var productoId: Int64
        public var nombre: String
        public var cantidad: Int
        public var precio: Int

        public init(productoId: Int64, nombre: String, cantidad: Int, precio: Int) {
            self.productoId = productoId
            self.nombre = nombre
            self.cantidad = cantidad
            self.precio = precio
        }

        public var subtotal: Int { cantidad * precio }
    }

    public private(set) var lines: [Line] = []

    public init(lines: [Line] = []) {
        self.lines = lines
    }

    public var isEmpty: Bool { lines.isEmpty }
    public var total: Int { lines.reduce(0) { $0 + $1.subtotal } }
    public var productIds: [Int64] { lines.map(\.productoId) }

    public func quantity(of productoId: Int64) -> Int {
        line(productoId)?.cantidad ?? 0
    }

    public func line(_ productoId: Int64) -> Line? {
        lines.first { $0.productoId == productoId }
    }

    /// Sets the line of `producto` to `cantidad` units (adding the line if needed, removing
    /// it at 0) and returns the line.
    @discardableResult
    public mutating func set(_ producto: Producto, cantidad: Int) -> Line? {
        guard cantidad > 0 else {
            remove(producto.id)
            return nil
        }
        let line = Line(productoId: producto.id, nombre: producto.nombre, cantidad: cantidad, precio: producto.precio)
        if let index = lines.firstIndex(where: { $0.productoId == producto.id }) {
            lines[index] = line
        } else {
            lines.append(line)
        }
        return line
    }

    @discardableResult
    public mutating func remove(_ productoId: Int64) -> Line? {
        guard let index = lines.firstIndex(where: { $0.productoId == productoId }) else { return nil }
        return lines.remove(at: index)
    }

    public mutating func clear() {
        lines.removeAll()
    }

    /// Names and prices brought up to date from the catalog; lines of products that no
    /// longer exist or are inactive are dropped and returned.
    public mutating func refresh(from catalog: [Producto]) -> [Line] {
        let byId = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var dropped: [Line] = []
        lines = lines.compactMap { line in
            guard let producto = byId[line.productoId], producto.activo else {
                dropped.append(line)
                return nil
            }
            var updated = line
            updated.nombre = producto.nombre
            updated.precio = producto.precio
            return updated
        }
        return dropped
    }

    /// The order lines for `placeOrder` (every line, in order).
    public var orderLines: [OrderRequest.Line] {
        lines.map { OrderRequest.Line(productoId: $0.productoId, cantidad: $0.cantidad) }
    }
}
