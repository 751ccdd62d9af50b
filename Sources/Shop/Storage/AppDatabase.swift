import Foundation
import GRDB
import SpanishText

/// The shop's records: one value per process wrapping a GRDB `DatabasePool` (WAL, foreign keys,
/// 5 s busy timeout). Both executables may open the same file at once: every write is an
/// IMMEDIATE transaction, so writers queue on SQLite's lock instead of failing.
///
/// Each public method is one transaction with an intention-revealing name; they are grouped by
/// resource in `AppDatabase+*.swift`. The methods block the calling thread while SQLite works;
/// async code should go through `perform(_:)`.
public struct AppDatabase: Sendable {
    public let pool: DatabasePool
    /// What every chat turn reads of the catalog, kept per catalog version; shared by every
    /// copy of this value (and so by every store over it).
    let catalogNames = CatalogReadCache<[String]>()
    let catalogVocabulary = CatalogReadCache<SearchVocabularyCounts>()

    /// Wraps an open pool and brings its schema up to date.
    public init(pool: DatabasePool) throws {
        self.pool = pool
        try Self.migrate(pool)
    }

    /// The catalog's version in `db`'s snapshot (`catalogo_version`).
    static func catalogVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM catalogo_version WHERE id = 1")) ?? 0
    }

    /// Opens (creating it and its directory if needed) the SQLite database `DATABASE_URL` names;
    /// a PostgreSQL URL is refused (the processes open either with `StorageEngine.open`).
    public static func open(_ url: DatabaseURL) throws -> AppDatabase {
        if let postgres = url.postgres {
            throw DatabaseURLError(
                value: postgres.description,
                reason:
                    "este comando lee solo SQLite (las pruebas de rendimiento que siembran un archivo); "
                    + "el front end, los workers y sus comandos abren PostgreSQL con StorageEngine.open")
        }
        try url.createParentDirectory()
        return try open(path: url.absolutePath())
    }

    /// Opens (creating it if needed) the database file at `path`. Two processes opening a new
    /// file at the same moment race to switch it to WAL; SQLite answers the loser "database is
    /// locked" at once (no busy wait for that step), so opening is retried, for up to
    /// `openBusyBudget`: a worker started beside a long write waits for it instead of dying
    /// (on a loaded machine the ~10 s of twenty quick retries ran out once, in the full suite).
    public static func open(path: String) throws -> AppDatabase {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: openBusyBudget)
        var attempt = 1
        while true {
            do {
                return try AppDatabase(pool: DatabasePool(path: path, configuration: makeConfiguration()))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && clock.now < deadline {
                Thread.sleep(forTimeInterval: min(0.05 * Double(attempt), 1))
                attempt += 1
            }
        }
    }

    /// How long opening waits on a file another process holds locked.
    static let openBusyBudget: Duration = .seconds(60)

    /// The connection settings every process uses.
    public static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.label = "vendedor"
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            db.add(function: SearchFunctions.fold)
        }
        return config
    }

    /// Runs the migrations. When another process migrates the same file at the same moment,
    /// one of the two may fail on "table already exists"; it then retries and finds the work
    /// done. A real schema error fails every attempt and is thrown.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = Schema.migrator
        for attempt in 1... {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                if try pool.read(migrator.hasCompletedMigrations) { return }
                if attempt >= 5 { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }
}

/// SQL functions registered on every connection (used in queries only, never in the schema,
/// so the file stays readable by any SQLite tool).
enum SearchFunctions {
    /// `pliegue(text)`: lower-case without accents, see `TextFold`.
    static let fold = DatabaseFunction("pliegue", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(TextFold.fold)
    }

    /// A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` escaped (use ESCAPE '\').
    static func containsPattern(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
