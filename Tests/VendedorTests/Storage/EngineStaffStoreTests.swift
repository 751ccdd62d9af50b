import Foundation
import Testing

@testable import Shop

/// The staff side of the storage (company text, HTTP channels, client records, reports,
/// catalog files, exports, retention), the same on every engine.
@Suite("Storage on every engine: staff records")
struct EngineStaffStoreTests {
    @Test(arguments: TestEngine.allCases)
    func companyTextIsVersionedWithExactlyOneActive(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            #expect(try await store.activeCompanyContext() == nil)
            let first = try await store.replaceCompanyContext("  Somos Seguridad Total.  ")
            #expect(first.version == 1)
            #expect(first.content == "Somos Seguridad Total.")
            let versions = await withTaskGroup(of: Int?.self) { group in
                for index in 0..<6 {
                    group.addTask { try? await store.replaceCompanyContext("Versión \(index)").version }
                }
                return await group.reduce(into: [Int]()) { if let version = $1 { $0.append(version) } }
            }
            #expect(versions.sorted() == Array(2...7))
            let active = try #require(try await store.activeCompanyContext())
            #expect(active.version == 7)
            #expect(active.active)
            await #expect(throws: ValidationErrors.self) { try await store.replaceCompanyContext("   ") }
            #expect(try await store.activeCompanyContext() == active)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func channelCallbacksKeepTheirSecretUnlessRotated(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            #expect(try await store.channelCallback(subject: "tienda") == nil)
            let first = try await store.setChannelCallback(
                subject: "tienda", callbackURL: "https://tienda.example/hook", rotateSecret: false)
            #expect(first.secret.count == 64)
            let moved = try await store.setChannelCallback(
                subject: "tienda", callbackURL: "https://tienda.example/nuevo", rotateSecret: false)
            #expect(moved.secret == first.secret)
            #expect(moved.callbackURL == "https://tienda.example/nuevo")
            let rotated = try await store.setChannelCallback(
                subject: "tienda", callbackURL: "https://tienda.example/nuevo", rotateSecret: true)
            #expect(rotated.secret != first.secret)
            #expect(try await store.channelCallback(subject: "tienda") == rotated)
            await #expect(throws: ValidationError.self) {
                try await store.setChannelCallback(subject: "tienda", callbackURL: "ftp://x", rotateSecret: false)
            }
            #expect(try await store.deleteChannelCallback(subject: "tienda"))
            #expect(try await !store.deleteChannelCallback(subject: "tienda"))
            #expect(try await store.channelCallback(subject: "tienda") == nil)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func clientRecordsAreSearchedEditedRetiredAndDeleted(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            let ana = try await store.createClient(Fixtures.client)
            await #expect(throws: StoreError.self) { try await store.createClient(Fixtures.client) }
            let jose = try await store.createClient(
                ClientDetails(idNumber: "80123456", name: "José Ñúñez", phone: "3001234567"))
            let third = try await store.createClient(ClientDetails(idNumber: "1107654", name: "Zoe Ana"))

            #expect(try await store.searchClients(q: "nunez", limit: nil, offset: nil).results == [jose])
            #expect(try await store.searchClients(q: "ANA", limit: nil, offset: nil).results == [ana, third])
            // An exact cédula first, then by name.
            #expect(try await store.searchClients(q: "1107654", limit: nil, offset: nil).results == [third, ana])
            #expect(try await store.searchClients(q: "+57 300 123", limit: nil, offset: nil).results == [jose])
            #expect(try await store.searchClients(q: "50%_", limit: nil, offset: nil).total == 0)
            let all = try await store.listClients(limit: 2, offset: 1)
            #expect(all.total == 3)
            #expect(all.results == [jose, third])

            var changed = Fixtures.client
            changed.phone = nil
            changed.name = "Ana María Gómez Ruiz"
            let updated = try await store.updateClient(idNumber: "1107654321", changed)
            #expect(updated.phone == nil)
            #expect(try await store.searchClients(q: "ruiz", limit: nil, offset: nil).results == [updated])
            changed.idNumber = "999999"
            await #expect(throws: ValidationErrors.self) {
                try await store.updateClient(idNumber: "1107654321", changed)
            }
            await #expect(throws: StoreError.self) {
                try await store.updateClient(idNumber: "999999", changed)
            }

            _ = try await store.placeOrder(Fixtures.order([(2, 1)]), idempotencyKey: "cliente-1")
            let orders = try await store.clientOrders(idNumber: "1.107.654.321", limit: nil, offset: nil)
            #expect(orders.total == 1)
            await #expect(throws: StoreError.self) {
                try await store.clientOrders(idNumber: "5555555", limit: nil, offset: nil)
            }
            #expect(try await store.deleteClient(idNumber: "1107654321") == .retired)
            #expect(try await store.client(idNumber: "1107654321")?.active == false)
            #expect(try await store.setClientActive(idNumber: "1107654321", active: true).active)
            #expect(try await store.deleteClient(idNumber: "80123456") == .deleted)
            #expect(try await store.client(idNumber: "80123456") == nil)
            await #expect(throws: StoreError.self) { try await store.deleteClient(idNumber: "80123456") }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func reportsCountSalesByShopDayWithoutCancelledOrders(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            let first = try await store.placeOrder(Fixtures.order([(1, 2), (2, 1)]), idempotencyKey: "r1").order
            _ = try await store.placeOrder(Fixtures.order([(2, 3)], chatId: "tg:7"), idempotencyKey: "r2")
            let cancelled = try await store.placeOrder(Fixtures.order([(3, 1)]), idempotencyKey: "r3").order
            _ = try await store.changeOrderState(id: cancelled.id, to: .cancelled)
            try await store.appendMessage(NewMessage(chatId: "tg:42", sender: .user, content: "hola"))
            try await store.appendMessage(NewMessage(chatId: "tg:99", sender: .user, content: "solo miro"))
            try await store.appendMessage(NewMessage(chatId: "tg:99", sender: .agent, content: "con gusto"))

            let today = ShopCalendar.day(of: Date())
            let report = try await store.sales(since: nil, until: nil)
            #expect(report.orders == 2)
            #expect(report.units == 6)
            #expect(report.total == 2 * 45000 + 15800 + 3 * 15800)
            #expect(report.byDay.map(\.day) == [today])
            #expect(report.byProduct.map(\.productId) == [1, 2])
            #expect(report.byProduct.map(\.units) == [2, 4])
            #expect(try await store.sales(since: "2000-01-01", until: "2000-01-31").orders == 0)
            await #expect(throws: ValidationErrors.self) { try await store.sales(since: "ayer", until: nil) }

            let statistics = try await store.statistics()
            #expect(statistics.products == 5)
            #expect(statistics.activeProducts == 4)
            #expect(statistics.orders == 3)
            #expect(statistics.ordersByState[OrderState.cancelled.rawValue] == 1)
            #expect(statistics.salesTotal == report.total)
            #expect(statistics.messages == 3)
            #expect(statistics.chats == 2)
            #expect(statistics.clients == 1)

            let panel = try await store.salesPanel(since: nil, until: nil, top: 1, stockThreshold: 7, now: Date())
            #expect(panel.period.until == today)
            #expect(panel.sales.orders == 2)
            #expect(panel.sales.averageTicket == Int((Double(report.total) / 2).rounded()))
            #expect(panel.sales.byWeek.map(\.orders) == [2])
            #expect(panel.topProducts.map(\.productId) == [1])
            #expect(panel.topClients.map(\.idNumber) == ["1107654321"])
            #expect(panel.conversion == Conversion(chats: 2, chatsWithOrder: 1))
            #expect(panel.lowStock.products.map(\.id) == [4, 3])
            #expect(panel.messagesByChannel.map(\.messages) == [3])
            #expect(panel.messagesByChannel.first?.channel == "telegram")
            #expect(panel.messagesByChannel.first?.fromClients == 2)
            #expect(first.total == 2 * 45000 + 15800)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func catalogFilesUpsertAndReplaceDeactivatesTheRest(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            _ = try await store.updateProduct(id: 3, ProductChanges(state: .discontinued))
            let csv = """
                id,nombre,descripcion,precio,stock,activo,categoria
                1,Extintor PQS 10 libras,,47000,10,1,Contra Incendios
                2,Guantes vaqueta,Guantes de cuero,15800,23,1,General
                3,Cámara vigilancia,Cámara domo interior,109000,7,1,General
                20,Linterna recargable,,30000,5,1,Iluminación
                21,,sin nombre,1,1,1,General
                """
            let result = try await store.importCatalog(csv: Data(csv.utf8), mode: .replace)
            #expect(result.createdCount == 1)
            #expect(result.updatedCount == 1)
            #expect(result.unchanged == 2)
            #expect(result.errors.count == 1)
            #expect(result.deactivatedCount == 1)  // 4; 5 was inactive already
            #expect(try await store.product(id: 1)?.price == 47000)
            #expect(try await store.product(id: 3)?.discontinued == true)
            #expect(try await store.product(id: 4)?.active == false)
            #expect(try await store.activeProductIds() == [1, 2, 20])
            let found = try await store.searchProducts(
                ProductTextQuery(alternatives: [[.init("linterna", prefix: false)]]), limit: 5)
            #expect(found.map(\.product.id) == [20])
            #expect(try await store.createProduct(ProductInput(name: "Nuevo", price: 1, stock: 1)).id == 21)
            await #expect(throws: ValidationErrors.self) {
                try await store.importCatalog(rows: [], mode: .replace, rowErrors: [])
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func seedingLoadsAnEmptyShopOnce(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            let csv = "id,nombre,descripcion,precio,stock,activo,categoria\n7,Botas,,90000,4,1,Calzado\n"
            let seeded = await withTaskGroup(of: SeedResult?.self) { group in
                for _ in 0..<3 {
                    group.addTask { try? await store.seedIfEmpty(catalogCSV: csv, companyText: "Tienda de prueba") }
                }
                return await group.reduce(into: [SeedResult]()) { if let result = $1 { $0.append(result) } }
            }
            #expect(seeded.count == 3)
            #expect(seeded.map(\.products).sorted() == [0, 0, 1])
            #expect(seeded.filter(\.companyText).count == 1)
            let product = try await store.product(id: 7)
            let company = try await store.activeCompanyContext()
            #expect(product?.name == "Botas")
            #expect(company?.content == "Tienda de prueba")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func exportsStreamEveryRowInShopTime(engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            let directory = try TemporaryDirectory()
            _ = try await store.placeOrder(Fixtures.order([(1, 2), (2, 1)]), idempotencyKey: "x1")
            let cancelled = try await store.placeOrder(Fixtures.order([(3, 1)]), idempotencyKey: "x2").order
            _ = try await store.changeOrderState(id: cancelled.id, to: .cancelled)
            try await store.recordChannel(chatId: "h:tienda:9", channel: .http, owner: "tienda")
            try await store.appendMessage(NewMessage(chatId: "h:tienda:9", sender: .user, content: "=1+1"))
            try await store.appendMessage(NewMessage(chatId: "tg:42", sender: .user, content: "hola, ¿cómo?"))

            func export(_ job: ExportJob) async throws -> (Exporter.Outcome, [[String]]) {
                let path = directory.url.appendingPathComponent(UUID().uuidString).path
                let outcome = try await store.export(job, to: path) { _, _ in }
                guard job.format == .csv else { return (outcome, []) }
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return (outcome, text.split(separator: "\r\n").map { Self.fields($0, job.separator) })
            }
            let (products, productRows) = try await export(ExportJob(resource: .products))
            #expect(products.rows == 5)
            #expect(productRows.count == 6)
            #expect(
                productRows[0].prefix(8) == [
                    "id", "nombre", "descripcion", "precio", "stock", "activo", "categoria", "estado",
                ])
            #expect(
                productRows[1].prefix(8) == [
                    "1", "Extintor PQS 10 libras", "", "45000", "8", "sí", "Contra Incendios", "disponible",
                ])
            #expect(productRows[4][7] == "agotado")
            #expect(productRows[5][5] == "no")
            let shopTime = DateFormatter()
            shopTime.locale = Locale(identifier: "en_US_POSIX")
            shopTime.timeZone = TimeZone(secondsFromGMT: ShopCalendar.utcOffsetSeconds)
            shopTime.dateFormat = "yyyy-MM-dd HH:mm:ss"
            let written = try #require(shopTime.date(from: productRows[1][8]))
            #expect(abs(written.timeIntervalSinceNow) < 600, "a shop-time timestamp: \(productRows[1][8])")

            let (sales, salesRows) = try await export(ExportJob(resource: .sales))
            #expect(sales.rows == 2)
            #expect(salesRows.dropFirst().map { $0[5] } == ["1", "2"])
            let (orders, orderRows) = try await export(
                ExportJob(resource: .orders, filters: ExportFilters(state: .cancelled)))
            #expect(orders.rows == 1)
            #expect(orderRows[1][0] == String(cancelled.id))
            #expect(orderRows[1][11] == "1")

            let (chats, chatRows) = try await export(ExportJob(resource: .conversations, separator: ";"))
            #expect(chats.rows == 2)
            #expect(chatRows[1].prefix(2) == ["h:tienda:9", "http"])
            #expect(chatRows[1][6] == "'=1+1")
            #expect(chatRows[2].prefix(2) == ["tg:42", "telegram"])

            let (sheet, _) = try await export(ExportJob(resource: .clients, format: .xlsx))
            #expect(sheet.rows == 1)
            #expect(sheet.bytes > 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func retentionDeletesOldConversationsAndStaffFindChats(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let store = test.store
            for index in 0..<7 {
                try await store.appendMessage(NewMessage(chatId: "h:a:5", sender: .user, content: "m\(index)"))
            }
            try await store.recordChannel(chatId: "h:a:5", channel: .http, owner: "a")
            try await store.recordChannel(chatId: "h:b:5", channel: .http, owner: "b")
            try await store.recordChannel(chatId: "5", channel: .telegram, owner: nil)
            try await store.recordChannel(chatId: "h:a:55", channel: .http, owner: "a")
            #expect(try await store.storedChatIds(external: "5") == ["5", "h:a:5", "h:b:5"])
            try await store.recordChatTurn(
                ChatTurnRecord(
                    jobId: "j1", chatId: "h:a:5", channel: .http, owner: "a",
                    incoming: NewMessage(chatId: "h:a:5", sender: .user, content: "último"), reply: nil,
                    stateJSON: "{}", result: "{}"))

            let kept = try await store.pruneConversations(
                messagesBefore: Date().addingTimeInterval(-3600), dialogueBefore: nil, batch: 3)
            #expect(kept == PrunedConversations())
            let pruned = try await store.pruneConversations(
                messagesBefore: Date().addingTimeInterval(60), dialogueBefore: Date().addingTimeInterval(60), batch: 3)
            #expect(pruned == PrunedConversations(messages: 8, turns: 1, states: 1, controls: 4))
            #expect(try await store.history(chatId: "h:a:5", limit: 10).isEmpty)
            #expect(try await store.dialogueJSON(chatId: "h:a:5") == nil)
            #expect(try await store.chatTurnResult(jobId: "j1") == nil)
        }
    }

    /// One CSV line's fields (the tests' data has no quoted separators).
    static func fields(_ line: Substring, _ separator: String) -> [String] {
        line.split(separator: Character(separator), omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }
}
