import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// A customer whose cédula is on file and who types their data again: the record is offered
/// only when it fills something they still owe besides the delivery notes. Before, a customer
/// who sent every field but the notes was asked "¿Los usamos?", and their next message (the
/// notes the form would have asked for) was taken as an answer to that question and lost.
@Suite(.serialized) struct ReturningClientTests {
    static let ramiro = ClientDetails(
        idNumber: "71234987", name: "Ramiro Ospina", phone: "3157770011", email: "ramiro@example.com",
        address: "Carrera 8 # 12-30", neighborhood: "San Nicolás", notes: "portería")

    @Test func aReturningCustomerWhoTypesEverythingAgainIsNotAskedAboutTheRecord() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.ramiro)
        _ = try await h.say("r1", "necesito 3 conos de señalización")
        _ = try await h.say("r1", "nada más")
        let next = try await h.say(
            "r1",
            "Ramiro Ospina Gil - c.c. 71.234.987 - cel 315 777 0011 - ramiro.ospina@example.com - "
                + "Calle 44 # 3-18 barrio Los Álamos")
        #expect(!next.reply.contains("terminado en"), "\(next.reply)")
        let summary = try await h.say("r1", "dejarlo con la señora del primer piso")
        #expect(summary.reply.contains("primer piso"), "\(summary.reply)")
        _ = try await h.say("r1", "sí")
        let order = try #require(try h.orders(chatId: "r1").first)
        #expect(order.client.address == "Calle 44 # 3-18" && order.client.neighborhood == "Los Álamos")
        #expect(order.client.notes?.contains("primer piso") == true)
        await h.tearDown()
    }

    @Test func theRecordIsStillOfferedWhenItFillsWhatIsMissing() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.ramiro)
        _ = try await h.say("r2", "necesito 3 conos de señalización")
        _ = try await h.say("r2", "nada más")
        let offer = try await h.say("r2", "mi cédula es 71234987")
        #expect(offer.reply.contains("terminado en 0011"), "\(offer.reply)")
        // Accepting it with more words: they are not the next field's value.
        let summary = try await h.say("r2", "si claro, a la misma de la otra vez")
        #expect(summary.reply.contains("Nombre: Ramiro O.\n"), "\(summary.reply)")
        _ = try await h.say("r2", "confirmo")
        let order = try #require(try h.orders(chatId: "r2").first)
        #expect(order.client.address == "Carrera 8 # 12-30" && order.client.phone == "3157770011")
        await h.tearDown()
    }

    /// Before, an answer that was neither yes nor no left the offer open for ever: every later
    /// message was read as its answer and the form asked for the phone again and again.
    @Test func aCustomerWhoIgnoresTheOfferAndGoesOnTypingTheirDataFinishesTheOrder() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.ramiro)
        _ = try await h.say("r3", "necesito 3 conos de señalización")
        _ = try await h.say("r3", "nada más")
        _ = try await h.say("r3", "Ramiro Ospina")
        let offer = try await h.say("r3", "71.234.987")
        #expect(offer.reply.contains("terminado en 0011"), "\(offer.reply)")
        let afterPhone = try await h.say("r3", "442 8877")
        #expect(!afterPhone.reply.contains("celular"), "\(afterPhone.reply)")
        for answer in ["no tengo correo", "Calle 44 # 3-18", "Los Álamos", "ninguna"] {
            _ = try await h.say("r3", answer)
        }
        _ = try await h.say("r3", "sí")
        let order = try #require(try h.orders(chatId: "r3").first)
        #expect(order.client.phone == "4428877" && order.client.address == "Calle 44 # 3-18")
        #expect(order.client.neighborhood == "Los Álamos" && order.client.email == nil)
        await h.tearDown()
    }

    /// Fifth round: "ya terminé, usen los datos registrados" said both the go-ahead and yes to
    /// the record; before, the offer was asked again. "bario" labels the neighbourhood too.
    @Test func theGoAheadThatAcceptsTheRecordGoesToTheSummary() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.ramiro)
        let offer = try await h.say("r9", "Ramiro Ospina, cc 71.234.987. Para hoy 3 conos de señalización")
        #expect(offer.reply.contains("terminado en 0011"), "\(offer.reply)")
        let summary = try await h.say("r9", "Nada más. Tomen los datos registrados, por favor.")
        #expect(summary.reply.contains("resumen"), "\(summary.reply)")
        let data = CheckoutFieldExtractor.extract("bario la floresta", requested: .neighborhood)
        #expect(data.values[.neighborhood] == "la floresta")
        await h.tearDown()
    }

    /// Eleventh round (l-set): "los datos sí, pero…" with the new address kept the record
    /// for the rest; before, only a "sí" opening the message did, and the name was asked.
    @Test func aYesButWithTheNewAddressKeepsTheRest() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.ramiro)
        _ = try await h.say("r10", "necesito 3 conos de señalización")
        _ = try await h.say("r10", "nada más")
        let offer = try await h.say("r10", "cédula 71234987")
        #expect(offer.reply.contains("terminado en 0011"), "\(offer.reply)")
        let summary = try await h.say(
            "r10", "todo eso sí, pero me trasteé: ahora es Calle 70 # 5-14, barrio La Flora")
        #expect(summary.reply.contains("resumen"), "\(summary.reply)")
        #expect(summary.reply.contains("Calle 70 # 5-14"), "\(summary.reply)")
        #expect(SalesAgent.yesBut(Words("los datos sí, pero ya no vivo allá")))
        #expect(!SalesAgent.yesBut(Words("no, pero gracias")))
        await h.tearDown()
    }
}
