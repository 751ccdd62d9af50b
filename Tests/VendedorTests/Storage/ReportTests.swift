import Foundation
import GRDB
import Testing

@testable import Shop

@Suite("Storage: sales report and statistics")
struct StorageReportTests {
    /// Moves an order to a given UTC instant, as if it had been placed then.
    static func backdate(_ db: AppDatabase, order id: Int64, to iso: String) throws {
        let date = try #require(ShopCalendar.timestamp(iso))
        try db.pool.write { try $0.execute(sql: "UPDATE pedidos SET creado = ? WHERE id = ?", arguments: [date, id]) }
    }

    @Test func salesPerDayAndPerProductExcludeCancelledOrders() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let a = try db.placeOrder(Fixtures.order([(1, 2), (2, 1)]), idempotencyKey: "a").order  // 105.800
        let b = try db.placeOrder(Fixtures.order([(2, 3)]), idempotencyKey: "b").order  // 47.400
        let c = try db.placeOrder(Fixtures.order([(3, 1)]), idempotencyKey: "c").order  // cancelled
        let d = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "d").order  // 45.000, other day
        _ = try db.changeOrderState(id: c.id, to: .cancelled)
        try Self.backdate(db, order: a.id, to: "2025-03-01T14:00:00Z")
        try Self.backdate(db, order: b.id, to: "2025-03-02T04:30:00Z")  // 23:30 on 1 March in Cali
        try Self.backdate(db, order: c.id, to: "2025-03-01T15:00:00Z")
        try Self.backdate(db, order: d.id, to: "2025-03-02T15:00:00Z")

        let report = try db.sales(since: "2025-03-01", until: "2025-03-02")
        #expect(report.orders == 3)
        #expect(report.total == 105_800 + 47_400 + 45_000)
        #expect(report.units == 7)
        #expect(
            report.byDay == [
                DailySales(day: "2025-03-01", orders: 2, units: 6, total: 153_200),
                DailySales(day: "2025-03-02", orders: 1, units: 1, total: 45_000),
            ])
        #expect(
            report.byProduct == [
                ProductSales(productId: 1, name: "Extintor PQS 10 libras", units: 3, total: 135_000),
                ProductSales(productId: 2, name: "Guantes vaqueta", units: 4, total: 63_200),
            ])

        let firstDay = try db.sales(since: "2025-03-01", until: "2025-03-01")
        #expect(firstDay.byDay.map(\.day) == ["2025-03-01"])
        #expect(firstDay.total == 153_200)
        #expect(try db.sales(since: "2025-04-01").orders == 0)
        #expect(throws: ValidationErrors.self) { try db.sales(since: "marzo") }
    }

    @Test func statisticsCountEverything() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let a = try db.placeOrder(Fixtures.order([(1, 2)]), idempotencyKey: "a").order
        let b = try db.placeOrder(Fixtures.order([(2, 1)]), idempotencyKey: "b").order
        _ = try db.changeOrderState(id: b.id, to: .cancelled)
        try db.appendMessage(NewMessage(chatId: "tg:1", sender: .user, content: "hola"))
        try db.appendMessage(NewMessage(chatId: "tg:2", sender: .user, content: "hola"))
        try db.setAIActive(chatId: "tg:2", active: false)

        let stats = try db.statistics()
        #expect(stats.products == 5)
        #expect(stats.activeProducts == 4)
        #expect(stats.productsOutOfStock == 1)
        #expect(stats.clients == 1)
        #expect(stats.orders == 2)
        #expect(stats.ordersByState["pendiente"] == 1)
        #expect(stats.ordersByState["cancelado"] == 1)
        #expect(stats.ordersByState["entregado"] == 0)
        #expect(stats.salesTotal == a.total)
        #expect(stats.messages == 2)
        #expect(stats.chats == 2)
        #expect(stats.chatsWithoutAI == 1)
    }

    @Test func domainValuesEncodeWithTheContractKeys() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let order = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "a").order
        let json = try #require(
            try JSONSerialization.jsonObject(with: DomainJSON.encoder().encode(order)) as? [String: Any])
        #expect(Set(json.keys) == ["id", "chat_id", "estado", "total", "creado", "actualizado", "cliente", "items"])
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(Set(item.keys) == ["producto_id", "nombre", "cantidad", "precio_unitario", "subtotal"])
        let client = try #require(json["cliente"] as? [String: Any])
        #expect(client["cedula"] as? String == "1107654321")
        let decoded = try DomainJSON.decoder().decode(Order.self, from: DomainJSON.encoder().encode(order))
        #expect(decoded.items == order.items)
        let page = try DomainJSON.encoder().encode(try db.listProducts(limit: 1))
        let pageJSON = try #require(try JSONSerialization.jsonObject(with: page) as? [String: Any])
        #expect(Set(pageJSON.keys) == ["resultados", "total", "limit", "offset"])
    }
}
