import Foundation
import GRDB
import Testing

@testable import Shop

@Suite("Storage: schema and connections")
struct StorageMigrationTests {
    static let tables = [
        "productos", "clientes", "pedidos", "pedido_items", "mensajes", "contexto_empresa", "chat_control",
        "canales_http",
    ]

    @Test func migrationsRunTwiceAndKeepData() throws {
        let tmp = try TemporaryDirectory()
        let first = try Fixtures.databaseWithProducts(in: tmp)
        let second = try tmp.openDatabase()
        let third = try tmp.openDatabase()
        #expect(try second.listProducts().total == 5)
        #expect(try third.product(id: 3)?.name == "Cámara vigilancia")
        let applied = try first.pool.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(applied == Schema.migrator.migrations.sorted())
        #expect(applied.contains("v1-catalogo"))
        let tables = try first.pool.read { db in
            try Self.tables.filter { try db.tableExists($0) }
        }
        #expect(tables == Self.tables)
    }

    @Test func twoProcessesMigratingAtOnceBothSucceed() async throws {
        let tmp = try TemporaryDirectory()
        let opened = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let db = try tmp.openDatabase()
                    return try db.listProducts().total
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(opened == [0, 0, 0, 0])
    }

    @Test func connectionsUseWALForeignKeysAndBusyTimeout() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let (journal, foreignKeys, timeout) = try db.pool.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(timeout == 5000)
        // Readers keep GRDB's own, longer timeout for pools (10 s): they wait only on checkpoints.
        #expect(try db.pool.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
    }

    @Test func schemaRejectsBrokenInvariants() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let now = Date()
        let statements: [(String, StatementArguments)] = [
            ("UPDATE productos SET stock = -1 WHERE id = 1", []),
            ("UPDATE productos SET precio = -5 WHERE id = 1", []),
            ("INSERT INTO clientes (cedula, nombre, creado, actualizado) VALUES ('12a456', 'X', ?, ?)", [now, now]),
            (
                "INSERT INTO pedidos (idempotency_key, cedula, estado, total, cliente_nombre, creado, actualizado) "
                    + "VALUES ('k', '999999', 'pendiente', 0, 'X', ?, ?)", [now, now]
            ),
            ("INSERT INTO mensajes (chat_id, remitente, contenido, creado) VALUES ('c', 'robot', 'hola', ?)", [now]),
            (
                "INSERT INTO mensajes (chat_id, remitente, contenido, metadata, creado) "
                    + "VALUES ('c', 'usuario', 'hola', '{roto', ?)", [now]
            ),
        ]
        for (sql, arguments) in statements {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try db.pool.write { try $0.execute(sql: sql, arguments: arguments) }
            }
        }
        #expect(try Fixtures.stock(db, 1) == 10)
    }

    @Test func onlyOneCompanyContextCanBeActive() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        try db.replaceCompanyContext("Versión uno")
        #expect(throws: DatabaseError.self) {
            try db.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO contexto_empresa (version, contenido, activo, creado) VALUES (9, 'otra', 1, ?)",
                    arguments: [Date()])
            }
        }
    }
}

@Suite("Storage: DATABASE_URL")
struct StorageDatabaseURLTests {
    @Test(arguments: [
        ("sqlite:///./var/app.db", "./var/app.db"),
        ("sqlite:///var/app.db", "var/app.db"),
        ("sqlite:////srv/vendedor/app.db", "/srv/vendedor/app.db"),
        ("/tmp/x/app.db", "/tmp/x/app.db"),
        ("./data.sqlite", "./data.sqlite"),
        ("", "./var/app.db"),
    ])
    func parsesAcceptedForms(value: String, path: String) throws {
        #expect(try DatabaseURL(value).path == path)
    }

    @Test func defaultsWhenUnset() throws {
        #expect(try DatabaseURL(nil).path == "./var/app.db")
        #expect(try DatabaseURL(nil).absolutePath(relativeTo: "/repo") == "/repo/var/app.db")
    }

    @Test(arguments: [
        "postgres://u@h/db?sslmode=sometimes", "sqlite:///", "sqlite:///:memory:", "mysql://x", "sqlite://var/app.db",
    ])
    func rejectsOtherForms(value: String) {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(value) }
    }

    @Test func createsTheParentDirectory() throws {
        let tmp = try TemporaryDirectory()
        let url = try DatabaseURL("sqlite:///" + tmp.url.path + "/a/b/app.db")
        let db = try AppDatabase.open(url)
        #expect(try db.listProducts().total == 0)
        #expect(FileManager.default.fileExists(atPath: tmp.url.path + "/a/b/app.db"))
    }
}
