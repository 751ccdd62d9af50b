import Foundation
import Testing

@testable import Shop

@Suite("Storage: order states")
struct StorageOrderStateTests {
    static let allowed: Set<[OrderState]> = [
        [.pending, .processing], [.pending, .cancelled], [.processing, .sent], [.processing, .cancelled],
        [.sent, .delivered],
    ]

    @Test func stateMachineAllowsExactlyTheDocumentedMoves() {
        for from in OrderState.allCases {
            for to in OrderState.allCases {
                #expect(from.canTransition(to: to) == Self.allowed.contains([from, to]), "\(from) → \(to)")
            }
        }
    }

    @Test func ordersWalkTheHappyPath() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let order = try db.placeOrder(Fixtures.order([(1, 3)]), idempotencyKey: "k").order
        for state in [OrderState.processing, .sent, .delivered] {
            let moved = try db.changeOrderState(id: order.id, to: state)
            #expect(moved.state == state)
            #expect(try db.order(id: order.id)?.state == state)
        }
        #expect(try Fixtures.stock(db, 1) == 7)
        #expect(throws: OrderError.invalidTransition(from: .delivered, to: .cancelled)) {
            try db.changeOrderState(id: order.id, to: .cancelled)
        }
    }

    @Test(arguments: [
        ([OrderState](), OrderState.sent),
        ([], .delivered),
        ([], .pending),
        ([.processing], .pending),
        ([.processing], .processing),
        ([.processing, .sent], .cancelled),
        ([.cancelled], .processing),
    ])
    func invalidTransitionsAreRefusedAndChangeNothing(path: [OrderState], target: OrderState) throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let order = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "k").order
        for state in path { _ = try db.changeOrderState(id: order.id, to: state) }
        let before = try #require(try db.order(id: order.id))
        let error = #expect(throws: OrderError.self) { try db.changeOrderState(id: order.id, to: target) }
        #expect(error?.code == .invalidTransition)
        #expect(error?.message.contains("No se puede pasar un pedido de \(before.state.rawValue)") == true)
        #expect(try db.order(id: order.id) == before)
    }

    @Test func unknownOrderIsNotFound() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let error = #expect(throws: StoreError.self) { try db.changeOrderState(id: 404, to: .processing) }
        #expect(error?.code == .notFound)
        #expect(error?.message == "No existe el pedido 404.")
    }

    @Test func cancellingReturnsStockAndUndoesClientStats() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let kept = try db.placeOrder(Fixtures.order([(2, 1)]), idempotencyKey: "a").order
        let cancelled = try db.placeOrder(Fixtures.order([(1, 4), (2, 5)]), idempotencyKey: "b").order
        #expect(try Fixtures.stock(db, 1) == 6)
        #expect(try Fixtures.stock(db, 2) == 17)
        _ = try db.changeOrderState(id: cancelled.id, to: .processing)
        let result = try db.changeOrderState(id: cancelled.id, to: .cancelled)
        #expect(result.state == .cancelled)
        #expect(result.items.count == 2)
        #expect(try Fixtures.stock(db, 1) == 10)
        #expect(try Fixtures.stock(db, 2) == 22)
        let client = try #require(try db.client(idNumber: "1107654321"))
        #expect(client.orderCount == 1)
        #expect(client.totalBought == kept.total)
        #expect(client.lastPurchase == kept.created)
    }
}
