import Foundation
import PostgresNIO

// Creating and dropping whole databases (tests and benchmarks use a fresh one each).
extension PostgresStore {
    /// A database name safe to splice into DDL: lower-case letters, digits and `_`, 1–63.
    static func checkedName(_ name: String) throws -> String {
        guard (1...63).contains(name.utf8.count),
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { throw PostgresServerError(sqlState: "42602", message: "invalid database name", detail: nil) }
        return name
    }

    /// Creates the empty database `name` on the server `server` names (connecting to its
    /// database, usually `postgres`), and returns the URL of the new one.
    public static func createDatabase(_ name: String, on server: PostgresURL) async throws -> PostgresURL {
        try await maintenance(server, "CREATE DATABASE \(try checkedName(name))")
        var url = server
        url.database = name
        return url
    }

    /// Drops `name`, closing whatever sessions still use it.
    public static func dropDatabase(_ name: String, on server: PostgresURL) async throws {
        try await maintenance(server, "DROP DATABASE IF EXISTS \(try checkedName(name)) WITH (FORCE)")
    }

    private static func maintenance(_ server: PostgresURL, _ sql: String) async throws {
        let store = PostgresStore(client: PostgresClient(configuration: configuration(server, maximumConnections: 1)))
        defer { store.runner.cancel() }
        do {
            _ = try await store.client.query(PostgresQuery(unsafeSQL: sql), logger: store.logger)
        } catch {
            throw PostgresFailure.readable(error)
        }
    }
}
