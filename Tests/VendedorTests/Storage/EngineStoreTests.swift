import Foundation
import Synchronization
import Testing

@testable import Shop

/// The storage contract, run against every engine (SQLite and PostgreSQL): the same calls
/// must give the same answers and keep the same invariants.
@Suite("Storage on every engine")
struct EngineStoreTests {
    // MARK: Products

    @Test(arguments: TestEngine.allCases)
    func productsAreCreatedListedUpdatedAndDeleted(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            await #expect(throws: StoreError.self) { try await store.createProduct(Fixtures.products[0]) }
            let added = try await store.createProduct(
                ProductInput(name: "Botas punta de acero", price: 89000, stock: 4))
            #expect(added.id == 6)
            #expect(try await store.product(id: 6)?.name == "Botas punta de acero")
            #expect(try await store.products(ids: [3, 404, 1]).map(\.id) == [3, 1])

            let byText = try await store.listProducts(ProductFilter(text: "CAMARA domo"), limit: nil, offset: nil)
            #expect(byText.results.map(\.id) == [3])
            let byCategory = try await store.listProducts(
                ProductFilter(category: " contra incendios "), limit: nil, offset: nil)
            #expect(byCategory.results.map(\.id) == [1])
            let inactive = try await store.listProducts(ProductFilter(active: false), limit: nil, offset: nil)
            #expect(inactive.results.map(\.id) == [5])
            let page = try await store.listProducts(ProductFilter(), limit: 2, offset: 2)
            #expect(page.results.map(\.id) == [3, 4])
            #expect(page.total == 6)
            #expect(try await store.listProducts(ProductFilter(text: "100%"), limit: nil, offset: nil).total == 0)

            let renamed = try await store.updateProduct(id: 2, ProductChanges(name: "Guantes de nitrilo", stock: 30))
            #expect(renamed.name == "Guantes de nitrilo")
            #expect(renamed.stock == 30)
            #expect(renamed.price == 15800)
            await #expect(throws: StoreError.self) { try await store.updateProduct(id: 404, ProductChanges(stock: 1)) }
            #expect(try await store.productCategories().contains("Contra Incendios"))
            #expect(try await store.activeProductIds() == [1, 2, 3, 4, 6])
            #expect(try await store.productNames().count == 6)

            _ = try await store.placeOrder(Fixtures.order([(3, 1)]), idempotencyKey: "vende-3")
            #expect(try await store.deleteProduct(id: 3) == .deactivated)
            #expect(try await store.product(id: 3)?.active == false)
            #expect(try await store.deleteProduct(id: 6) == .deleted)
            #expect(try await store.product(id: 6) == nil)
        }
    }

    // MARK: Word search

    @Test(arguments: TestEngine.allCases)
    func wordSearchFindsActiveProductsByFoldedPrefixes(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            func ids(_ alternatives: [[(String, Bool)]]) async throws -> Set<Int64> {
                let query = ProductTextQuery(
                    alternatives: alternatives.map { $0.map { ProductTextQuery.Term($0.0, prefix: $0.1) } })
                return Set(try await store.searchProducts(query, limit: 50).map(\.product.id))
            }
            #expect(try await ids([[("guante", true)]]) == [2])
            #expect(try await ids([[("camara", false)]]) == [3])
            #expect(try await ids([[("cuero", true)]]) == [2])
            #expect(try await ids([[("extintor", true), ("10", false)]]) == [1])
            #expect(try await ids([[("extintor", true), ("20", false)]]) == [])
            #expect(try await ids([[("casco", true)], [("camara", true)]]) == [3, 4])
            #expect(try await ids([[("chaleco", true)]]) == [], "inactive products are not indexed")
            #expect(try await ids([[("o'brien\\", true)]]) == [], "quotes are escaped, never syntax")

            // The name weighs more than the description.
            _ = try await store.createProduct(
                ProductInput(name: "Estuche", description: "Para guardar guantes", price: 1000, stock: 1))
            let ranked = try await store.searchProducts(
                ProductTextQuery(alternatives: [[ProductTextQuery.Term("guante", prefix: true)]]), limit: 10)
            #expect(ranked.map(\.product.id) == [2, 6])
            #expect(ranked[0].bm25 < ranked[1].bm25)

            let vocabulary = try await store.searchVocabulary()
            #expect(vocabulary.productCount == 5)
            let documents = Dictionary(vocabulary.terms.map { ($0.term, $0.documents) }, uniquingKeysWith: +)
            #expect(documents["guantes"] == 2)
            #expect(documents["camara"] == 1)
            #expect(documents["chaleco"] == nil)

            // Edits reach the index in the same transaction.
            _ = try await store.updateProduct(
                id: 3, ProductChanges(name: "Videocámara", description: "Lente gran angular"))
            #expect(try await ids([[("camara", false)]]) == [])
            #expect(try await ids([[("videocamara", true)]]) == [3])
            #expect(try await ids([[("lente", false)]]) == [3])
        }
    }

    // MARK: Orders

    struct Tally: Sendable {
        var placed: [Int64] = []
        var short: [ShortItem] = []
        var other: [String] = []
    }

    /// 50 orders of one unit each for the 10 units of product 1, half through a second store
    /// opened on the same database (another process, another host): exactly 10 are sold.
    @Test(arguments: TestEngine.allCases)
    func fiftyConcurrentOrdersForTenUnitsSellExactlyTen(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let second = try await StorageEngine.open(test.url)
            let tally = Shared(Tally())
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    let store: any ShopStore = index.isMultiple(of: 2) ? test.store : second
                    group.addTask {
                        do {
                            let placed = try await store.placeOrder(
                                Fixtures.order([(1, 1)]), idempotencyKey: "pedido-\(index)")
                            tally.withLock { $0.placed.append(placed.order.id) }
                        } catch let OrderError.insufficientStock(items) {
                            tally.withLock { $0.short.append(contentsOf: items) }
                        } catch {
                            tally.withLock { $0.other.append(String(describing: error)) }
                        }
                    }
                }
            }
            await second.close()
            let result = tally.withLock { $0 }
            #expect(result.other == [])
            #expect(result.placed.count == 10)
            #expect(Set(result.placed).count == 10)
            #expect(result.short.count == 40)
            #expect(result.short.allSatisfy { $0.productId == 1 && $0.order == 1 && $0.available == 0 })
            #expect(try await test.store.product(id: 1)?.stock == 0)
            let orders = try await test.store.listOrders(OrderFilter(), limit: 100, offset: nil)
            #expect(orders.total == 10)
            #expect(orders.results.reduce(0) { $0 + $1.units } == 10)
            let client = try await test.store.client(idNumber: "1107654321")
            #expect(client?.orderCount == 10)
            #expect(client?.totalBought == 450_000)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func concurrentReplaysOfOneKeyCreateOneOrder(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let second = try await StorageEngine.open(test.url)
            let results = Shared<[PlacedOrder]>([])
            let failures = Shared<[String]>([])
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    let store: any ShopStore = index.isMultiple(of: 2) ? test.store : second
                    group.addTask {
                        do {
                            let placed = try await store.placeOrder(Fixtures.order([(2, 2)]), idempotencyKey: " mismo ")
                            results.withLock { $0.append(placed) }
                        } catch {
                            failures.withLock { $0.append(String(describing: error)) }
                        }
                    }
                }
            }
            await second.close()
            let placed = results.withLock { $0 }
            #expect(failures.withLock { $0 } == [])
            #expect(placed.count == 20)
            #expect(Set(placed.map(\.order.id)).count == 1)
            #expect(placed.filter(\.replayed).count == 19)
            #expect(try await test.store.listOrders(OrderFilter(), limit: nil, offset: nil).total == 1)
            #expect(try await test.store.product(id: 2)?.stock == 21)
            #expect(try await test.store.order(idempotencyKey: "mismo")?.id == placed[0].order.id)
            await #expect(throws: ValidationErrors.self) {
                try await test.store.placeOrder(Fixtures.order([(2, 1)]), idempotencyKey: "  ")
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func anOrderThatDoesNotFitChangesNothing(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { (test: TestStore) async throws -> Void in
            let store = test.store
            await #expect(
                throws: OrderError.insufficientStock([
                    ShortItem(productId: 1, name: "Extintor PQS 10 libras", order: 11, available: 10),
                    ShortItem(productId: 4, name: "Casco dieléctrico", order: 1, available: 0),
                ])
            ) {
                try await store.placeOrder(Fixtures.order([(1, 11), (2, 1), (4, 1)]), idempotencyKey: "no-cabe")
            }
            await #expect(throws: OrderError.productInactive(id: 5, name: "Chaleco reflectivo")) {
                try await store.placeOrder(Fixtures.order([(5, 1)]), idempotencyKey: "inactivo")
            }
            await #expect(throws: OrderError.productNotFound(404)) {
                try await store.placeOrder(Fixtures.order([(404, 1)]), idempotencyKey: "no-existe")
            }
            #expect(try await store.product(id: 1)?.stock == 10)
            #expect(try await store.product(id: 2)?.stock == 23)
            #expect(try await store.client(idNumber: "1107654321") == nil)
            #expect(try await store.listOrders(OrderFilter(), limit: nil, offset: nil).total == 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func ordersFollowTheStateMachineAndCancellingRestocks(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            let first = try await store.placeOrder(Fixtures.order([(1, 3), (2, 2)]), idempotencyKey: "a").order
            #expect(first.total == 3 * 45000 + 2 * 15800)
            #expect(first.items.map(\.productId) == [1, 2])
            #expect(first.client.idNumber == "1107654321")
            let second = try await store.placeOrder(
                Fixtures.order([(3, 1)], chatId: "http:7"), idempotencyKey: "b"
            ).order
            for state in [OrderState.processing, .sent, .delivered] {
                #expect(try await store.changeOrderState(id: second.id, to: state).state == state)
            }
            await #expect(throws: OrderError.invalidTransition(from: .delivered, to: .cancelled)) {
                try await store.changeOrderState(id: second.id, to: .cancelled)
            }
            await #expect(throws: StoreError.self) { try await store.changeOrderState(id: 404, to: .processing) }

            let cancelled = try await store.changeOrderState(id: first.id, to: .cancelled)
            #expect(cancelled.state == .cancelled)
            #expect(try await store.product(id: 1)?.stock == 10)
            #expect(try await store.product(id: 2)?.stock == 23)
            #expect(try await store.product(id: 3)?.stock == 6)
            let client = try #require(try await store.client(idNumber: "1.107.654.321"))
            #expect(client.orderCount == 1)
            #expect(client.totalBought == 109_000)
            #expect(client.name == "Ana María Gómez")

            let byChat = try await store.listOrders(OrderFilter(chatId: "http:7"), limit: nil, offset: nil)
            #expect(byChat.results.map(\.id) == [second.id])
            let byState = try await store.listOrders(OrderFilter(state: .cancelled), limit: nil, offset: nil)
            #expect(byState.results.map(\.id) == [first.id])
            let byClient = try await store.listOrders(OrderFilter(idNumber: "1107654321"), limit: nil, offset: nil)
            #expect(byClient.results.map(\.id) == [second.id, first.id])
            await #expect(throws: ValidationErrors.self) {
                try await store.listOrders(OrderFilter(idNumber: "abc"), limit: nil, offset: nil)
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func clientsAreUpsertedKeepingStoredFields(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            _ = try await store.upsertClient(Fixtures.client)
            var update = Fixtures.client
            update.phone = nil
            update.address = "Calle 10 # 5-20"
            let merged = try await store.upsertClient(update)
            #expect(merged.phone == "3182842304")
            #expect(merged.address == "Calle 10 # 5-20")
            #expect(try await store.client(idNumber: "1107654321") == merged)
            await #expect(throws: ValidationError.self) { try await store.client(idNumber: "12") }

            // A chat customer who did not prove to be the stored client: the record stays.
            _ = try await store.createProduct(Fixtures.products[1])
            var stranger = Fixtures.client
            stranger.name = "Otra Persona"
            stranger.address = "Carrera 1 # 2-3"
            let order = try await store.placeOrder(
                Fixtures.order([(2, 1)], client: stranger), idempotencyKey: "sin-actualizar", updatingClient: false
            ).order
            #expect(order.client.name == "Otra Persona")
            let kept = try #require(try await store.client(idNumber: "1107654321"))
            #expect(kept.name == merged.name)
            #expect(kept.address == "Calle 10 # 5-20")
            #expect(kept.orderCount == 1)
        }
    }

    // MARK: Conversations

    @Test(arguments: TestEngine.allCases)
    func historyKeepsMessagesInOrderAndDeliveriesOnce(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            for index in 1...5 {
                try await store.appendMessage(
                    NewMessage(chatId: "tg:1", sender: index.isMultiple(of: 2) ? .agent : .user, content: "m\(index)"))
            }
            try await store.appendMessage(NewMessage(chatId: "tg:2", sender: .user, content: "otro chat"))
            #expect(try await store.history(chatId: "tg:1", limit: 3).map(\.content) == ["m3", "m4", "m5"])
            let page = try await store.historyPage(chatId: "tg:1", limit: 2, offset: 1)
            #expect(page.results.map(\.content) == ["m2", "m3"])
            #expect(page.total == 5)

            let incoming = NewMessage(chatId: "tg:1", sender: .user, content: "hola", metadata: .object(["a": 1]))
            let reply = NewMessage(chatId: "tg:1", sender: .agent, content: "¡Hola!")
            let wrote = Shared<[Bool]>([])
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let done = (try? await store.recordDelivery(incoming: incoming, reply: reply, deliveryId: "e1"))
                        wrote.withLock { $0.append(done ?? false) }
                    }
                }
            }
            #expect(wrote.withLock { $0.filter { $0 }.count } == 1)
            let history = try await store.history(chatId: "tg:1", limit: 100)
            #expect(history.count == 7)
            #expect(history.suffix(2).map(\.content) == ["hola", "¡Hola!"])
            #expect(history.last?.metadata == .object(["entrega_id": "e1"]))
            #expect(history[5].metadata == .object(["a": 1, "entrega_id": "e1"]))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aChatTurnIsRecordedOncePerJob(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            #expect(try await store.dialogueJSON(chatId: "http:9") == nil)
            let results = Shared<[String]>([])
            await withTaskGroup(of: Void.self) { group in
                for attempt in 0..<10 {
                    group.addTask {
                        let record = ChatTurnRecord(
                            jobId: "job-1", chatId: "http:9", channel: .http, owner: "widget",
                            incoming: NewMessage(chatId: "http:9", sender: .user, content: "¿tienen guantes?"),
                            reply: NewMessage(chatId: "http:9", sender: .agent, content: "Sí"),
                            stateJSON: "{\"carrito\": [\(attempt)]}", result: "{\"intento\": \(attempt)}")
                        if let result = try? await store.recordChatTurn(record) {
                            results.withLock { $0.append(result) }
                        }
                    }
                }
            }
            let answers = results.withLock { $0 }
            #expect(answers.count == 10)
            #expect(Set(answers.map(Self.normalizedJSON)).count == 1)
            #expect(try await store.history(chatId: "http:9", limit: 10).map(\.content) == ["¿tienen guantes?", "Sí"])
            let stored = try #require(try await store.chatTurnResult(jobId: "job-1"))
            #expect(Self.normalizedJSON(stored) == Self.normalizedJSON(answers[0]))
            let state = try #require(try await store.dialogueJSON(chatId: "http:9"))
            #expect(state.contains("carrito"))
            let control = try await store.chatControl(chatId: "http:9")
            #expect(control.channel == .http)
            #expect(control.owner == "widget")
            #expect(control.aiActive)
            #expect(try await store.chatTurnResult(jobId: "otro") == nil)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func operatorsTurnTheAIOffAndChannelsAreRemembered(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            #expect(try await store.isAIActive(chatId: "tg:5"))
            try await store.recordChannel(chatId: "tg:5", channel: .telegram, owner: nil)
            let off = try await store.setAIActive(chatId: "tg:5", active: false, channel: nil)
            #expect(!off.aiActive)
            #expect(off.channel == .telegram)
            try await store.recordChannel(chatId: "tg:5", channel: .telegram, owner: nil)
            #expect(try await !store.isAIActive(chatId: "tg:5"))
            #expect(try await store.setAIActive(chatId: "tg:5", active: true, channel: .http).channel == .http)
        }
    }

    /// A value tasks update concurrently.
    final class Shared<Value: Sendable>: Sendable {
        private let storage: Mutex<Value>

        init(_ value: Value) { storage = Mutex(value) }

        func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { storage.withLock { body(&$0) } }
    }

    /// JSON compared by value (PostgreSQL stores jsonb, which normalises spacing).
    static func normalizedJSON(_ text: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return text }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Product vectors on every engine: an index is built, activated when complete, written by
/// generation, and read back whole or as changes.
@Suite("Storage on every engine: vectors")
struct EngineVectorStoreTests {
    static func vector(_ seed: Float, dimension: Int = 4) -> [Float] {
        (0..<dimension).map { seed + Float($0) / 10 }
    }

    @Test(arguments: TestEngine.allCases)
    func anIndexIsBuiltActivatedAndReadByGeneration(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { (test: TestStore) async throws -> Void in
            let store = test.store
            #expect(try await store.activeVectorIndex() == nil)
            #expect(try await store.activeVectorChanges(knownIndex: nil, since: 0) == nil)
            let index = try await store.buildingIndex(job: "reindex-1", model: "e5-small", dimension: 4)
            #expect(index.state == .building)
            #expect(index.total == 5)
            #expect(try await store.buildingIndex(job: "reindex-1", model: "e5-small", dimension: 4).id == index.id)

            let products = try await store.products(ids: try await store.allProductIds())
            let entries = products.map {
                ProductVector(
                    productId: $0.id, fingerprint: ProductPassage.fingerprint($0), vector: Self.vector(Float($0.id)))
            }
            // A stale fingerprint (the product changed since) is not stored.
            var stale = entries[0]
            stale.fingerprint = "vieja"
            #expect(try await store.storeVectors(index: index.id, [stale], deleted: []) == 0)
            #expect(try await !store.activateIfComplete(index: index.id))
            await #expect(throws: VectorIndexError.self) {
                try await store.storeVectors(
                    index: index.id,
                    [ProductVector(productId: 1, fingerprint: entries[0].fingerprint, vector: [1, 2])], deleted: [])
            }
            #expect(try await store.storeVectors(index: index.id, Array(entries.prefix(3)), deleted: []) == 3)
            #expect(try await store.vectorProgress(index: index.id) == (3, 5))
            #expect(try await !store.activateIfComplete(index: index.id))
            #expect(try await store.storeVectors(index: index.id, Array(entries.dropFirst(3)), deleted: []) == 2)
            #expect(try await store.activateIfComplete(index: index.id))
            let fingerprints = try await store.vectorFingerprints(index: index.id, productIds: [1, 2, 404])
            #expect(fingerprints == [1: entries[0].fingerprint, 2: entries[1].fingerprint])
            #expect(try await store.vectorTargets(model: "e5-small").map(\.id) == [index.id])
            #expect(try await store.vectorTargets(model: "otro") == [])

            let full = try #require(try await store.activeVectorChanges(knownIndex: nil, since: 0))
            #expect(full.index.id == index.id)
            #expect(full.rows.count == 5)
            let byId = Dictionary(full.rows.map { ($0.productId, $0.vector) }, uniquingKeysWith: { first, _ in first })
            #expect(byId[3] == Self.vector(3))
            let generation = full.index.generation
            #expect(try await store.activeVectorChanges(knownIndex: index.id, since: generation)?.rows.count == 0)

            // A product deleted: its vector becomes a NULL row of a newer generation.
            #expect(try await store.deleteProduct(id: 5) == .deleted)
            #expect(try await store.orphanVectors(index: index.id) == [5])
            #expect(try await store.storeVectors(index: index.id, [], deleted: [5, 1]) == 1)
            let changes = try #require(try await store.activeVectorChanges(knownIndex: index.id, since: generation))
            #expect(changes.rows.count == 1)
            #expect(changes.rows.first?.productId == 5)
            #expect(changes.rows.first?.vector == nil)
            #expect(changes.index.generation == generation + 1)

            // A re-index replaces the active index only once complete.
            let next = try await store.buildingIndex(job: "reindex-2", model: "e5-small", dimension: 4)
            let remaining = try await store.products(ids: try await store.allProductIds()).map {
                ProductVector(productId: $0.id, fingerprint: ProductPassage.fingerprint($0), vector: Self.vector(9))
            }
            #expect(try await store.storeVectors(index: next.id, remaining, deleted: []) == 4)
            #expect(try await store.activateIfComplete(index: next.id))
            #expect(try await store.activeVectorIndex()?.id == next.id)
            #expect(try await store.vectorIndex(id: index.id) == nil)
        }
    }
}
