import Foundation
import GRDB
import Testing

@testable import Shop

/// `import-legacy` against a real database of the old system (Tests/VendedorTests/Fixtures/
/// legacy-app.db, a copy of the first shop's app.db: 121 products, 2 clients, 8 sales, 787
/// messages, 5 versions of the company text; messy as real data is).
@Suite("Importing the old system's database")
struct LegacyImportTests {
    static var fixture: String {
        TestPaths.repoRoot.appendingPathComponent("Tests/VendedorTests/Fixtures/legacy-app.db").path
    }

    @Test func everythingIsCarriedOverWithCountsAndExactRecords() throws {
        let directory = try TemporaryDirectory()
        let db = try directory.openDatabase()
        let report = try LegacyImporter().run(from: Self.fixture, into: db)

        #expect(try Fixtures.count(db, "productos") == 121)
        #expect(try Fixtures.count(db, "clientes") == 3)
        #expect(try Fixtures.count(db, "pedidos") == 8)
        #expect(try Fixtures.count(db, "mensajes") == 787)
        #expect(report.tally("pedidos")?.created == 8)
        #expect(report.tally("mensajes")?.created == 787)

        // A price with cents is rounded to whole pesos, and said so.
        #expect(try db.product(id: 118)?.price == 200)
        #expect(report.notes.contains("productos 118: precio 199.99 redondeado a $200"))
        // One sale row per product, client data inside `detalle`: rebuilt as an order.
        let sale = try #require(
            try db.listOrders(OrderFilter(chatId: ChatScope.scoped("cliente_empresa_1", channel: ""))).results.first)
        #expect(sale.state == .delivered)
        #expect(sale.total == 225_000)
        #expect(sale.items.map { [$0.productId, Int64($0.quantity), Int64($0.unitPrice)] } == [[1, 5, 45_000]])
        #expect(sale.client.idNumber == "1098765432")
        #expect(sale.client.notes == "Edificio azul, portón café, timbre #301")
        // The order keeps the data given with it, not the stored client's.
        let first = try #require(
            try db.listOrders(OrderFilter(chatId: ChatScope.scoped("test_correo_123", channel: ""))).results.first)
        #expect(first.client.name == "María González Test")
        #expect(try db.client(idNumber: "12345678")?.name == "Juan Carlos Pérez")
        // Purchase figures come from the imported orders.
        #expect(try db.client(idNumber: "12345678")?.orderCount == 6)
        // A sale whose client was never registered creates it from the sale, and says so.
        #expect(try db.client(idNumber: "87654321")?.name == "Cliente Final Test")
        #expect(report.notes.contains { $0.contains("87654321 no estaba registrado") })
        // Messages keep chat ids (in the namespace of no channel, as no owner was given),
        // senders and times; the old fields go in the metadata.
        let history = try db.history(chatId: ChatScope.scoped("test_final", channel: ""))
        #expect(history.first?.sender == .user)
        #expect(history.first?.content == "Hola")
        #expect(history.count >= 2)
        #expect(report.notes.contains("mensajes: 5 con remitente «cliente» guardados como usuario"))
        // The active company text (version 5 of the old system).
        #expect(try db.activeCompanyContext()?.content.hasPrefix("") == true)
        let legacyText = try Self.legacy {
            try String.fetchOne($0, sql: "SELECT contenido FROM contexto_empresa WHERE activo = 1")
        }
        #expect(try db.activeCompanyContext()?.content == legacyText)
    }

    @Test func aSecondRunChangesNothingAndADryRunWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let db = try directory.openDatabase()
        let dry = try LegacyImporter(dryRun: true).run(from: Self.fixture, into: db)
        #expect(dry.dryRun)
        #expect(dry.tally("mensajes")?.created == 787)
        #expect(try Fixtures.count(db, "mensajes") == 0)
        #expect(try Fixtures.count(db, "productos") == 0)

        _ = try LegacyImporter().run(from: Self.fixture, into: db)
        let before = try Self.snapshot(db)
        let again = try LegacyImporter().run(from: Self.fixture, into: db)
        #expect(try Self.snapshot(db) == before)
        for tally in again.tallies {
            #expect(tally.created == 0 && tally.updated == 0, "\(tally.table) cambió en la segunda importación")
        }
        #expect(again.tally("mensajes")?.unchanged == 787)
        #expect(again.tally("pedidos")?.unchanged == 8)
    }

    @Test func rowsThatCannotBeImportedAreReportedNotDropped() throws {
        let copy = TestPaths.temporaryDirectory("legado").appendingPathComponent("app.db")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: copy.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy.path)
        // The old system ran without foreign keys, so sales of vanished products exist.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let legacy = try DatabaseQueue(path: copy.path, configuration: configuration)
        try legacy.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ventas (producto_id, cantidad, total, chat_id, estado, cliente_cedula, detalle, fecha)
                    VALUES (9999, 1, 1000, 'c-fantasma', 'pendiente', '12345678', NULL, '2025-06-01 10:00:00');
                    INSERT INTO clientes (cedula, nombre_completo, telefono, direccion, barrio)
                    VALUES ('12', 'Cédula Corta', '3001234567', 'Calle 1', 'Centro');
                    INSERT INTO productos (nombre, precio, stock, activo) VALUES ('', 1000, 1, 1);
                    INSERT INTO mensajes (chat_id, remitente, mensaje) VALUES ('c-vacio', 'usuario', '   ');
                    """)
        }
        let directory = try TemporaryDirectory()
        let db = try directory.openDatabase()
        let report = try LegacyImporter().run(from: copy.path, into: db)
        #expect(report.notes.contains { $0.contains("el producto 9999 no existe") })
        #expect(report.notes.contains { $0.hasPrefix("clientes 12: omitido (cédula") })
        #expect(report.notes.contains { $0.hasPrefix("productos 122: omitido") })
        #expect(report.notes.contains("mensajes: 1 omitidos (sin texto)"))
        #expect(report.tally("pedidos")?.skipped == 1)
        #expect(report.tally("clientes")?.skipped == 1)
        #expect(report.tally("productos")?.skipped == 1)
        #expect(try Fixtures.count(db, "pedidos") == 8)
    }

    @Test func somethingThatIsNotTheOldDatabaseIsRefusedWithoutWriting() throws {
        let directory = try TemporaryDirectory()
        let db = try directory.openDatabase()
        #expect(throws: LegacyImportError.self) {
            try LegacyImporter().run(from: directory.url.appendingPathComponent("app.db").path, into: db)
        }
        #expect(throws: LegacyImportError.self) {
            try LegacyImporter().run(from: "/nonexistent/app.db", into: db)
        }
    }

    static func legacy<T>(_ read: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: fixture, configuration: configuration).read(read)
    }

    /// Every row of the tables the import writes, as text.
    static func snapshot(_ db: AppDatabase) throws -> [String] {
        try db.pool.read { db in
            try ["productos", "clientes", "pedidos", "pedido_items", "mensajes", "contexto_empresa", "chat_control"]
                .flatMap { table in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
                }
        }
    }
}
