import Foundation
import GRDB
import Testing

@testable import Shop

/// `import-legacy` against a real database of the old system (Tests/VendedorTests/Fixtures/
/// legacy-app.db, a copy of the first shop's app.db: 121 products, 2 clients, 8 sales, 787
/// messages, 5 versions of the company text; messy as real data is), into each engine: the
/// same counts and records on SQLite and PostgreSQL.
@Suite("Importing the old system's database")
struct LegacyImportTests {
    static var fixture: String {
        TestPaths.repoRoot.appendingPathComponent("Tests/VendedorTests/Fixtures/legacy-app.db").path
    }

    /// The tables the import writes, with their keys.
    static let written = [
        ("productos", "id"), ("clientes", "cedula"), ("pedidos", "id"), ("pedido_items", "pedido_id, posicion"),
        ("mensajes", "id"), ("contexto_empresa", "id"), ("chat_control", "chat_id"),
        ("importacion_legado", "tabla, id_legado"), ("conversaciones", "chat_id"),
    ]

    @Test(arguments: TestEngine.allCases)
    func everythingIsCarriedOverWithCountsAndExactRecords(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let db = test.store
            let report = try await LegacyImporter().run(from: Self.fixture, into: db)

            #expect(try await test.count("productos") == 121)
            #expect(try await test.count("clientes") == 3)
            #expect(try await test.count("pedidos") == 8)
            #expect(try await test.count("mensajes") == 787)
            #expect(report.tally("pedidos")?.created == 8)
            #expect(report.tally("mensajes")?.created == 787)

            // A price with cents is rounded to whole pesos, and said so.
            #expect(try await db.product(id: 118)?.price == 200)
            #expect(report.notes.contains("productos 118: precio 199.99 redondeado a $200"))
            // One sale row per product, client data inside `detalle`: rebuilt as an order.
            let sale = try #require(
                try await db.listOrders(
                    OrderFilter(chatId: ChatScope.scoped("cliente_empresa_1", channel: "")), limit: nil, offset: nil
                ).results.first)
            #expect(sale.state == .delivered)
            #expect(sale.total == 225_000)
            #expect(sale.items.map { [$0.productId, Int64($0.quantity), Int64($0.unitPrice)] } == [[1, 5, 45_000]])
            #expect(sale.client.idNumber == "1098765432")
            #expect(sale.client.notes == "Edificio azul, portón café, timbre #301")
            // The order keeps the data given with it, not the stored client's.
            let first = try #require(
                try await db.listOrders(
                    OrderFilter(chatId: ChatScope.scoped("test_correo_123", channel: "")), limit: nil, offset: nil
                ).results.first)
            #expect(first.client.name == "María González Test")
            #expect(try await db.client(idNumber: "12345678")?.name == "Juan Carlos Pérez")
            // Purchase figures come from the imported orders.
            #expect(try await db.client(idNumber: "12345678")?.orderCount == 6)
            // A sale whose client was never registered creates it from the sale, and says so.
            #expect(try await db.client(idNumber: "87654321")?.name == "Cliente Final Test")
            #expect(report.notes.contains { $0.contains("87654321 no estaba registrado") })
            // Messages keep chat ids (in the namespace of no channel, as no owner was given),
            // senders and times; the old fields go in the metadata.
            let history = try await db.history(chatId: ChatScope.scoped("test_final", channel: ""), limit: 1_000)
            #expect(history.first?.sender == .user)
            #expect(history.first?.content == "Hola")
            #expect(history.count >= 2)
            #expect(report.notes.contains("mensajes: 5 con remitente «cliente» guardados como usuario"))
            // The active company text (version 5 of the old system).
            let legacyText = try Self.legacy {
                try String.fetchOne($0, sql: "SELECT contenido FROM contexto_empresa WHERE activo = 1")
            }
            #expect(try await db.activeCompanyContext()?.content == legacyText)
            // The console's inbox knows every imported chat, with all its messages.
            let inbox = try await db.inbox(InboxFilter(), viewer: 0, limit: 500, offset: nil)
            #expect(inbox.total == (try await test.count("conversaciones")))
            #expect(inbox.conversations.reduce(0) { $0 + $1.messages } == 787)
            let imported = try #require(
                inbox.conversations.first { $0.chatId == ChatScope.scoped("test_final", channel: "") })
            #expect(imported.messages == history.count)
            #expect(imported.lastMessageId == history.last?.id)
        }
    }

    /// The same figures, whatever the engine: the report and the per-table counts.
    @Test func bothEnginesEndWithTheSameCountsAndReport() async throws {
        var reports: [LegacyImportReport] = []
        var counts: [[Int]] = []
        for engine in TestEngine.allCases {
            try await TestStore.with(engine) { test in
                reports.append(try await LegacyImporter().run(from: Self.fixture, into: test.store))
                var row: [Int] = []
                for (table, _) in Self.written { row.append(try await test.count(table)) }
                counts.append(row)
            }
        }
        #expect(reports.count == 2 && reports[0] == reports[1])
        #expect(counts.count == 2 && counts[0] == counts[1], "\(Self.written.map(\.0)): \(counts)")
    }

    @Test(arguments: TestEngine.allCases)
    func aSecondRunChangesNothingAndADryRunWritesNothing(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let db = test.store
            let dry = try await LegacyImporter(dryRun: true).run(from: Self.fixture, into: db)
            #expect(dry.dryRun)
            #expect(dry.tally("mensajes")?.created == 787)
            #expect(try await test.count("mensajes") == 0)
            #expect(try await test.count("productos") == 0)
            #expect(try await test.count("conversaciones") == 0)

            _ = try await LegacyImporter().run(from: Self.fixture, into: db)
            let before = try await test.snapshot(Self.written)
            let again = try await LegacyImporter().run(from: Self.fixture, into: db)
            #expect(try await test.snapshot(Self.written) == before)
            for tally in again.tallies {
                #expect(tally.created == 0 && tally.updated == 0, "\(tally.table) cambió en la segunda importación")
            }
            #expect(again.tally("mensajes")?.unchanged == 787)
            #expect(again.tally("pedidos")?.unchanged == 8)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func rowsThatCannotBeImportedAreReportedNotDropped(engine: TestEngine) async throws {
        let copy = TestPaths.temporaryDirectory("legado").appendingPathComponent("app.db")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: copy.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy.path)
        // The old system ran without foreign keys, so sales of vanished products exist.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let legacy = try DatabaseQueue(path: copy.path, configuration: configuration)
        try legacy.inDatabase { db in
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
        try legacy.close()
        try await TestStore.with(engine) { test in
            let report = try await LegacyImporter().run(from: copy.path, into: test.store)
            #expect(report.notes.contains { $0.contains("el producto 9999 no existe") })
            #expect(report.notes.contains { $0.hasPrefix("clientes 12: omitido (cédula") })
            #expect(report.notes.contains { $0.hasPrefix("productos 122: omitido") })
            #expect(report.notes.contains("mensajes: 1 omitidos (sin texto)"))
            #expect(report.tally("pedidos")?.skipped == 1)
            #expect(report.tally("clientes")?.skipped == 1)
            #expect(report.tally("productos")?.skipped == 1)
            #expect(try await test.count("pedidos") == 8)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func somethingThatIsNotTheOldDatabaseIsRefusedWithoutWriting(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            // This system's own database is not the old one.
            let directory = try TemporaryDirectory()
            _ = try directory.openDatabase()
            await #expect(throws: LegacyImportError.self) {
                try await LegacyImporter().run(
                    from: directory.url.appendingPathComponent("app.db").path, into: test.store)
            }
            await #expect(throws: LegacyImportError.self) {
                try await LegacyImporter().run(from: "/nonexistent/app.db", into: test.store)
            }
            #expect(try await test.count("productos") == 0)
        }
    }

    /// `vendedor-workers import-legacy` as an operator runs it, into the engine `DATABASE_URL`
    /// names (no Redis: the re-index it enqueues afterwards is reported as not enqueued).
    @Test(arguments: TestEngine.allCases)
    func theCommandImportsIntoTheEngineDatabaseURLNames(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let directory = TestPaths.temporaryDirectory("legado-comando")
            let binary = TestPaths.binDir.appendingPathComponent("vendedor-workers").path
            func run(_ arguments: String) async throws -> (status: Int32?, output: String) {
                let output = directory.appendingPathComponent("salida-\(UUID().uuidString.prefix(6)).txt").path
                let process = try ChildProcess(
                    path: "/bin/sh", arguments: ["-c", "'\(binary)' import-legacy \(arguments)"],
                    environment: [
                        "DATABASE_URL": test.urlText, "REDIS_URL": "redis://127.0.0.1:1/0",
                        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                    ], outputPath: output)
                let status = await process.waitForExit(timeout: .seconds(120))
                return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
            }
            let dry = try await run("--dry-run '\(Self.fixture)'")
            #expect(dry.status == 0, "\(dry.output)")
            #expect(dry.output.contains("Simulación: no se cambió nada."))
            #expect(try await test.count("mensajes") == 0)

            let real = try await run("'\(Self.fixture)'")
            #expect(real.status == 0, "\(real.output)")
            #expect(real.output.contains("Importación terminada."))
            #expect(try await test.count("productos") == 121)
            #expect(try await test.count("mensajes") == 787)
            #expect(try await test.count("pedidos") == 8)

            let missing = try await run("/no/existe/app.db")
            #expect(missing.status == 1)
            #expect(missing.output.contains("la importación no se hizo"))
            #expect(try await test.count("mensajes") == 787)
        }
    }

    static func legacy<T>(_ read: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: fixture, configuration: configuration).read(read)
    }
}
