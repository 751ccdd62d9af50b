import Foundation
import Testing

@testable import Shop

/// The states the old system had: products available / sold out (from the stock) /
/// discontinued (never offered, kept for old orders); clients active or retired (kept with
/// their history, not offered at checkout).
@Suite("Product and client states")
struct RecordStateTests {
    @Test func aDiscontinuedProductIsInactiveUntilItsStateBringsItBack() throws {
        let directory = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: directory)
        #expect(try db.product(id: 1)?.state == .available)
        #expect(try db.product(id: 4)?.state == .soldOut)

        let retired = try db.updateProduct(id: 1, ProductChanges(state: .discontinued))
        #expect(retired.state == .discontinued)
        #expect(!retired.active)
        // Other edits keep it discontinued; it cannot be both discontinued and active.
        #expect(try db.updateProduct(id: 1, ProductChanges(price: 46_000)).state == .discontinued)
        #expect(throws: ValidationErrors.self) {
            try db.updateProduct(id: 1, ProductChanges(active: true, state: .discontinued))
        }
        // A catalog file does not bring it back; its state does.
        _ = try db.importCatalog(
            csv: Data("id,nombre,precio,stock,activo\n1,Extintor PQS 10 libras,45000,10,1\n".utf8), mode: .merge)
        #expect(try db.product(id: 1)?.state == .discontinued)
        let back = try db.updateProduct(id: 1, ProductChanges(state: .available))
        #expect(back.state == .available)
        #expect(back.active)

        let json = String(decoding: try JSONEncoder().encode(retired), as: UTF8.self)
        #expect(json.contains(#""estado":"descontinuado""#))
        #expect(try JSONDecoder().decode(Product.self, from: Data(json.utf8)) == retired)
        // Written around the store, the schema still refuses it.
        #expect(throws: (any Error).self) {
            try db.pool.write { try $0.execute(sql: "UPDATE productos SET descontinuado = 1, activo = 1 WHERE id = 2") }
        }
    }

    @Test func aClientWithOrdersIsRetiredNotDeletedAndCanComeBack() throws {
        let directory = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: directory)
        _ = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "k1")
        _ = try db.createClient(ClientDetails(idNumber: "22334455", name: "Sin Pedidos"))

        #expect(try db.deleteClient(idNumber: "1.107.654.321") == .retired)
        let retired = try #require(try db.client(idNumber: "1107654321"))
        #expect(!retired.active)
        #expect(try db.clientOrders(idNumber: "1107654321").total == 1)
        #expect(String(decoding: try JSONEncoder().encode(retired), as: UTF8.self).contains(#""activo":false"#))
        #expect(try db.deleteClient(idNumber: "22334455") == .deleted)
        #expect(try db.client(idNumber: "22334455") == nil)
        #expect(try db.setClientActive(idNumber: "1107654321", active: true).active)

        let statistics = try db.statistics()
        #expect(statistics.retiredClients == 0)
        #expect(statistics.productsByState["agotado"] == 1)
        _ = try db.setClientActive(idNumber: "1107654321", active: false)
        #expect(try db.statistics().retiredClients == 1)
    }
}
