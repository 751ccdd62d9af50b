import Foundation
import PostgresNIO
import Testing

@testable import Shop

@Suite("Storage: PostgreSQL schema and URLs")
struct PostgresSchemaTests {
    /// Four processes opening a fresh database at once: every migration runs exactly once
    /// (the advisory lock), and a later open runs none.
    @Test func concurrentStartsRunEachMigrationOnce() async throws {
        let server = try TestPostgres.serverURL()
        let name = "migra_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let url = try await PostgresStore.createDatabase(String(name), on: server)
        do {
            let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in 0..<4 { group.addTask { try await PostgresStore.connect(url) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let applied = try await PostgresSchema.appliedMigrations(stores[0])
            #expect(applied == PostgresSchema.migrations.map(\.name))
            for store in stores { await store.close() }
            let again = try await PostgresStore.connect(url)
            #expect(try await PostgresSchema.appliedMigrations(again) == applied)
            await again.close()
        } catch {
            try? await PostgresStore.dropDatabase(String(name), on: server)
            throw error
        }
        try await PostgresStore.dropDatabase(String(name), on: server)
    }

    /// `pg5-consola` on a database that already has conversations: every chat gets its inbox
    /// row (count, newest message, whether it waits for a person), as SQLite's migration does.
    @Test func theConsoleMigrationBuildsTheInboxOfChatsThatAlreadyHadMessages() async throws {
        try await TestStore.with(.postgresql) { test in
            let store = try #require(test.store as? PostgresStore)
            try await store.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "hola"))
            let reply = try await store.appendMessage(
                NewMessage(chatId: "tg:1", sender: .agent, content: "¿Qué busca?"))
            try await store.setAIActive(chatId: "h:web:2", active: false, channel: .http)
            try await store.appendMessage(NewMessage(chatId: "h:web:2", sender: .operator, content: "Hola"))
            let waiting = try await store.appendMessage(NewMessage(chatId: "h:web:2", sender: .user, content: "¿y?"))
            // Back to the schema before `pg5-consola`, messages kept.
            try await store.transaction { connection in
                for statement in [
                    "DROP TRIGGER mensajes_conversacion ON mensajes", "DROP FUNCTION mensaje_en_conversacion()",
                    "DROP TABLE consola_vistos, conversaciones, auditoria, usuarios",
                    "DELETE FROM schema_migrations WHERE nombre = 'pg5-consola'",
                ] {
                    try await connection.execute(PostgresQuery(unsafeSQL: statement), logger: store.logger)
                }
            }
            let migrated = try await PostgresStore.connect(try #require(test.url.postgres))
            do {
                let inbox = try await migrated.inbox(InboxFilter(), viewer: 0, limit: nil, offset: nil)
                #expect(inbox.conversations.map(\.chatId) == ["h:web:2", "tg:1"])
                let web = inbox.conversations[0]
                #expect(web.messages == 2 && web.lastMessageId == waiting.id && web.needsPerson && web.unread)
                let telegram = inbox.conversations[1]
                #expect(telegram.messages == 2 && telegram.lastMessageId == reply.id && !telegram.needsPerson)
                #expect(telegram.lastSender == .agent && telegram.unread)
                // And the trigger is back.
                try await migrated.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "guantes"))
                #expect(try await migrated.conversation(chatId: "tg:1", viewer: 0)?.messages == 3)
            } catch {
                await migrated.close()
                throw error
            }
            await migrated.close()
        }
    }

    /// A server that takes the TCP connection and never answers (a wedged host, a half-open
    /// link): a call fails with `PostgresUnavailable` once its lease wait runs out, instead of
    /// waiting for ever while its worker keeps renewing the job's lease.
    @Test(.timeLimit(.minutes(1))) func aCallThatGetsNoConnectionFailsInsteadOfWaitingForEver() async throws {
        let silent = try SilentListener()
        let url = try #require(
            try DatabaseURL("postgresql://vendedor@127.0.0.1:\(silent.port)/tienda?sslmode=disable").postgres)
        let store = PostgresStore(
            client: PostgresClient(configuration: PostgresStore.configuration(url, maximumConnections: 2)),
            leaseTimeout: .seconds(2))
        for _ in 0..<2 {
            await #expect(throws: PostgresUnavailable.self) { _ = try await store.productNames() }
        }
        await store.close()
        silent.close()
    }

    /// A pool of one connection, each call holding it 0.5 s, the lease wait 8 s: the last of
    /// 24 calls waits about 12 s, longer than the lease wait, but the pool keeps granting the
    /// connection to the calls before it, so every call runs (CI saw orders fail on a busy,
    /// answering server when the wait counted from the request alone). The connection is opened
    /// first, with room to spare, so a loaded machine's slow connect is not what is measured;
    /// the gap between grants (0.5 s) is far below the wait, so a loaded machine still passes
    /// (a 2 s wait with 1 s holds failed in a full run).
    @Test(.timeLimit(.minutes(2))) func aCallQueuedBehindABusyPoolWaitsWhileThePoolGrants() async throws {
        let url = try TestPostgres.serverURL()
        let store = PostgresStore(
            client: PostgresClient(configuration: PostgresStore.configuration(url, maximumConnections: 1)),
            leaseTimeout: .seconds(8))
        var opened = false
        for _ in 0..<10 where !opened {
            opened = (try? await store.withLeasedConnection { _ in true }) ?? false
        }
        try #require(opened)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<Self.queuedCalls {
                group.addTask {
                    do {
                        try await store.withLeasedConnection { connection in
                            _ = try await connection.query("SELECT pg_sleep(0.5)", logger: store.logger)
                        }
                        return "ok"
                    } catch {
                        return String(describing: error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: "ok", count: Self.queuedCalls))
        await store.close()
    }

    static let queuedCalls = 24

    @Test func migrationNamesAreUnique() {
        let names = PostgresSchema.migrations.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func postgresURLsAreParsedLikeLibpq() throws {
        let full = try DatabaseURL("postgresql://ana%40x:p%3Ass@db.example.com:6543/tienda?sslmode=verify-full")
        let url = try #require(full.postgres)
        #expect(url.user == "ana@x")
        #expect(url.password == "p:ss")
        #expect(url.host == "db.example.com")
        #expect(url.port == 6543)
        #expect(url.database == "tienda")
        #expect(url.sslMode == .verifyFull)
        #expect(!full.isSQLite)
        #expect(!full.description.contains("p:ss"))

        let short = try #require(try DatabaseURL("postgres://vendedor@[::1]/").postgres)
        #expect(short.host == "::1")
        #expect(short.port == 5432)
        #expect(short.database == "vendedor")
        #expect(short.sslMode == .prefer)

        let socket = try #require(try DatabaseURL("postgresql:///tienda?host=/run/postgresql").postgres)
        #expect(socket.socketDirectory == "/run/postgresql")
        #expect(socket.database == "tienda")

        #expect(try DatabaseURL("sqlite:///./var/app.db").postgres == nil)
    }

    @Test(arguments: [
        "postgresql://u:secreto@h/db?sslmode=maybe", "postgresql://u@h:99999/db", "postgresql://u@h/db?sslcert=x",
        "postgresql://:x@h/db", "mysql://u@h/db",
    ])
    func badURLsAreRefusedWithoutShowingThePassword(text: String) {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL(text) }
        #expect(error?.message.contains("secreto") == false)
    }

    @Test func processesStillOnSQLiteRefusePostgresClearly() {
        let error = #expect(throws: DatabaseURLError.self) {
            try AppDatabase.open(try DatabaseURL("postgresql://u:secreto@127.0.0.1:1/db"))
        }
        #expect(error?.message.contains("PostgreSQL") == true)
        #expect(error?.message.contains("secreto") == false)
    }
}

/// A TCP port that accepts connections into its backlog and never reads or writes.
private final class SilentListener: Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
