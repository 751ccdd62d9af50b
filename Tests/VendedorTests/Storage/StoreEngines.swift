import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import Shop

/// The storage engines every store test runs against.
enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }
}

/// A fresh, empty store on one engine: a SQLite file in a temporary directory, or a new
/// database in the throwaway PostgreSQL cluster ops/test starts (`VENDEDOR_TEST_POSTGRES_URL`),
/// dropped by `remove()`.
final class TestStore: Sendable {
    let engine: TestEngine
    let store: any ShopStore & ClosableStore
    /// How a second process would open the same storage.
    let url: DatabaseURL
    private let directory: TemporaryDirectory?
    private let databaseName: String?

    private init(
        engine: TestEngine, store: any ShopStore & ClosableStore, url: DatabaseURL, directory: TemporaryDirectory?,
        databaseName: String?
    ) {
        self.engine = engine
        self.store = store
        self.url = url
        self.directory = directory
        self.databaseName = databaseName
    }

    static func open(_ engine: TestEngine) async throws -> TestStore {
        switch engine {
        case .sqlite:
            let directory = try TemporaryDirectory()
            let url = try DatabaseURL("sqlite:///" + directory.databasePath)
            return TestStore(
                engine: engine, store: try await StorageEngine.open(url), url: url, directory: directory,
                databaseName: nil)
        case .postgresql:
            let server = try TestPostgres.serverURL()
            let name = "prueba_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let target = try await PostgresStore.createDatabase(String(name), on: server)
            let url = try DatabaseURL(TestPostgres.urlString(target))
            return TestStore(
                engine: engine, store: try await StorageEngine.open(url), url: url, directory: nil,
                databaseName: String(name))
        }
    }

    /// `DATABASE_URL` for another process on this storage.
    var urlText: String {
        if let postgres = url.postgres { return TestPostgres.urlString(postgres) }
        return "sqlite:///" + url.path
    }

    /// Closes the store and deletes its file or database.
    func remove() async {
        await store.close()
        if let databaseName, let server = try? TestPostgres.serverURL() {
            try? await PostgresStore.dropDatabase(databaseName, on: server)
        }
    }

    /// Runs `body` with a fresh store, removing it afterwards whatever happens.
    static func with<T>(_ engine: TestEngine, _ body: (TestStore) async throws -> T) async throws -> T {
        let store = try await open(engine)
        do {
            let value = try await body(store)
            await store.remove()
            return value
        } catch {
            await store.remove()
            throw error
        }
    }

    /// The store with the five fixture products.
    static func withProducts<T>(_ engine: TestEngine, _ body: (TestStore) async throws -> T) async throws -> T {
        try await with(engine) { test in
            for product in Fixtures.products { _ = try await test.store.createProduct(product) }
            return try await body(test)
        }
    }
}

enum TestPostgres {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "VENDEDOR_TEST_POSTGRES_URL no está definida: ejecute las pruebas con ops/test (inicia un PostgreSQL)"
        }
    }

    static func serverURL() throws -> PostgresURL {
        guard let text = ProcessInfo.processInfo.environment["VENDEDOR_TEST_POSTGRES_URL"], !text.isEmpty else {
            throw NotConfigured()
        }
        return try PostgresURL(text)
    }

    static func urlString(_ url: PostgresURL) -> String {
        "postgresql://\(url.user)@\(url.host):\(url.port)/\(url.database)?sslmode=\(url.sslMode.rawValue)"
    }
}

extension TestStore {
    /// The rows of `table` (a fixed name from the test).
    func count(_ table: String) async throws -> Int {
        switch store {
        case let sqlite as SQLiteStore:
            return try Fixtures.count(sqlite.database, table)
        case let postgres as PostgresStore:
            return try await postgres.read { connection in
                try await connection.row(
                    PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n FROM \(table)"), logger: postgres.logger
                )?.value("n", as: Int.self) ?? -1
            }
        default:
            Issue.record("unknown engine \(type(of: store))")
            return -1
        }
    }

    /// Every row of each table (name, ORDER BY clause), as text: equal snapshots mean nothing
    /// changed.
    func snapshot(_ tables: [(String, String)]) async throws -> [String] {
        var lines: [String] = []
        for (table, order) in tables {
            switch store {
            case let sqlite as SQLiteStore:
                lines += try await sqlite.database.pool.read { db in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { "\(table) \($0)" }
                }
            case let postgres as PostgresStore:
                lines += try await postgres.read { connection in
                    try await connection.rows(
                        PostgresQuery(unsafeSQL: "SELECT t::text AS fila FROM \(table) t ORDER BY \(order)"),
                        logger: postgres.logger
                    ).map { "\(table) \(try $0.value("fila", as: String.self))" }
                }
            default:
                Issue.record("unknown engine \(type(of: store))")
            }
        }
        return lines
    }
}
