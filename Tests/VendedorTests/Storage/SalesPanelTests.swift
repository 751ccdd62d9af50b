import Foundation
import GRDB
import Testing

@testable import Core

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
        let a = try db.placeOrder(Fixtures.order([(1, 2), (2, 1)], chatId: "tg:42"), idempotencyKey: "a").pedido
        let b = try db.placeOrder(Fixtures.order([(2, 3)], chatId: nil), idempotencyKey: "b").pedido
        let c = try db.placeOrder(Fixtures.order([(3, 1)], chatId: "web-9"), idempotencyKey: "c").pedido
        let d = try db.placeOrder(Fixtures.order([(1, 1)], cliente: other, chatId: "tg:77"), idempotencyKey: "d").pedido
        let e = try db.placeOrder(Fixtures.order([(2, 1)], chatId: "tg:42"), idempotencyKey: "e").pedido
        _ = try db.changeOrderState(id: c.id, to: .cancelado)
        try Self.backdate(db, "pedidos", id: a.id, to: "2025-03-03T14:00:00Z")  // Monday
        try Self.backdate(db, "pedidos", id: b.id, to: "2025-03-10T04:30:00Z")  // Sunday 23:30 in Colombia
        try Self.backdate(db, "pedidos", id: c.id, to: "2025-03-04T15:00:00Z")
        try Self.backdate(db, "pedidos", id: d.id, to: "2025-03-10T15:00:00Z")  // next Monday
        try Self.backdate(db, "pedidos", id: e.id, to: "2025-04-20T15:00:00Z")  // outside the period
        let messages: [(String, Remitente, TipoMensaje, String)] = [
            ("tg:42", .usuario, .texto, "2025-03-03T13:00:00Z"), ("tg:42", .agente, .texto, "2025-03-03T13:00:01Z"),
            ("tg:42", .usuario, .audio, "2025-03-03T13:05:00Z"), ("web-9", .usuario, .texto, "2025-03-05T13:00:00Z"),
            ("web-9", .usuario, .imagen, "2025-03-05T13:01:00Z"), ("tg:88", .usuario, .texto, "2025-03-06T13:00:00Z"),
            ("tg:77", .agente, .texto, "2025-03-10T12:00:00Z"), ("tg:88", .usuario, .texto, "2025-05-01T13:00:00Z"),
        ]
        for (chat, from, kind, iso) in messages {
            let stored = try db.appendMessage(
                NuevoMensaje(chatId: chat, remitente: from, tipo: kind, contenido: "hola"))
            try Self.backdate(db, "mensajes", id: stored.id, to: iso)
        }
        try db.recordChannel(chatId: "web-9", canal: "http")

        let panel = try db.salesPanel(desde: "2025-03-01", hasta: "2025-03-15", top: 2, umbralStock: 7)
        #expect(panel.periodo == .init(desde: "2025-03-01", hasta: "2025-03-15"))
        #expect(panel.ventas.pedidos == 3)
        #expect(panel.ventas.total == 105_800 + 47_400 + 45_000)
        #expect(panel.ventas.ticketPromedio == 66_067)
        #expect(panel.ventas.porDia.map(\.dia) == ["2025-03-03", "2025-03-09", "2025-03-10"])
        #expect(
            panel.ventas.porSemana == [
                VentaSemana(semana: "2025-03-03", pedidos: 2, unidades: 6, total: 153_200),
                VentaSemana(semana: "2025-03-10", pedidos: 1, unidades: 1, total: 45_000),
            ])
        #expect(panel.ventas.pedidosPorEstado["pendiente"] == 3)
        #expect(panel.ventas.pedidosPorEstado["cancelado"] == 1)
        #expect(panel.ventas.pedidosPorEstado["entregado"] == 0)
        #expect(panel.topProductos.map(\.productoId) == [1, 2])
        #expect(panel.topProductos.map(\.total) == [135_000, 63_200])
        #expect(
            panel.topClientes == [
                ClienteTop(cedula: "1107654321", nombre: "Ana María Gómez", pedidos: 2, total: 153_200),
                ClienteTop(cedula: "79555123", nombre: #"Pedro "Pacho" Núñez"#, pedidos: 1, total: 45_000),
            ])
        // Customers wrote on tg:42, web-9 and tg:88; tg:42 ordered (web-9's order counts: cancelled
        // orders are still orders placed from the chat).
        #expect(panel.conversion == Conversion(chats: 3, chatsConPedido: 2))
        #expect(panel.conversion.tasa == 0.6667)
        #expect(panel.stockBajo.umbral == 7)
        #expect(panel.stockBajo.productos.map(\.id) == [4, 1, 3])
        #expect(panel.stockBajo.productos.map(\.stock) == [0, 7, 7])
        #expect(
            panel.mensajesPorCanal == [
                MensajesCanal(canal: "http", tipo: "imagen", mensajes: 1, deClientes: 1),
                MensajesCanal(canal: "http", tipo: "texto", mensajes: 1, deClientes: 1),
                MensajesCanal(canal: "telegram", tipo: "audio", mensajes: 1, deClientes: 1),
                MensajesCanal(canal: "telegram", tipo: "texto", mensajes: 4, deClientes: 2),
            ])
    }

    @Test func theDefaultPeriodIsTheLastThirtyDays() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let now = try #require(ShopCalendar.timestamp("2025-03-31T12:00:00Z"))
        let panel = try db.salesPanel(now: now)
        #expect(panel.periodo == .init(desde: "2025-03-02", hasta: "2025-03-31"))
        #expect(panel.ventas.pedidos == 0)
        #expect(panel.ventas.ticketPromedio == 0)
        #expect(panel.conversion == Conversion(chats: 0, chatsConPedido: 0))
        #expect(throws: ValidationErrors.self) { try db.salesPanel(desde: "ayer") }
    }
}
