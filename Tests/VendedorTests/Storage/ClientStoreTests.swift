import Foundation
import Testing

@testable import Core

@Suite("Storage: clients")
struct StorageClientStoreTests {
    static let luis = ClienteDatos(
        cedula: "94456789", nombre: "Luis Peña", telefono: "6023928926", correo: "luis@taller.co")
    static let marta = ClienteDatos(cedula: "31999888", nombre: "Marta Ruíz", telefono: "3001112233")

    @Test func createReadUpdateDelete() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let created = try db.createClient(Fixtures.cliente)
        #expect(created.cedula == "1107654321")
        #expect(created.telefono == "3182842304")
        #expect(created.pedidosCount == 0)
        #expect(try db.client(cedula: "1.107.654.321") == created)
        #expect(throws: StoreError.self) { try db.createClient(Fixtures.cliente) }

        var datos = created.datos
        datos.direccion = "Calle 5 # 10-20"
        datos.indicaciones = nil
        let updated = try db.updateClient(cedula: "1107654321", datos)
        #expect(updated.direccion == "Calle 5 # 10-20")
        #expect(updated.indicaciones == nil)
        #expect(updated.creado == created.creado)

        datos.cedula = "1234567"
        #expect(throws: ValidationErrors.self) { try db.updateClient(cedula: "1107654321", datos) }
        #expect(throws: StoreError.self) { try db.updateClient(cedula: "1234567", datos) }

        try db.deleteClient(cedula: "1107654321")
        #expect(try db.client(cedula: "1107654321") == nil)
        #expect(throws: StoreError.notFound(recurso: "el cliente con cédula", clave: "1107654321")) {
            try db.deleteClient(cedula: "1107654321")
        }
    }

    @Test func upsertMergesWithoutErasingStoredData() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        _ = try db.upsertClient(Fixtures.cliente)
        let merged = try db.upsertClient(ClienteDatos(cedula: "1107654321", nombre: "Ana M. Gómez", barrio: "Granada"))
        #expect(merged.nombre == "Ana M. Gómez")
        #expect(merged.barrio == "Granada")
        #expect(merged.telefono == "3182842304")
        #expect(merged.correo == "ana.gomez@example.com")
        #expect(try db.listClients().total == 1)
    }

    @Test func searchesByNameEmailPhoneAndCedula() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        for datos in [Fixtures.cliente, Self.luis, Self.marta] { _ = try db.createClient(datos) }

        #expect(try db.buscarClientes(q: "maria gomez").resultados.map(\.cedula) == ["1107654321"])
        #expect(try db.buscarClientes(q: "RUIZ").resultados.map(\.cedula) == ["31999888"])
        #expect(try db.buscarClientes(q: "taller.co").resultados.map(\.cedula) == ["94456789"])
        #expect(try db.buscarClientes(q: "+57 318 284").resultados.map(\.cedula) == ["1107654321"])
        #expect(try db.buscarClientes(q: "(602) 392").resultados.map(\.cedula) == ["94456789"])
        #expect(try db.buscarClientes(q: "94.456.789").resultados.map(\.cedula) == ["94456789"])
        #expect(try db.buscarClientes(q: "nadie").total == 0)
        #expect(try db.buscarClientes(q: "%").total == 0)

        let all = try db.buscarClientes(q: "", limit: 2)
        #expect(all.total == 3)
        #expect(all.resultados.map(\.nombre) == ["Ana María Gómez", "Luis Peña"])
        // "9" is in every cédula or phone; an exact cédula match would come first.
        #expect(try db.buscarClientes(q: "31999888").resultados.first?.cedula == "31999888")
    }

    @Test func clientOrdersAndDeletionOfClientsWithOrders() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let first = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "a")
        let second = try db.placeOrder(Fixtures.order([(2, 2)]), idempotencyKey: "b")
        _ = try db.placeOrder(Fixtures.order([(2, 1)], cliente: Self.luis), idempotencyKey: "c")

        let orders = try db.clientOrders(cedula: "1.107.654.321")
        #expect(orders.total == 2)
        #expect(orders.resultados.map(\.id) == [second.pedido.id, first.pedido.id])
        #expect(throws: StoreError.self) { try db.clientOrders(cedula: "55555555") }
        #expect(throws: ValidationError.self) { try db.clientOrders(cedula: "12") }
        #expect(throws: StoreError.self) { try db.deleteClient(cedula: "1107654321") }
        #expect(try db.client(cedula: "1107654321") != nil)
    }
}
