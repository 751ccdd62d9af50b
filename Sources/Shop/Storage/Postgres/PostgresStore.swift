import Foundation
import Logging
import PostgresNIO
import Support
import Synchronization

/// The PostgreSQL engine behind the storage protocols (postgres-nio's pooled client). Each
/// public method is one transaction, READ COMMITTED, with the rows it changes locked
/// (`SELECT … FOR UPDATE`, always in id order) or guarded in the UPDATE itself, so the same
/// invariants hold as on SQLite with several processes on several hosts. Aggregates live
/// in `PostgresStore+*.swift`; the schema in `PostgresSchema`.
public final class PostgresStore: ShopStore, ClosableStore {
    let client: PostgresClient
    let logger: Logger
    let runner: Task<Void, Never>
    /// How long a call waits for a pooled connection while the pool grants none to anyone
    /// (`PostgresUnavailable` after that); a busy pool that keeps granting is waited for.
    let leaseTimeout: Duration
    /// Connections granted so far, by any call: the progress a waiting call looks at.
    let leasesGranted = Atomic<Int>(0)
    /// What every chat turn reads of the catalog, kept per catalog version.
    let catalogNames = CatalogReadCache<[String]>()
    let catalogVocabulary = CatalogReadCache<SearchVocabularyCounts>()

    init(
        client: PostgresClient, logger: Logger = Logger(label: "vendedor.postgres"),
        leaseTimeout: Duration = .seconds(15)
    ) {
        self.client = client
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        self.runner = Task { await client.run() }
    }

    /// Connects to `url`, brings the schema up to date (under an advisory lock, so processes
    /// starting together run each migration once) and returns the store.
    public static func connect(
        _ url: PostgresURL, maximumConnections: Int = 20, logger: Logger = Logger(label: "vendedor.postgres"),
        leaseTimeout: Duration = .seconds(15)
    ) async throws -> PostgresStore {
        let store = PostgresStore(
            client: PostgresClient(configuration: configuration(url, maximumConnections: maximumConnections)),
            logger: logger, leaseTimeout: leaseTimeout)
        do {
            try await PostgresSchema.migrate(store)
        } catch {
            await store.close()
            throw PostgresFailure.readable(error)
        }
        return store
    }

    static func configuration(_ url: PostgresURL, maximumConnections: Int) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let directory = url.socketDirectory {
            configuration = PostgresClient.Configuration(
                unixSocketPath: directory + "/.s.PGSQL.\(url.port)", username: url.user, password: url.password,
                database: url.database)
        } else {
            configuration = PostgresClient.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                tls: Self.tls(url.sslMode))
        }
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = [("application_name", "vendedor")]
        return configuration
    }

    static func tls(_ mode: PostgresURL.SSLMode) -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return .disable
        case .allow, .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            return .require(tls)
        }
    }

    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    deinit {
        runner.cancel()
    }

    /// Runs `body` in one transaction on one pooled connection (waiting at most `leaseTimeout`
    /// for it); any error rolls it back and is
    /// rethrown as is. A serialization failure or deadlock (the server chose this transaction
    /// to abort) is retried a few times. With tracing on, a client span named after the caller
    /// (`postgresql placeOrder(_:idempotencyKey:)`), as SQLite's `perform` makes.
    func transaction<T: Sendable>(
        function: String = #function, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await Traces.span("postgresql \(function)", kind: .client) { span in
            span?.updateAttributes { $0["db.system"] = "postgresql" }
            return try await retryingTransaction(body)
        }
    }

    private func retryingTransaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await withLeasedConnection { connection in
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        let value = try await body(connection)
                        try await connection.query("COMMIT", logger: logger)
                        return value
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch  where attempt < 5 && PostgresFailure.isRetryable(error) {
                try await Task.sleep(for: .milliseconds(10 * attempt))
                attempt += 1
            } catch {
                throw PostgresFailure.readable(error)
            }
        }
    }

    /// Runs read-only work on one pooled connection (one statement = one snapshot), in a client
    /// span named after the caller when tracing is on.
    func read<T: Sendable>(
        function: String = #function, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await Traces.span("postgresql \(function)", kind: .client) { span in
            span?.updateAttributes { $0["db.system"] = "postgresql" }
            do {
                return try await withLeasedConnection { connection in try await body(connection) }
            } catch {
                throw PostgresFailure.readable(error)
            }
        }
    }
}

/// A statement the server refused, with what it said (postgres-nio's own error hides it).
/// Neither the query's parameters nor the connection's password are in it.
public struct PostgresServerError: Error, CustomStringConvertible, Sendable {
    public var sqlState: String
    public var message: String
    public var detail: String?

    public var description: String {
        "PostgreSQL \(sqlState): \(message)" + (detail.map { " (\($0))" } ?? "")
    }
}

/// Server errors by SQLSTATE.
enum PostgresFailure {
    static func state(_ error: any Error) -> String? {
        if let error = error as? PostgresServerError { return error.sqlState }
        return (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// 23505: a UNIQUE constraint refused the row.
    static func isUniqueViolation(_ error: any Error) -> Bool { state(error) == "23505" }

    /// 40001 serialization failure, 40P01 deadlock: the transaction may simply be run again.
    static func isRetryable(_ error: any Error) -> Bool { ["40001", "40P01"].contains(state(error)) }

    /// `error` with the server's message readable, when the server refused a statement.
    static func readable(_ error: any Error) -> any Error {
        guard let psql = error as? PSQLError, let info = psql.serverInfo, let state = info[.sqlState] else {
            return error
        }
        return PostgresServerError(sqlState: state, message: info[.message] ?? "", detail: info[.detail])
    }
}

extension PostgresConnection {
    /// Runs `query` and returns every row, by column name.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await self.query(query, logger: logger) {
            rows.append(row.makeRandomAccess())
        }
        return rows
    }

    /// Runs `query` and returns its first row, if any.
    func row(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRandomAccessRow? {
        try await rows(query, logger: logger).first
    }

    /// Runs a statement, reading (and dropping) any rows it returns. To learn how many rows
    /// a change touched, give it a RETURNING clause and count `rows`.
    func execute(_ query: PostgresQuery, logger: Logger) async throws {
        for try await _ in try await self.query(query, logger: logger) {}
    }
}

extension PostgresRandomAccessRow {
    /// The value of `column`, decoded (an Optional type for a nullable column).
    func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column].decode(T.self, context: .default)
    }
}
