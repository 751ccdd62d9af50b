import Foundation

/// Order lines priced from the catalog, the same on every engine: every product must exist
/// and be active, every quantity must fit the stock (all short lines reported at once), and
/// the price is the catalog's, never the caller's.
enum OrderPricing {
    /// `products`: the rows read for the request's product ids (in any order).
    static func lines(_ lines: [OrderRequest.Line], products found: [Product]) throws -> [OrderLine] {
        let products = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var items: [OrderLine] = []
        var short: [ShortItem] = []
        for line in lines {
            guard let product = products[line.productId] else {
                throw OrderError.productNotFound(line.productId)
            }
            guard product.active else {
                throw OrderError.productInactive(id: product.id, name: product.name)
            }
            if product.stock < line.quantity {
                short.append(
                    ShortItem(
                        productId: product.id, name: product.name, order: line.quantity,
                        available: product.stock))
            }
            items.append(
                OrderLine(
                    productId: product.id, name: product.name, quantity: line.quantity,
                    unitPrice: product.price))
        }
        if !short.isEmpty { throw OrderError.insufficientStock(short) }
        return items
    }
}
