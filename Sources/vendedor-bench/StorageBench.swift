import Assistant
import Foundation
import Shop
import Support

/// `ops/bench storage`: the storage engines side by side, on a fresh SQLite file and a fresh
/// database in the PostgreSQL server `VENDEDOR_BENCH_POSTGRES_URL` names (ops/bench starts a
/// throwaway one). Per engine (`storage.sqlite.…`, `storage.postgresql.…`):
/// - `lexical_<set>_hit_at_3` / `_recall_at_5`: the word search alone (`LexicalRetriever`)
///   over the demo catalog for the dev, control and test search sets;
/// - `orders_per_s`: orders placed by 16 concurrent tasks (one line each, with stock);
/// - `chat_turns_per_s`: chat turns recorded (history, dialogue state, turn) by 16 tasks, the
///   reply path's write;
/// - `replies_per_s`: the reply path whole (`ReplyBench.measure`: the production reply, order
///   and delivery workers in this process on that engine, the evaluation conversations by
///   8 chats at once, offline providers), and `storage.postgresql_vs_sqlite_replies`.
/// And `storage.lexical_<set>_same_top5`: share of queries whose first five products are the
/// same, in the same order, on both engines (differences listed on stderr, not for test); `storage.postgresql_vs_sqlite_orders` / `_chat_turns`: throughput ratios.
struct StorageBench {
    var dataDirectory: String
    var orders: Int
    var turns: Int

    static let concurrency = 16

    func run() async throws {
        let environment = Environment.load()
        guard let serverText = environment["VENDEDOR_BENCH_POSTGRES_URL"] else {
            throw BenchError("falta VENDEDOR_BENCH_POSTGRES_URL (ops/bench storage inicia un PostgreSQL)")
        }
        guard let server = try DatabaseURL(serverText).postgres else {
            throw BenchError("VENDEDOR_BENCH_POSTGRES_URL no es una URL postgresql://")
        }
        var config = try RetrievalConfig(environment: environment)
        config.searchDataDirectory = dataDirectory + "/busqueda"
        let lexicon = try config.loadLexicon()
        let parsed = CatalogCSV.parse(try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/catalogo.csv")))
        let sets = try RetrievalBench.sets.map {
            ($0.name, try RetrievalBench.load(dataDirectory + "/evaluacion/\($0.file).tsv"))
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-storage-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let databaseName = "bench_" + String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(16))
        let postgresURL = try await PostgresStore.createDatabase(databaseName, on: server)
        defer { Task { try? await PostgresStore.dropDatabase(databaseName, on: server) } }

        let engines: [(String, any ShopStore & ClosableStore)] = [
            ("sqlite", try await StorageEngine.open(try DatabaseURL("sqlite:///" + directory.path + "/bench.db"))),
            ("postgresql", try await PostgresStore.connect(postgresURL, maximumConnections: Self.concurrency)),
        ]
        var rankings: [String: [[Int64]]] = [:]
        var throughput: [String: (orders: Double, turns: Double)] = [:]
        for (name, store) in engines {
            for row in parsed.rows {
                let product = row.product
                _ = try await store.createProduct(
                    ProductInput(
                        id: product.id, name: product.name, description: product.description, price: product.price,
                        stock: 1_000_000, active: product.active, category: product.category))
            }
            let lexical = LexicalRetriever(store: store, lexicon: lexicon, threshold: config.threshold)
            for (set, cases) in sets {
                var score = RetrievalBench.Score()
                for item in cases {
                    let ranked = try await lexical.search(item.query, limit: 5).map(\.product.id)
                    score.add(ranked, item.expectedIds)
                    rankings[name, default: []].append(ranked)
                }
                print("storage.\(name).lexical_\(set)_hit_at_3=\(format(score.hitAt3))")
                print("storage.\(name).lexical_\(set)_recall_at_5=\(format(score.recallAt5))")
            }
            let productIds = parsed.rows.filter(\.product.active).map(\.product.id)
            let ordersPerSecond = try await Self.rate(count: orders) { index in
                let line = OrderRequest.Line(productId: productIds[index % productIds.count], quantity: 1)
                let client = ClientDetails(
                    idNumber: String(10_000_000 + index % 50), name: "Cliente \(index % 50)", phone: "3001234567",
                    address: "Calle 10 # 5-20")
                _ = try await store.placeOrder(
                    OrderRequest(chatId: "bench:\(index)", client: client, items: [line]), idempotencyKey: "k\(index)")
            }
            let turnsPerSecond = try await Self.rate(count: turns) { index in
                let chat = "bench:\(index % 200)"
                try await store.recordChatTurn(
                    ChatTurnRecord(
                        jobId: "turno-\(index)", chatId: chat, channel: .http, owner: nil,
                        incoming: NewMessage(chatId: chat, sender: .user, content: "¿Tienen guantes de nitrilo?"),
                        reply: NewMessage(chatId: chat, sender: .agent, content: "Sí, tenemos Guantes de nitrilo."),
                        stateJSON: "{\"carrito\":[{\"id\":2,\"cantidad\":\(index % 5 + 1)}]}",
                        result: "{\"respuesta\":\"ok\"}"))
            }
            print("storage.\(name).orders_per_s=\(format(ordersPerSecond))")
            print("storage.\(name).chat_turns_per_s=\(format(turnsPerSecond))")
            throughput[name] = (ordersPerSecond, turnsPerSecond)
            await store.close()
        }
        let sqlite = rankings["sqlite"] ?? []
        let postgres = rankings["postgresql"] ?? []
        var offset = 0
        for (set, cases) in sets {
            let range = offset..<min(offset + cases.count, sqlite.count, postgres.count)
            let same = range.filter { sqlite[$0] == postgres[$0] }.count
            print("storage.lexical_\(set)_same_top5=\(format(Double(same) / Double(max(1, range.count))))")
            for index in range where sqlite[index] != postgres[index] && set != "test" {
                FileHandle.standardError.write(
                    Data(
                        "distinto «\(cases[index - offset].query)»: sqlite \(sqlite[index]) postgresql \(postgres[index])\n"
                            .utf8))
            }
            offset += cases.count
        }
        // The reply path whole, on a fresh database of each engine.
        let replyDatabase = databaseName + "_r"
        let replyURL = try await PostgresStore.createDatabase(replyDatabase, on: server)
        defer { Task { try? await PostgresStore.dropDatabase(replyDatabase, on: server) } }
        var components = URLComponents(string: serverText)
        components?.path = "/" + replyURL.database
        let conversations = try ConversationSet.load()
        var replies: [String: Double] = [:]
        for (name, url) in [
            ("sqlite", "sqlite:///" + directory.path + "/replies.db"), ("postgresql", components?.string ?? ""),
        ] {
            let (rig, task) = try await AgentBenchRig.start(
                dataDirectory: dataDirectory, overrides: ["DATABASE_URL": url])
            if let first = conversations.conversations.first {
                for message in first.messages { _ = try await rig.say("calentamiento-\(name)", message) }
            }
            let (latencies, elapsed) = try await ReplyBench.measure(
                rig, conversations.conversations.map { (0, $0) }, chats: 8, cancelOrders: true)
            await rig.group.triggerGracefulShutdown()
            try await task.value
            await rig.store.close()
            replies[name] = Double(latencies.count) / max(elapsed.seconds, 1e-9)
            print("storage.\(name).replies_per_s=\(format(replies[name] ?? 0))")
        }
        if let lite = throughput["sqlite"], let pg = throughput["postgresql"] {
            print("storage.postgresql_vs_sqlite_orders=\(format(pg.orders / lite.orders))")
            print("storage.postgresql_vs_sqlite_chat_turns=\(format(pg.turns / lite.turns))")
        }
        if let lite = replies["sqlite"], let pg = replies["postgresql"] {
            print("storage.postgresql_vs_sqlite_replies=\(format(pg / lite))")
        }
    }

    /// Operations per second running `operation(0..<count)` on `concurrency` tasks.
    static func rate(count: Int, _ operation: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var index = worker
                    while index < count {
                        try await operation(index)
                        index += concurrency
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(count) / max((clock.now - start).seconds, 1e-9)
    }

    func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
