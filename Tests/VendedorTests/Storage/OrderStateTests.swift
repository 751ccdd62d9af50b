import Foundation
import Testing

@testable import Core

@Suite("Storage: order states")
struct StorageOrderStateTests {
    static let allowed: Set<[EstadoPedido]> = [
        [.pendiente, .procesando], [.pendiente, .cancelado], [.procesando, .enviado], [.procesando, .cancelado],
        [.enviado, .entregado],
    ]

    @Test func stateMachineAllowsExactlyTheDocumentedMoves() {
        for from in EstadoPedido.allCases {
            for to in EstadoPedido.allCases {
                #expect(from.canTransition(to: to) == Self.allowed.contains([from, to]), "\(from) → \(to)")
            }
        }
    }

    @Test func ordersWalkTheHappyPath() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let pedido = try db.placeOrder(Fixtures.order([(1, 3)]), idempotencyKey: "k").pedido
        for estado in [EstadoPedido.procesando, .enviado, .entregado] {
            let moved = try db.changeOrderState(id: pedido.id, to: estado)
            #expect(moved.estado == estado)
            #expect(try db.order(id: pedido.id)?.estado == estado)
        }
        #expect(try Fixtures.stock(db, 1) == 7)
        #expect(throws: OrderError.invalidTransition(from: .entregado, to: .cancelado)) {
            try db.changeOrderState(id: pedido.id, to: .cancelado)
        }
    }

    @Test(arguments: [
        ([EstadoPedido](), EstadoPedido.enviado),
        ([], .entregado),
        ([], .pendiente),
        ([.procesando], .pendiente),
        ([.procesando], .procesando),
        ([.procesando, .enviado], .cancelado),
        ([.cancelado], .procesando),
    ])
    func invalidTransitionsAreRefusedAndChangeNothing(path: [EstadoPedido], target: EstadoPedido) throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let pedido = try db.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "k").pedido
        for estado in path { _ = try db.changeOrderState(id: pedido.id, to: estado) }
        let before = try #require(try db.order(id: pedido.id))
        let error = #expect(throws: OrderError.self) { try db.changeOrderState(id: pedido.id, to: target) }
        #expect(error?.codigo == "transicion_invalida")
        #expect(error?.mensaje.contains("No se puede pasar un pedido de \(before.estado.rawValue)") == true)
        #expect(try db.order(id: pedido.id) == before)
    }

    @Test func unknownOrderIsNotFound() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let error = #expect(throws: StoreError.self) { try db.changeOrderState(id: 404, to: .procesando) }
        #expect(error?.codigo == "no_encontrado")
        #expect(error?.mensaje == "No existe el pedido 404.")
    }

    @Test func cancellingReturnsStockAndUndoesClientStats() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let kept = try db.placeOrder(Fixtures.order([(2, 1)]), idempotencyKey: "a").pedido
        let cancelled = try db.placeOrder(Fixtures.order([(1, 4), (2, 5)]), idempotencyKey: "b").pedido
        #expect(try Fixtures.stock(db, 1) == 6)
        #expect(try Fixtures.stock(db, 2) == 17)
        _ = try db.changeOrderState(id: cancelled.id, to: .procesando)
        let result = try db.changeOrderState(id: cancelled.id, to: .cancelado)
        #expect(result.estado == .cancelado)
        #expect(result.items.count == 2)
        #expect(try Fixtures.stock(db, 1) == 10)
        #expect(try Fixtures.stock(db, 2) == 22)
        let cliente = try #require(try db.client(cedula: "1107654321"))
        #expect(cliente.pedidosCount == 1)
        #expect(cliente.totalComprado == kept.total)
        #expect(cliente.ultimaCompra == kept.creado)
    }
}
