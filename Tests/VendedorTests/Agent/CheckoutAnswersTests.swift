import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// Found on the a-set (issue 22, thirteenth round), tested with new phrasings: checkouts that
/// never ended. Before: "soy Andrés Felipe Contreras" was no name, and the customer, sure they
/// had given it, never did again; "los datos están bien pero cambió la dirección" dropped the
/// record; a delivery note said while the barrio was asked was searched as a product; a place
/// described to "¿alguna indicación?" with the word "total" showed the cart; "Vereda: Campo
/// Alegre" was no barrio; "la finca se llama Los Naranjos" was no address; "ya se los di
/// arriba" became the barrio; a product asked for while the cédula was asked was an invalid
/// cédula; a phone's digits corrected in words changed a cart line.
@Suite(.serialized) struct CheckoutAnswersTests {
    static let client = ClientDetails(
        idNumber: "52740318", name: "Gloria Inés Vanegas", phone: "3176602291", email: "gvanegas@example.com",
        address: "Calle 12 # 5-40", neighborhood: "La Pola", notes: nil)

    @Test func aFullNameAfterSoyIsTheName() async throws {
        let named = CheckoutFieldExtractor.extract(
            "Buenas tardes, soy Marta Lucía Gómez Pardo, les escribo desde Tunja. ¿Tienen linternas?", requested: nil)
        #expect(named.values[.name] == "Marta Lucía Gómez Pardo", "\(named.values)")
        #expect(named.labelled.contains(.name))
        // A trade after "soy" is no name.
        #expect(
            !CheckoutFieldExtractor.extract("soy electricista, necesito guantes", requested: nil).labelled.contains(
                .name))
        let h = try await AgentHarness()
        _ = try await h.say(
            "ck1", "Buenas, soy Marta Lucía Gómez Pardo, les escribo desde Tunja. Necesito 2 linternas recargables")
        _ = try await h.say("ck1", "eso es todo")
        let next = try await h.say("ck1", "cc 52887123 cel 3104455667 correo marta.gomez@gmail.com")
        #expect(!next.reply.contains("A nombre de quién"), "\(next.reply)")
        await h.tearDown()
    }

    @Test func aChangedFieldAnswersTheStoredDataOffer() async throws {
        let h = try await AgentHarness()
        _ = try h.database.upsertClient(Self.client)
        _ = try await h.say("ck2", "necesito 3 conos de señalización")
        _ = try await h.say("ck2", "nada más")
        let offer = try await h.say("ck2", "52740318")
        #expect(offer.reply.contains("terminado en 2291"), "\(offer.reply)")
        let summary = try await h.say(
            "ck2", "Lo demás está bien, pero me trasteé: ahora es Carrera 20 # 8-15, barrio El Prado")
        #expect(!summary.reply.contains("A nombre de quién"), "\(summary.reply)")
        _ = try await h.say("ck2", "no, ninguna")
        _ = try await h.say("ck2", "confirmo")
        let order = try #require(try h.orders(chatId: "ck2").first)
        #expect(order.client.address == "Carrera 20 # 8-15" && order.client.neighborhood == "El Prado")
        #expect(order.client.phone == "3176602291" && order.client.name == "Gloria Inés Vanegas")
        await h.tearDown()
    }

    @Test func aNoteAnswersNoOtherFreeFieldAndAPlaceDescribedIsTheNote() async throws {
        // A note of a few words has the shape of no barrio, name or address.
        #expect(!SalesAgent.hasShape(.neighborhood, "que me timbren dos veces porque el timbre casi no suena"))
        #expect(SalesAgent.hasShape(.neighborhood, "La Portería"))
        #expect(!SalesAgent.hasShape(.address, "que llamen antes de llegar a la vereda"))
        let h = try await AgentHarness()
        _ = try await h.say("ck3", "quiero 2 linternas recargables")
        _ = try await h.say("ck3", "listo eso es todo")
        _ = try await h.say("ck3", "Esteban Mora Quiroga, cc 1020334455, cel 3001234567, correo emora@gmail.com")
        let barrio = try await h.say("ck3", "Calle 45 # 10-20")
        #expect(barrio.reply.contains("barrio"), "\(barrio.reply)")
        let note = try await h.say("ck3", "que me timbren dos veces porque el timbre casi no suena")
        #expect(
            !note.reply.contains("no lo manejamos") && !note.reply.contains("No tengo exactamente"), "\(note.reply)")
        #expect(note.reply.contains("barrio"), "\(note.reply)")
        let summary = try await h.say("ck3", "San Fernando")
        #expect(summary.reply.contains("Indicaciones: que me timbren dos veces"), "\(summary.reply)")
        // "total" in a place described to the notes question asks nothing.
        _ = try await h.say("ck4", "quiero 2 linternas recargables")
        _ = try await h.say("ck4", "listo eso es todo")
        _ = try await h.say(
            "ck4",
            "Esteban Mora Quiroga, cc 1020334456, cel 3001234568, correo emora2@gmail.com, Calle 45 # 10-20, barrio San Fernando"
        )
        let place = try await h.say("ck4", "es el parqueadero Seguridad Total, junto al estadio")
        #expect(place.reply.contains("Indicaciones: es el parqueadero Seguridad Total"), "\(place.reply)")
        await h.tearDown()
    }

    @Test func ruralPlacesAreTheAddressAndBarrio() {
        let block = CheckoutFieldExtractor.extract(
            "Nombre: Rubiel Ortiz\nCC 94412870\nDirección: Hacienda El Diamante, vía a Garzón km 7\nVereda: Las Mercedes",
            requested: .name)
        #expect(block.values[.address] == "Hacienda El Diamante, vía a Garzón km 7", "\(block.values)")
        #expect(block.values[.neighborhood] == "Las Mercedes", "\(block.values)")
        let named = SpokenAddress.rewrite("mi parcela se llama El Porvenir, vereda San Isidro")
        #expect(named == "mi parcela El Porvenir, vereda San Isidro")
        // Written in capitals too.
        #expect(SpokenAddress.rewrite("LA FINCA SE LLAMA EL PORVENIR") == "LA FINCA EL PORVENIR")
        let sentence = CheckoutFieldExtractor.extract(
            "cel 3209981122, correo rubiel@gmail.com. " + named, requested: .name)
        #expect(sentence.values[.address] == "parcela El Porvenir", "\(sentence.values)")
        #expect(sentence.values[.neighborhood] == "vereda San Isidro", "\(sentence.values)")
    }

    @Test func aDatumAlreadyGivenStays() {
        #expect(CheckoutFieldExtractor.meansSame("eso ya se lo mandé arriba"))
        #expect(CheckoutFieldExtractor.meansSame("ya se la di"))
        #expect(!CheckoutFieldExtractor.meansSame("Centro"))
        #expect(!CheckoutFieldExtractor.meansSame("ya llegamos al barrio Obrero, entre por la 5"))
    }

    @Test func aProductAskedWhileAFieldIsAskedIsOrdered() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("ck5", "quiero 2 linternas recargables")
        _ = try await h.say("ck5", "listo eso es todo")
        _ = try await h.say("ck5", "Luz Dary Ocampo")
        let added = try await h.say(
            "ck5",
            "Bueno, gracias. Súmele porfa una manta ignífuga pa la cocina, que la señora de la cocina la necesita")
        #expect(added.reply.contains("Manta ignífuga"), "\(added.reply)")
        #expect(!added.reply.contains("solo puede tener números"), "\(added.reply)")
        await h.tearDown()
    }

    @Test func aNumberOfADatumIsNoCartChange() throws {
        var form = CheckoutForm()
        _ = try form.fill(.phone, "3115824419")
        let bare = ItemCommand(action: .set, words: [], quantity: 19, pairs: false, query: "19", named: false)
        #expect(SalesAgent.echoesData(bare, form))
        var named = bare
        named.named = true
        #expect(!SalesAgent.echoesData(named, form))
        var small = bare
        small.quantity = 4
        #expect(!SalesAgent.echoesData(small, form))
    }
}
