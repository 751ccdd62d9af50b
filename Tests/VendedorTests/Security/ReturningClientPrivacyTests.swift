import Foundation
import Testing

@testable import Shop

/// Issue 16, finding 1: typing a cédula on file must not disclose that client's data, and a
/// chat that did not prove to be the client must not change the stored record. Before the
/// fix the offer printed the stored name, phone, e-mail and address, and every order from
/// chat upserted the client with whatever the chat said.
@Suite(.serialized) struct ReturningClientPrivacyTests {
    static let gloria = ClientDetails(
        idNumber: "29876543", name: "Gloria Inés Patiño", phone: "3005551234", email: "gloria@example.com",
        address: "Calle 9 # 45-12", neighborhood: "El Refugio")
    static let secrets = ["Gloria Inés Patiño", "Patiño", "3005551234", "gloria@example.com", "Calle 9", "El Refugio"]

    static func discloses(_ text: String) -> [String] {
        secrets.filter { text.contains($0) }
    }

    @Test func aStoredCedulaIsOnlyConfirmedMaskedAndAcceptingItDoesNotRewriteTheRecord() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.gloria)
        _ = try await h.say("p1", "2 arneses de seguridad")
        _ = try await h.say("p1", "listo")
        let offer = try await h.say("p1", "CC 29.876.543")
        #expect(offer.reply.contains("terminado en 1234"))
        #expect(Self.discloses(offer.reply).isEmpty, "\(offer.reply)")
        let summary = try await h.say("p1", "sí, pero el barrio ahora es El Limonar")
        #expect(summary.reply.contains("El Limonar"))
        #expect(Self.discloses(summary.reply).isEmpty, "\(summary.reply)")
        _ = try await h.say("p1", "sí")
        let order = try #require(try h.orders(chatId: "p1").first)
        // The order keeps the data given with it (the record's, with the new barrio)…
        #expect(order.client.neighborhood == "El Limonar" && order.client.phone == "3005551234")
        // …but accepting the offer proves nothing: the record is as it was.
        let stored = try #require(try h.database.client(idNumber: "29876543"))
        #expect(stored.details.neighborhood == "El Refugio")
        await h.tearDown()
    }

    /// A cart, Gloria's cédula, "no" to the stored data, then `name` and `phone` with a new
    /// address in one labelled block, and "sí"; returns the summary's reply.
    static func orderDecliningTheOffer(_ h: AgentHarness, _ chatId: String, name: String, phone: String)
        async throws -> String
    {
        _ = try await h.say(chatId, "3 conos de señalización")
        _ = try await h.say(chatId, "eso es todo")
        _ = try await h.say(chatId, "cédula 29876543")
        _ = try await h.say(chatId, "no")
        let summary = try await h.say(
            chatId,
            "Nombre: \(name)\nCel: \(phone)\nCorreo: pedro@example.com\nDirección: Carrera 50 # 10-20\n"
                + "Barrio: Centro\nIndicaciones: ninguna")
        _ = try await h.say(chatId, "sí")
        return summary.reply
    }

    @Test func aChatThatDidNotProveToBeTheClientNeverOverwritesIt() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.gloria)
        let summary = try await Self.orderDecliningTheOffer(h, "p2", name: "Pedro Gómez", phone: "3109876543")
        #expect(Self.discloses(summary).isEmpty, "\(summary)")
        let order = try #require(try h.orders(chatId: "p2").first)
        #expect(order.client.name == "Pedro Gómez" && order.client.phone == "3109876543")
        #expect(order.client.address == "Carrera 50 # 10-20")
        let stored = try #require(try h.database.client(idNumber: "29876543"))
        #expect(stored.details == Self.gloria.validatedForTest)
        await h.tearDown()
    }

    @Test func typingThePhoneOnFileProvesItAndTheRecordMayChange() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.gloria)
        _ = try await Self.orderDecliningTheOffer(h, "p3", name: "Gloria Inés Patiño", phone: "300 555 1234")
        #expect(try h.orders(chatId: "p3").count == 1)
        let stored = try #require(try h.database.client(idNumber: "29876543"))
        #expect(stored.details.address == "Carrera 50 # 10-20" && stored.details.neighborhood == "Centro")
        await h.tearDown()
    }

    @Test func aRetiredClientIsNeitherOfferedNorChanged() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.gloria)
        _ = try h.database.setClientActive(idNumber: "29876543", active: false)
        _ = try await h.say("p4", "2 arneses de seguridad")
        _ = try await h.say("p4", "listo")
        let next = try await h.say("p4", "CC 29876543")
        #expect(!next.reply.contains("terminado en") && Self.discloses(next.reply).isEmpty, "\(next.reply)")
        _ = try await h.say(
            "p4",
            "Nombre: Gloria Patiño\nCel: 3005551234\nCorreo: otra@example.com\nDirección: Carrera 50 # 10-20\n"
                + "Barrio: Centro\nIndicaciones: ninguna")
        _ = try await h.say("p4", "sí")
        let order = try #require(try h.orders(chatId: "p4").first)
        #expect(order.client.email == "otra@example.com" && order.client.address == "Carrera 50 # 10-20")
        let stored = try #require(try h.database.client(idNumber: "29876543"))
        #expect(!stored.active && stored.details == Self.gloria.validatedForTest)
        await h.tearDown()
    }
}

extension ClientDetails {
    /// As the store keeps it.
    fileprivate var validatedForTest: ClientDetails { (try? validated()) ?? self }
}
