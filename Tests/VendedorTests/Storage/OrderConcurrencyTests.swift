import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Shop

@Suite("Storage: concurrent order placement")
struct StorageOrderConcurrencyTests {
    struct Tally: Sendable {
        var placed: [Int64] = []
        var short: [ShortItem] = []
        var other: [String] = []
    }

    /// Outcomes recorded from many threads.
    final class Outcomes: Sendable {
        let tally = Mutex(Tally())

        func record(_ work: () throws -> PlacedOrder) {
            do {
                let placed = try work()
                tally.withLock { $0.placed.append(placed.order.id) }
            } catch let OrderError.insufficientStock(items) {
                tally.withLock { $0.short.append(contentsOf: items) }
            } catch {
                tally.withLock { $0.other.append(String(describing: error)) }
            }
        }

        var snapshot: Tally { tally.withLock { $0 } }
    }

    static func expectExactlyTenSold(_ db: AppDatabase, _ tally: Tally) throws {
        #expect(tally.other == [])
        #expect(tally.placed.count == 10)
        #expect(Set(tally.placed).count == 10)
        #expect(tally.short.count == 40)
        #expect(tally.short.allSatisfy { $0.productId == 1 && $0.order == 1 && $0.available == 0 })
        #expect(try Fixtures.stock(db, 1) == 0)
        #expect(try Fixtures.count(db, "pedidos") == 10)
        #expect(try db.pool.read { try Int.fetchOne($0, sql: "SELECT SUM(cantidad) FROM pedido_items") } == 10)
        #expect(try db.client(idNumber: "1107654321")?.orderCount == 10)
        #expect(try db.client(idNumber: "1107654321")?.totalBought == 450_000)
    }

    @Test func fiftyConcurrentOrdersForTenUnitsSellExactlyTen() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 50) { index in
            outcomes.record { try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "pedido-\(index)") }
        }
        try Self.expectExactlyTenSold(db, outcomes.snapshot)
    }

    @Test func twoProcessesSharingTheFileNeverOversell() async throws {
        let tmp = try TemporaryDirectory()
        let first = try Fixtures.databaseWithProducts(in: tmp)
        let second = try tmp.openDatabase()  // a second pool on the same file, like the other executable
        let outcomes = Outcomes()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                let db = index.isMultiple(of: 2) ? first : second
                group.addTask {
                    let result = await Self.placeAsync(db, key: "p-\(index)")
                    outcomes.record { try result.get() }
                }
            }
        }
        try Self.expectExactlyTenSold(first, outcomes.snapshot)
    }

    static func placeAsync(_ db: AppDatabase, key: String) async -> Result<PlacedOrder, any Error> {
        do {
            return .success(
                try await db.perform { try $0.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: key) })
        } catch {
            return .failure(error)
        }

    }

    @Test func concurrentReplaysOfOneKeyCreateOneOrder() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let ids = Mutex<[Int64]>([])
        let replays = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            guard let placed = try? db.placeOrder(Fixtures.order([(2, 2)]), idempotencyKey: "mismo") else { return }
            ids.withLock { $0.append(placed.order.id) }
            if placed.replayed { replays.withLock { $0 += 1 } }
        }
        #expect(ids.withLock { $0.count } == 20)
        #expect(ids.withLock { Set($0).count } == 1)
        #expect(replays.withLock { $0 } == 19)
        #expect(try Fixtures.count(db, "pedidos") == 1)
        #expect(try Fixtures.stock(db, 2) == 21)
    }
}
