import Foundation
import GRDB
import Testing

@testable import Shop

@Suite("Storage: the sales and usage panel of /admin/estadisticas")
struct SalesPanelTests {
    static func backdate(_ db: AppDatabase, _ table: String, id: Int64, to iso: String) throws {
        let date = try #require(ShopCalendar.timestamp(iso))
        try db.pool.write {
            try $0.execute(sql: "UPDATE \(table) SET creado = ? WHERE id = ?", arguments: [date, id])
        }
    }

    @Test func aPeriodGivesSalesRankingsConversionStockAndUsage() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let other = ExportFixtures.otherClient
        let a = try db.placeOrder(Fixtures.order([(1, 2), (2, 1)], chatId: "tg:42"), idempotencyKey: "a").order
        let b = try db.placeOrder(Fixtures.order([(2, 3)], chatId: nil), idempotencyKey: "b").order
        let c = try db.placeOrder(Fixtures.order([(3, 1)], chatId: "web-9"), idempotencyKey: "c").order
        let d = try db.placeOrder(Fixtures.order([(1, 1)], client: other, chatId: "tg:77"), idempotencyKey: "d").order
        let e = try db.placeOrder(Fixtures.order([(2, 1)], chatId: "tg:42"), idempotencyKey: "e").order
        _ = try db.changeOrderState(id: c.id, to: .cancelled)
        try Self.backdate(db, "pedidos", id: a.id, to: "2025-03-03T14:00:00Z")  // Monday
        try Self.backdate(db, "pedidos", id: b.id, to: "2025-03-10T04:30:00Z")  // Sunday 23:30 in Colombia
        try Self.backdate(db, "pedidos", id: c.id, to: "2025-03-04T15:00:00Z")
        try Self.backdate(db, "pedidos", id: d.id, to: "2025-03-10T15:00:00Z")  // next Monday
        try Self.backdate(db, "pedidos", id: e.id, to: "2025-04-20T15:00:00Z")  // outside the period
        let messages: [(String, Sender, MessageKind, String)] = [
            ("tg:42", .user, .text, "2025-03-03T13:00:00Z"), ("tg:42", .agent, .text, "2025-03-03T13:00:01Z"),
            ("tg:42", .user, .audio, "2025-03-03T13:05:00Z"), ("web-9", .user, .text, "2025-03-05T13:00:00Z"),
            ("web-9", .user, .image, "2025-03-05T13:01:00Z"), ("tg:88", .user, .text, "2025-03-06T13:00:00Z"),
            ("tg:77", .agent, .text, "2025-03-10T12:00:00Z"), ("tg:88", .user, .text, "2025-05-01T13:00:00Z"),
        ]
        for (chat, from, kind, iso) in messages {
            let stored = try db.appendMessage(
                NewMessage(chatId: chat, sender: from, kind: kind, content: "hola"))
            try Self.backdate(db, "mensajes", id: stored.id, to: iso)
        }
        try db.recordChannel(chatId: "web-9", channel: .http)

        let panel = try db.salesPanel(since: "2025-03-01", until: "2025-03-15", top: 2, stockThreshold: 7)
        #expect(panel.period == .init(since: "2025-03-01", until: "2025-03-15"))
        #expect(panel.sales.orders == 3)
        #expect(panel.sales.total == 105_800 + 47_400 + 45_000)
        #expect(panel.sales.averageTicket == 66_067)
        #expect(panel.sales.byDay.map(\.day) == ["2025-03-03", "2025-03-09", "2025-03-10"])
        #expect(
            panel.sales.byWeek == [
                WeeklySales(week: "2025-03-03", orders: 2, units: 6, total: 153_200),
                WeeklySales(week: "2025-03-10", orders: 1, units: 1, total: 45_000),
            ])
        #expect(panel.sales.ordersByState["pendiente"] == 3)
        #expect(panel.sales.ordersByState["cancelado"] == 1)
        #expect(panel.sales.ordersByState["entregado"] == 0)
        #expect(panel.topProducts.map(\.productId) == [1, 2])
        #expect(panel.topProducts.map(\.total) == [135_000, 63_200])
        #expect(
            panel.topClients == [
                TopClient(idNumber: "1107654321", name: "Ana María Gómez", orders: 2, total: 153_200),
                TopClient(idNumber: "79555123", name: #"Pedro "Pacho" Núñez"#, orders: 1, total: 45_000),
            ])
        // Customers wrote on tg:42, web-9 and tg:88; tg:42 ordered (web-9's order counts: cancelled
        // orders are still orders placed from the chat).
        #expect(panel.conversion == Conversion(chats: 3, chatsWithOrder: 2))
        #expect(panel.conversion.rate == 0.6667)
        #expect(panel.lowStock.threshold == 7)
        #expect(panel.lowStock.products.map(\.id) == [4, 1, 3])
        #expect(panel.lowStock.products.map(\.stock) == [0, 7, 7])
        #expect(
            panel.messagesByChannel == [
                ChannelMessages(channel: "http", kind: "imagen", messages: 1, fromClients: 1),
                ChannelMessages(channel: "http", kind: "texto", messages: 1, fromClients: 1),
                ChannelMessages(channel: "telegram", kind: "audio", messages: 1, fromClients: 1),
                ChannelMessages(channel: "telegram", kind: "texto", messages: 4, fromClients: 2),
            ])
    }

    @Test func theDefaultPeriodIsTheLastThirtyDays() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let now = try #require(ShopCalendar.timestamp("2025-03-31T12:00:00Z"))
        let panel = try db.salesPanel(now: now)
        #expect(panel.period == .init(since: "2025-03-02", until: "2025-03-31"))
        #expect(panel.sales.orders == 0)
        #expect(panel.sales.averageTicket == 0)
        #expect(panel.conversion == Conversion(chats: 0, chatsWithOrder: 0))
        #expect(throws: ValidationErrors.self) { try db.salesPanel(since: "ayer") }
    }
}
