import Foundation
import Testing

@testable import Core

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
            PedidoItem(productoId: 2, nombre: "Guantes vaqueta", cantidad: 12, precioUnitario: 15800),
            PedidoItem(productoId: 1, nombre: "Extintor PQS 10 libras", cantidad: 2, precioUnitario: 45000),
            PedidoItem(productoId: 3, nombre: "Cámara vigilancia", cantidad: 1, precioUnitario: 109000),
        ]
        let stored = try #require(try db.order(id: placed.pedido.id))
        #expect(stored == placed.pedido)
        #expect(stored.items == expected)
        #expect(stored.items.map(\.subtotal) == [189_600, 90_000, 109_000])
        #expect(stored.total == 388_600)
        #expect(stored.estado == .pendiente)
        #expect(stored.chatId == "tg:42")
        #expect(stored.cliente.cedula == "1107654321")
        #expect(try Fixtures.count(db, "pedido_items") == 3)
        #expect(try Fixtures.stock(db, 2) == 11)
        #expect(try Fixtures.stock(db, 1) == 8)
        #expect(try Fixtures.stock(db, 3) == 6)

        let cliente = try #require(try db.client(cedula: "1107654321"))
        #expect(cliente.pedidosCount == 1)
        #expect(cliente.totalComprado == 388_600)
        #expect(cliente.ultimaCompra == stored.creado)
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
        #expect(again.pedido == first.pedido)
        #expect(changed.replayed)
        #expect(changed.pedido.id == first.pedido.id)
        #expect(try ["pedidos", "pedido_items", "clientes"].map { try Fixtures.count(db, $0) } == counts)
        #expect(counts == [1, 2, 1])
        #expect(try Fixtures.stock(db, 1) == 8)
        #expect(try Fixtures.stock(db, 2) == 20)
        #expect(try db.client(cedula: "1107654321")?.pedidosCount == 1)

        let other = try db.placeOrder(request, idempotencyKey: "job-8")
        #expect(other.replayed == false)
        #expect(other.pedido.id != first.pedido.id)
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
                    ShortItem(productoId: 2, nombre: "Guantes vaqueta", pedido: 30, disponible: 23),
                    ShortItem(productoId: 4, nombre: "Casco dieléctrico", pedido: 1, disponible: 0),
                ]))
        #expect(error?.codigo == "stock_insuficiente")
        #expect(
            error?.mensaje
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
        #expect(inactive == .productInactive(id: 5, nombre: "Chaleco reflectivo"))
        #expect(inactive?.codigo == "producto_inactivo")
        #expect(try Fixtures.stock(db, 1) == 10)
        #expect(try Fixtures.count(db, "pedidos") == 0)
    }

    @Test func invalidRequestsAreRefusedBeforeTouchingTheDatabase() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let sinTelefono = ClienteDatos(cedula: "1234567", nombre: "Luis")
        let error = #expect(throws: ValidationErrors.self) {
            try db.placeOrder(Fixtures.order([(1, 0)], cliente: sinTelefono), idempotencyKey: "x")
        }
        #expect(error.map { Set($0.errores.map(\.campo)) } == ["telefono", "cantidad"])
        #expect(throws: ValidationErrors.self) { try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "  ") }
        #expect(try Fixtures.count(db, "pedidos") == 0)
    }

    @Test func ordersAreListedWithFilters() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let luis = ClienteDatos(cedula: "94456789", nombre: "Luis", telefono: "3001112233")
        let a = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "a").pedido
        let b = try db.placeOrder(Fixtures.order([(2, 1)], cliente: luis, chatId: "tg:7"), idempotencyKey: "b").pedido
        let c = try db.placeOrder(Fixtures.order([(3, 1)], chatId: nil), idempotencyKey: "c").pedido
        _ = try db.changeOrderState(id: c.id, to: .procesando)

        #expect(try db.listOrders().resultados.map(\.id) == [c.id, b.id, a.id])
        #expect(try db.listOrders(PedidoFiltro(chatId: "tg:7")).resultados.map(\.id) == [b.id])
        #expect(try db.listOrders(PedidoFiltro(cedula: "1.107.654.321")).resultados.map(\.id) == [c.id, a.id])
        #expect(try db.listOrders(PedidoFiltro(estado: .procesando)).resultados.map(\.id) == [c.id])
        let today = ShopCalendar.day(of: Date())
        #expect(try db.listOrders(PedidoFiltro(desde: today, hasta: today)).total == 3)
        #expect(try db.listOrders(PedidoFiltro(hasta: "2020-01-01")).total == 0)
        #expect(try db.listOrders(PedidoFiltro(desde: "2999-01-01")).total == 0)
        #expect(throws: ValidationErrors.self) { try db.listOrders(PedidoFiltro(desde: "ayer")) }
        let page = try db.listOrders(limit: 1, offset: 1)
        #expect(page.total == 3)
        #expect(page.resultados.map(\.id) == [b.id])
        #expect(page.resultados.first?.items.count == 1)
    }
}
