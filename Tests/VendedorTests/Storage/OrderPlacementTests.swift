import Foundation
import Testing

@testable import Shop

@Suite("Storage: order placement")
struct StorageOrderPlacementTests {
    @Test func multiLineOrderKeepsEveryLineAtCatalogPrices() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        // A caller that sends its own prices and repeats a product: prices are ignored,
        // repeated lines are merged.
        let body = """
            {"chat_id": "tg:42",
             "cliente": {"cedula": "1.107.654.321", "nombre": "Ana Gómez", "telefono": "318 284 2304"},
             "items": [{"producto_id": 2, "cantidad": 10, "precio_unitario": 1},
                       {"producto_id": 1, "cantidad": 2, "precio_unitario": 1},
                       {"producto_id": 3, "cantidad": 1, "precio": 5},
                       {"producto_id": 2, "cantidad": 2}]}
            """
        let request = try DomainJSON.decoder().decode(OrderRequest.self, from: Data(body.utf8))
        let placed = try db.placeOrder(request, idempotencyKey: "carrito-1")
        #expect(placed.replayed == false)

        let expected = [
            OrderLine(productId: 2, name: "Guantes vaqueta", quantity: 12, unitPrice: 15800),
            OrderLine(productId: 1, name: "Extintor PQS 10 libras", quantity: 2, unitPrice: 45000),
            OrderLine(productId: 3, name: "Cámara vigilancia", quantity: 1, unitPrice: 109000),
        ]
        let stored = try #require(try db.order(id: placed.order.id))
        #expect(stored == placed.order)
        #expect(stored.items == expected)
        #expect(stored.items.map(\.subtotal) == [189_600, 90_000, 109_000])
        #expect(stored.total == 388_600)
        #expect(stored.state == .pending)
        #expect(stored.chatId == "tg:42")
        #expect(stored.client.idNumber == "1107654321")
        #expect(try Fixtures.count(db, "pedido_items") == 3)
        #expect(try Fixtures.stock(db, 2) == 11)
        #expect(try Fixtures.stock(db, 1) == 8)
        #expect(try Fixtures.stock(db, 3) == 6)

        let client = try #require(try db.client(idNumber: "1107654321"))
        #expect(client.orderCount == 1)
        #expect(client.totalBought == 388_600)
        #expect(client.lastPurchase == stored.created)
    }

    @Test func replayingAKeyReturnsTheSameOrderAndWritesNothing() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let request = Fixtures.order([(1, 2), (2, 3)])
        let first = try db.placeOrder(request, idempotencyKey: "job-7")
        let counts = try ["pedidos", "pedido_items", "clientes"].map { try Fixtures.count(db, $0) }

        let again = try db.placeOrder(request, idempotencyKey: "job-7")
        let changed = try db.placeOrder(Fixtures.order([(3, 1)]), idempotencyKey: " job-7 ")
        #expect(again.replayed)
        #expect(again.order == first.order)
        #expect(changed.replayed)
        #expect(changed.order.id == first.order.id)
        #expect(try ["pedidos", "pedido_items", "clientes"].map { try Fixtures.count(db, $0) } == counts)
        #expect(counts == [1, 2, 1])
        #expect(try Fixtures.stock(db, 1) == 8)
        #expect(try Fixtures.stock(db, 2) == 20)
        #expect(try db.client(idNumber: "1107654321")?.orderCount == 1)

        let other = try db.placeOrder(request, idempotencyKey: "job-8")
        #expect(other.replayed == false)
        #expect(other.order.id != first.order.id)
    }

    @Test func insufficientStockNamesEveryShortItemAndChangesNothing() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let error = #expect(throws: OrderError.self) {
            try db.placeOrder(Fixtures.order([(1, 2), (2, 30), (4, 1)]), idempotencyKey: "k")
        }
        #expect(
            error
                == .insufficientStock([
                    ShortItem(productId: 2, name: "Guantes vaqueta", order: 30, available: 23),
                    ShortItem(productId: 4, name: "Casco dieléctrico", order: 1, available: 0),
                ]))
        #expect(error?.code == .insufficientStock)
        #expect(
            error?.message
                == "No hay suficiente stock: Guantes vaqueta (pidió 30, hay 23 disponibles); "
                + "Casco dieléctrico (pidió 1, no hay unidades disponibles).")
        #expect(try Fixtures.stock(db, 1) == 10)
        #expect(try Fixtures.count(db, "pedidos") == 0)
        #expect(try Fixtures.count(db, "clientes") == 0)
        #expect(try db.order(idempotencyKey: "k") == nil)
    }

    @Test func unknownAndInactiveProductsHaveTheirOwnErrors() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        #expect(throws: OrderError.productNotFound(99)) {
            try db.placeOrder(Fixtures.order([(1, 1), (99, 1)]), idempotencyKey: "a")
        }
        let inactive = #expect(throws: OrderError.self) {
            try db.placeOrder(Fixtures.order([(5, 1)]), idempotencyKey: "b")
        }
        #expect(inactive == .productInactive(id: 5, name: "Chaleco reflectivo"))
        #expect(inactive?.code == .productInactive)
        #expect(try Fixtures.stock(db, 1) == 10)
        #expect(try Fixtures.count(db, "pedidos") == 0)
    }

    @Test func invalidRequestsAreRefusedBeforeTouchingTheDatabase() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let withoutPhone = ClientDetails(idNumber: "1234567", name: "Luis")
        let error = #expect(throws: ValidationErrors.self) {
            try db.placeOrder(Fixtures.order([(1, 0)], client: withoutPhone), idempotencyKey: "x")
        }
        #expect(error.map { Set($0.errors.map(\.field)) } == ["telefono", "cantidad"])
        #expect(throws: ValidationErrors.self) { try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "  ") }
        #expect(try Fixtures.count(db, "pedidos") == 0)
    }

    @Test func ordersAreListedWithFilters() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let luis = ClientDetails(idNumber: "94456789", name: "Luis", phone: "3001112233")
        let a = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "a").order
        let b = try db.placeOrder(Fixtures.order([(2, 1)], client: luis, chatId: "tg:7"), idempotencyKey: "b").order
        let c = try db.placeOrder(Fixtures.order([(3, 1)], chatId: nil), idempotencyKey: "c").order
        _ = try db.changeOrderState(id: c.id, to: .processing)

        #expect(try db.listOrders().results.map(\.id) == [c.id, b.id, a.id])
        #expect(try db.listOrders(OrderFilter(chatId: "tg:7")).results.map(\.id) == [b.id])
        #expect(try db.listOrders(OrderFilter(idNumber: "1.107.654.321")).results.map(\.id) == [c.id, a.id])
        #expect(try db.listOrders(OrderFilter(state: .processing)).results.map(\.id) == [c.id])
        let today = ShopCalendar.day(of: Date())
        #expect(try db.listOrders(OrderFilter(since: today, until: today)).total == 3)
        #expect(try db.listOrders(OrderFilter(until: "2020-01-01")).total == 0)
        #expect(try db.listOrders(OrderFilter(since: "2999-01-01")).total == 0)
        #expect(throws: ValidationErrors.self) { try db.listOrders(OrderFilter(since: "ayer")) }
        let page = try db.listOrders(limit: 1, offset: 1)
        #expect(page.total == 3)
        #expect(page.results.map(\.id) == [b.id])
        #expect(page.results.first?.items.count == 1)
    }
}
