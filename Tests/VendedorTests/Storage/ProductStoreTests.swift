import Foundation
import Testing

@testable import Core

@Suite("Storage: products")
struct StorageProductStoreTests {
    @Test func createReadUpdateDelete() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let created = try db.createProduct(
            ProductoInput(nombre: "  Señal   Salida ", descripcion: "Fotoluminiscente", precio: 12000, stock: 30))
        #expect(created.id > 0)
        #expect(created.nombre == "Señal Salida")
        #expect(created.categoria == "General")
        #expect(try db.product(id: created.id) == created)

        let updated = try db.updateProduct(id: created.id, ProductoCambios(precio: 13500, activo: false))
        #expect(updated.precio == 13500)
        #expect(updated.activo == false)
        #expect(updated.nombre == "Señal Salida")
        #expect(try db.product(id: created.id) == updated)

        #expect(try db.deleteProduct(id: created.id) == .deleted)
        #expect(try db.product(id: created.id) == nil)
        #expect(throws: StoreError.notFound(recurso: "el producto", clave: String(created.id))) {
            try db.deleteProduct(id: created.id)
        }
    }

    @Test func invalidProductsAreRefusedWithEveryField() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let error = #expect(throws: ValidationErrors.self) {
            try db.createProduct(ProductoInput(nombre: "", precio: -1, stock: -2))
        }
        #expect(error.map { Set($0.errores.map(\.campo)) } == ["nombre", "precio", "stock"])
        #expect(try db.listProducts().total == 0)
        _ = try db.createProduct(ProductoInput(id: 7, nombre: "Gafas", precio: 8500, stock: 50))
        #expect(throws: StoreError.self) {
            try db.createProduct(ProductoInput(id: 7, nombre: "Otra", precio: 1, stock: 1))
        }
        #expect(throws: ValidationErrors.self) { try db.updateProduct(id: 7, ProductoCambios(stock: -1)) }
        #expect(try db.product(id: 7)?.stock == 50)
    }

    @Test func listsWithFiltersAndPagination() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)

        let page = try db.listProducts(limit: 2, offset: 1)
        #expect(page.total == 5)
        #expect(page.limit == 2)
        #expect(page.offset == 1)
        #expect(page.resultados.map(\.id) == [2, 3])

        #expect(try db.listProducts(ProductoFiltro(activo: true)).resultados.map(\.id) == [1, 2, 3, 4])
        #expect(try db.listProducts(ProductoFiltro(activo: false)).resultados.map(\.id) == [5])
        #expect(try db.listProducts(ProductoFiltro(categoria: "contra incendios")).resultados.map(\.id) == [1])
        #expect(try db.listProducts(ProductoFiltro(texto: "camara DOMO")).resultados.map(\.id) == [3])
        #expect(try db.listProducts(ProductoFiltro(texto: "guantes cuero")).resultados.map(\.id) == [2])
        #expect(try db.listProducts(ProductoFiltro(texto: "100%")).total == 0)
        let combined = try db.listProducts(ProductoFiltro(categoria: "General", activo: true, texto: "c"))
        #expect(combined.resultados.map(\.id) == [2, 3])
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
        #expect(try db.product(id: 2)?.activo == false)
        #expect(try db.order(idempotencyKey: "k-1")?.items.first?.productoId == 2)
    }
}
