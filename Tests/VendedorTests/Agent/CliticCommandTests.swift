import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// Requests made with a verb the example bank does not hold, its pronouns attached
/// ("écheme", "alcánceme", "tráiganme"): before, the verb was searched as a product
/// («écheme» no lo manejamos) and the quantity was lost.
@Suite(.serialized) struct CliticCommandTests {
    @Test func commandsWithAttachedPronounsAreToldFromNouns() {
        for word in ["echeme", "alcanceme", "traiganme", "consigame", "cobreme", "mandele", "regalemela", "echemelos"] {
            #expect(IntentClassifier.isCliticCommand(word), "\(word)")
        }
        for word in [
            "uniforme", "cable", "calle", "overoles", "medianos", "suela", "pequenos", "doble", "enorme", "me",
        ] {
            #expect(!IntentClassifier.isCliticCommand(word), "\(word)")
        }
    }

    @Test func aQuantityWithAnUnknownVerbTakesTheProductOnScreen() async throws {
        let h = try await AgentHarness()
        var log: [String] = []
        log.append(try await h.say("c1", "quiero un cono de señalización").reply)
        log.append(try await h.say("c1", "alcánceme 6 más de esos").reply)
        log.append(try await h.say("c1", "y tráiganme 2 cintas de demarcación").reply)
        #expect(!log.joined().contains("no lo manejamos"), "\(log)")
        log.append(try await h.say("c1", "eso es todo").reply)
        log.append(
            try await h.say(
                "c1",
                "Rubiela Castaño, cc 31456789, cel 3167778899, sin correo, Calle 12 # 4-56, barrio Obrero, ninguna"
            ).reply)
        log.append(try await h.say("c1", "sí").reply)
        let order = try #require(try h.orders(chatId: "c1").first, "\(log)")
        #expect(order.items.map(\.quantity).sorted() == [2, 7], "\(log)")
        await h.tearDown()
    }
}
