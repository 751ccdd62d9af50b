import Foundation
import Testing

@testable import Shop

@Suite("Storage: products")
struct StorageProductStoreTests {
    @Test func createReadUpdateDelete() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let created = try db.createProduct(
            ProductInput(name: "  Señal   Salida ", description: "Fotoluminiscente", price: 12000, stock: 30))
        #expect(created.id > 0)
        #expect(created.name == "Señal Salida")
        #expect(created.category == "General")
        #expect(try db.product(id: created.id) == created)

        let updated = try db.updateProduct(id: created.id, ProductChanges(price: 13500, active: false))
        #expect(updated.price == 13500)
        #expect(updated.active == false)
        #expect(updated.name == "Señal Salida")
        #expect(try db.product(id: created.id) == updated)

        #expect(try db.deleteProduct(id: created.id) == .deleted)
        #expect(try db.product(id: created.id) == nil)
        #expect(throws: StoreError.notFound(resource: "el producto", key: String(created.id))) {
            try db.deleteProduct(id: created.id)
        }
    }

    @Test func invalidProductsAreRefusedWithEveryField() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let error = #expect(throws: ValidationErrors.self) {
            try db.createProduct(ProductInput(name: "", price: -1, stock: -2))
        }
        #expect(error.map { Set($0.errors.map(\.field)) } == ["nombre", "precio", "stock"])
        #expect(try db.listProducts().total == 0)
        _ = try db.createProduct(ProductInput(id: 7, name: "Gafas", price: 8500, stock: 50))
        #expect(throws: StoreError.self) {
            try db.createProduct(ProductInput(id: 7, name: "Otra", price: 1, stock: 1))
        }
        #expect(throws: ValidationErrors.self) { try db.updateProduct(id: 7, ProductChanges(stock: -1)) }
        #expect(try db.product(id: 7)?.stock == 50)
    }

    @Test func listsWithFiltersAndPagination() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)

        let page = try db.listProducts(limit: 2, offset: 1)
        #expect(page.total == 5)
        #expect(page.limit == 2)
        #expect(page.offset == 1)
        #expect(page.results.map(\.id) == [2, 3])

        #expect(try db.listProducts(ProductFilter(active: true)).results.map(\.id) == [1, 2, 3, 4])
        #expect(try db.listProducts(ProductFilter(active: false)).results.map(\.id) == [5])
        #expect(try db.listProducts(ProductFilter(category: "contra incendios")).results.map(\.id) == [1])
        #expect(try db.listProducts(ProductFilter(text: "camara DOMO")).results.map(\.id) == [3])
        #expect(try db.listProducts(ProductFilter(text: "guantes cuero")).results.map(\.id) == [2])
        #expect(try db.listProducts(ProductFilter(text: "100%")).total == 0)
        let combined = try db.listProducts(ProductFilter(category: "General", active: true, text: "c"))
        #expect(combined.results.map(\.id) == [2, 3])
        #expect(try db.listProducts(limit: 0).limit == 1)
        #expect(try db.listProducts(limit: 10_000).limit == Paging.maxLimit)
        #expect(try db.products(ids: [3, 99, 1]).map(\.id) == [3, 1])
        #expect(try db.productCategories() == ["Contra Incendios", "General", "Protección Cabeza"])
    }

    @Test func soldProductsAreDeactivatedNotDeleted() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        _ = try db.placeOrder(Fixtures.order([(2, 1)]), idempotencyKey: "k-1")
        #expect(try db.deleteProduct(id: 2) == .deactivated)
        #expect(try db.product(id: 2)?.active == false)
        #expect(try db.order(idempotencyKey: "k-1")?.items.first?.productId == 2)
    }
}
