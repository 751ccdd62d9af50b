import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// Found on dev16 (issue 22, nineteenth round), tested with other phrasings: a thing counted
/// is asked for even after "cotización de" ("dos hachas de bombero" found emergency products);
/// a welding mask is something the shop does not carry (its face shield is the alternative);
/// "que se pueda recargar" says recargable; "antes"/"después" describe nothing (they were read
/// as "ante", a piece of "antideslizante"). Words alone, the repository's lexicon.
@Suite("Retrieval: counted things, welding masks, recharging")
struct CountedThingsAndWeldingMasksTests {
    static func find(_ query: String) async throws -> ProductSearchResult {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        return try await LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon()).find(query, limit: 5)
    }

    @Test(arguments: [
        "buenas, les pido precio de tres mangueras de bombero para la brigada del colegio",
        "cotización de 4 radios de comunicación para la brigada de emergencias",
    ])
    func aCountedUnknownThingIsNotCarried(query: String) async throws {
        let result = try await Self.find(query)
        #expect(result.matches.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test func peopleCountedAfterParaStayAUse() async throws {
        let result = try await Self.find("algo para 5 trabajadores que cargan bultos pesados")
        #expect(
            result.matches.contains { $0.product.name == "Faja ergonómica" }, "\(result.matches.map(\.product.name))")
    }

    @Test(arguments: ["venden caretas pa soldar electrónicas?", "una careta de soldador de las que se oscurecen"])
    func aWeldingMaskOffersTheFaceShield(query: String) async throws {
        let result = try await Self.find(query)
        #expect(result.matches.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
        #expect(result.alternatives.contains { $0.product.name == "Careta facial" })
        // A careta for grinding is the face shield itself.
        let grinding = try await Self.find("careta para esmerilar")
        #expect(grinding.matches.first?.product.name == "Careta facial")
    }

    @Test func rechargingSaysRecargableAndTimeWordsDescribeNothing() async throws {
        let lamp = try await Self.find("unas lámparas de mano que se puedan recargar, las de pilas se acaban")
        #expect(lamp.matches.first?.product.name == "Linterna recargable", "\(lamp.matches.map(\.product.name))")
        let before = try await Self.find("guantes de nitrilo antes de pintar")
        #expect(!before.matches.contains { $0.product.name == "Barra antideslizante" })
    }
}
