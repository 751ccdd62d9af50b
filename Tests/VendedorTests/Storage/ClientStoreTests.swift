import Foundation
import Testing

@testable import Shop

@Suite("Storage: clients")
struct StorageClientStoreTests {
    static let luis = ClientDetails(
        idNumber: "94456789", name: "Luis Peña", phone: "6023928926", email: "luis@taller.co")
    static let marta = ClientDetails(idNumber: "31999888", name: "Marta Ruíz", phone: "3001112233")

    @Test func createReadUpdateDelete() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let created = try db.createClient(Fixtures.client)
        #expect(created.idNumber == "1107654321")
        #expect(created.phone == "3182842304")
        #expect(created.orderCount == 0)
        #expect(try db.client(idNumber: "1.107.654.321") == created)
        #expect(throws: StoreError.self) { try db.createClient(Fixtures.client) }

        var details = created.details
        details.address = "Calle 5 # 10-20"
        details.notes = nil
        let updated = try db.updateClient(idNumber: "1107654321", details)
        #expect(updated.address == "Calle 5 # 10-20")
        #expect(updated.notes == nil)
        #expect(updated.created == created.created)

        details.idNumber = "1234567"
        #expect(throws: ValidationErrors.self) { try db.updateClient(idNumber: "1107654321", details) }
        #expect(throws: StoreError.self) { try db.updateClient(idNumber: "1234567", details) }

        try db.deleteClient(idNumber: "1107654321")
        #expect(try db.client(idNumber: "1107654321") == nil)
        #expect(throws: StoreError.notFound(resource: "el cliente con cédula", key: "1107654321")) {
            try db.deleteClient(idNumber: "1107654321")
        }
    }

    @Test func upsertMergesWithoutErasingStoredData() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        _ = try db.upsertClient(Fixtures.client)
        let merged = try db.upsertClient(
            ClientDetails(idNumber: "1107654321", name: "Ana M. Gómez", neighborhood: "Granada"))
        #expect(merged.name == "Ana M. Gómez")
        #expect(merged.neighborhood == "Granada")
        #expect(merged.phone == "3182842304")
        #expect(merged.email == "ana.gomez@example.com")
        #expect(try db.listClients().total == 1)
    }

    @Test func searchesByNameEmailPhoneAndIdNumber() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        for details in [Fixtures.client, Self.luis, Self.marta] { _ = try db.createClient(details) }

        #expect(try db.searchClients(q: "maria gomez").results.map(\.idNumber) == ["1107654321"])
        #expect(try db.searchClients(q: "RUIZ").results.map(\.idNumber) == ["31999888"])
        #expect(try db.searchClients(q: "taller.co").results.map(\.idNumber) == ["94456789"])
        #expect(try db.searchClients(q: "+57 318 284").results.map(\.idNumber) == ["1107654321"])
        #expect(try db.searchClients(q: "(602) 392").results.map(\.idNumber) == ["94456789"])
        #expect(try db.searchClients(q: "94.456.789").results.map(\.idNumber) == ["94456789"])
        #expect(try db.searchClients(q: "nadie").total == 0)
        #expect(try db.searchClients(q: "%").total == 0)

        let all = try db.searchClients(q: "", limit: 2)
        #expect(all.total == 3)
        #expect(all.results.map(\.name) == ["Ana María Gómez", "Luis Peña"])
        // "9" is in every cédula or phone; an exact cédula match would come first.
        #expect(try db.searchClients(q: "31999888").results.first?.idNumber == "31999888")
    }

    @Test func clientOrdersAndDeletionOfClientsWithOrders() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let first = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "a")
        let second = try db.placeOrder(Fixtures.order([(2, 2)]), idempotencyKey: "b")
        _ = try db.placeOrder(Fixtures.order([(2, 1)], client: Self.luis), idempotencyKey: "c")

        let orders = try db.clientOrders(idNumber: "1.107.654.321")
        #expect(orders.total == 2)
        #expect(orders.results.map(\.id) == [second.order.id, first.order.id])
        #expect(throws: StoreError.self) { try db.clientOrders(idNumber: "55555555") }
        #expect(throws: ValidationError.self) { try db.clientOrders(idNumber: "12") }
        // A client with orders is retired, not deleted: its history stays.
        #expect(try db.deleteClient(idNumber: "1107654321") == .retired)
        #expect(try db.client(idNumber: "1107654321")?.active == false)
        #expect(try db.clientOrders(idNumber: "1107654321").total == 2)
    }
}
