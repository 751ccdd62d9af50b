import Foundation
import GRDB
import Testing

@testable import Core

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
        let a = try db.placeOrder(Fixtures.order([(1, 2), (2, 1)]), idempotencyKey: "a").pedido  // 105.800
        let b = try db.placeOrder(Fixtures.order([(2, 3)]), idempotencyKey: "b").pedido  // 47.400
        let c = try db.placeOrder(Fixtures.order([(3, 1)]), idempotencyKey: "c").pedido  // cancelled
        let d = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "d").pedido  // 45.000, other day
        _ = try db.changeOrderState(id: c.id, to: .cancelado)
        try Self.backdate(db, order: a.id, to: "2025-03-01T14:00:00Z")
        try Self.backdate(db, order: b.id, to: "2025-03-02T04:30:00Z")  // 23:30 on 1 March in Cali
        try Self.backdate(db, order: c.id, to: "2025-03-01T15:00:00Z")
        try Self.backdate(db, order: d.id, to: "2025-03-02T15:00:00Z")

        let report = try db.ventas(desde: "2025-03-01", hasta: "2025-03-02")
        #expect(report.pedidos == 3)
        #expect(report.total == 105_800 + 47_400 + 45_000)
        #expect(report.unidades == 7)
        #expect(
            report.porDia == [
                VentaDia(dia: "2025-03-01", pedidos: 2, unidades: 6, total: 153_200),
                VentaDia(dia: "2025-03-02", pedidos: 1, unidades: 1, total: 45_000),
            ])
        #expect(
            report.porProducto == [
                VentaProducto(productoId: 1, nombre: "Extintor PQS 10 libras", unidades: 3, total: 135_000),
                VentaProducto(productoId: 2, nombre: "Guantes vaqueta", unidades: 4, total: 63_200),
            ])

        let firstDay = try db.ventas(desde: "2025-03-01", hasta: "2025-03-01")
        #expect(firstDay.porDia.map(\.dia) == ["2025-03-01"])
        #expect(firstDay.total == 153_200)
        #expect(try db.ventas(desde: "2025-04-01").pedidos == 0)
        #expect(throws: ValidationErrors.self) { try db.ventas(desde: "marzo") }
    }

    @Test func statisticsCountEverything() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let a = try db.placeOrder(Fixtures.order([(1, 2)]), idempotencyKey: "a").pedido
        let b = try db.placeOrder(Fixtures.order([(2, 1)]), idempotencyKey: "b").pedido
        _ = try db.changeOrderState(id: b.id, to: .cancelado)
        try db.appendMessage(NuevoMensaje(chatId: "tg:1", remitente: .usuario, contenido: "hola"))
        try db.appendMessage(NuevoMensaje(chatId: "tg:2", remitente: .usuario, contenido: "hola"))
        try db.setAIActive(chatId: "tg:2", active: false)

        let stats = try db.statistics()
        #expect(stats.productos == 5)
        #expect(stats.productosActivos == 4)
        #expect(stats.productosSinStock == 1)
        #expect(stats.clientes == 1)
        #expect(stats.pedidos == 2)
        #expect(stats.pedidosPorEstado["pendiente"] == 1)
        #expect(stats.pedidosPorEstado["cancelado"] == 1)
        #expect(stats.pedidosPorEstado["entregado"] == 0)
        #expect(stats.ventasTotal == a.total)
        #expect(stats.mensajes == 2)
        #expect(stats.chats == 2)
        #expect(stats.chatsSinIA == 1)
    }

    @Test func domainValuesEncodeWithTheContractKeys() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let pedido = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "a").pedido
        let json = try #require(
            try JSONSerialization.jsonObject(with: DomainJSON.encoder().encode(pedido)) as? [String: Any])
        #expect(Set(json.keys) == ["id", "chat_id", "estado", "total", "creado", "actualizado", "cliente", "items"])
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(Set(item.keys) == ["producto_id", "nombre", "cantidad", "precio_unitario", "subtotal"])
        let cliente = try #require(json["cliente"] as? [String: Any])
        #expect(cliente["cedula"] as? String == "1107654321")
        let decoded = try DomainJSON.decoder().decode(Pedido.self, from: DomainJSON.encoder().encode(pedido))
        #expect(decoded.items == pedido.items)
        let page = try DomainJSON.encoder().encode(try db.listProducts(limit: 1))
        let pageJSON = try #require(try JSONSerialization.jsonObject(with: page) as? [String: Any])
        #expect(Set(pageJSON.keys) == ["resultados", "total", "limit", "offset"])
    }
}
