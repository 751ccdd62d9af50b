import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop

/// The choices a reply offers (`opciones`, what Telegram shows as buttons), through the reply
/// worker: each button's `mensaje`, sent as a typed message, does what the button says.
@Suite("Reply options through the reply worker", .serialized)
struct ReplyOptionsTests {
    @Test func quantityPhoneAndConfirmationChoicesAreOfferedAndTheirMessagesWork() async throws {
        let h = try await AgentHarness()
        let info = try await h.say("o1", "¿tienen alarma sonora?")
        let quantity = try #require(info.options, "\(info.reply)")
        #expect(quantity.kind == .quantity)
        #expect(quantity.choices.map(\.action).prefix(3) == [.quantity(1), .quantity(2), .quantity(3)])
        let three = try #require(quantity.choices.first { $0.action == .quantity(3) })
        let added = try await h.say("o1", three.message)
        #expect(added.reply.contains("3 × Alarma sonora"), "\(added.reply)")

        _ = try await h.say("o1", "eso es todo")
        let askPhone = try await h.say("o1", "Ana María Gómez, cc 1.107.654.321")
        #expect(askPhone.options == ReplyOptions(kind: .phone, choices: []), "\(askPhone.reply)")

        let summary = try await h.say(
            "o1", "3182842304, ana@example.com, Calle 5 # 38-21, barrio San Fernando, entregar en portería")
        let confirm = try #require(summary.options, "\(summary.reply)")
        #expect(confirm.kind == .confirmOrder)
        #expect(confirm.choices.map(\.action) == [.yes, .no, .cancel])
        // The HTTP widget reads them in Spanish.
        let json = try JobCoding.encode(summary)
        #expect(json.contains("\"opciones\":{"), "\(json)")
        #expect(json.contains("\"tipo\":\"confirmar_pedido\""))
        #expect(json.contains("\"etiqueta\":\"Confirmar pedido\""))
        #expect(json.contains("\"mensaje\":\"sí\""))

        let change = try #require(confirm.choices.first { $0.action == .no })
        let asked = try await h.say("o1", change.message)
        #expect(asked.reply.contains("qué desea cambiar"), "\(asked.reply)")
        #expect(try h.orders(chatId: "o1").isEmpty)

        let yes = try #require(confirm.choices.first { $0.action == .yes })
        let placed = try await h.say("o1", yes.message)
        let order = try #require(try h.orders(chatId: "o1").first, "\(placed.reply)")
        #expect(placed.orderId == order.id)
        #expect(order.items.map(\.quantity) == [3])
        #expect(placed.options == nil)
        // A reply that asks nothing a button answers carries no `opciones` at all.
        #expect(!(try JobCoding.encode(placed)).contains("opciones"))
        await h.tearDown()
    }

    @Test func aCancelButtonsMessageCancels() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("o2", "quiero 2 cascos dieléctricos")
        _ = try await h.say("o2", "eso es todo")
        let summary = try await h.say(
            "o2",
            "Ana María Gómez, cc 1.107.654.321, cel 318 284 2304, ana@example.com, Calle 5 # 38-21, barrio San Fernando, entregar en portería"
        )
        let cancel = try #require(summary.options?.choices.first { $0.action == .cancel }, "\(summary.reply)")
        let cancelled = try await h.say("o2", cancel.message)
        #expect(try h.orders(chatId: "o2").isEmpty)
        let cart = try await h.say("o2", "¿qué llevo?")
        #expect(!cart.reply.contains("Casco"), "\(cancelled.reply) / \(cart.reply)")
        await h.tearDown()
    }

    @Test func actionsReadOnlyTheirOwnCodes() {
        for action in [ReplyAction.yes, .no, .cancel, .quantity(1), .quantity(999)] {
            #expect(ReplyAction(rawValue: action.rawValue) == action)
        }
        for bad in [
            "", "c", "c0", "c1000", "c01", "c+1", "c 1", "SI", "si ", "c١", "cancelar2", "c99999999999999999999",
        ] {
            #expect(ReplyAction(rawValue: bad) == nil, "\(bad)")
        }
    }
}
