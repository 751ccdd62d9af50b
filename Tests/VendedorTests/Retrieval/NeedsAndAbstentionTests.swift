import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// Needs, regional names and "no lo manejamos" with the repository's lexicon, on words alone
/// (what every process answers before the catalog's vectors are loaded). The phrasings are
/// not in the development set (`data/evaluacion/busqueda.tsv`).
@Suite("Retrieval: needs, regional names and calibrated abstention")
struct NeedsAndAbstentionTests {
    static func search(_ db: AppDatabase) throws -> LexicalRetriever {
        LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
    }

    @Test(arguments: [
        // Needs: a hazard, a place, a body part, a trade.
        ("algo para no caerse del andamio", [43, 44, 45, 63] as [Int64]),
        ("que los clientes no se resbalen en el local", [60, 105]),
        ("necesito algo para el ruido de las máquinas", [66, 67]),
        ("para proteger la cara de las chispas", [29]),
        ("para no mancharme las piernas", [41, 42, 71]),
        // Regional and generic names.
        ("un enterizo talla L", [41, 42]),
        ("protectores de oído de espuma", [66, 67]),
        ("visor para esmerilar", [29]),
        ("un pito bien duro para la evacuación", [57]),
        // The noun of a need word ("desinfección", "sanitización") names the thing's purpose.
        ("tapetes de sanitización pa la puerta del local", [72]),
        ("un tapete de desinfección para la recepción", [72]),
        // Ninth round: "gancho" for the carabiner, "mapa"/"croquis" for the evacuation plan, a
        // worker who is roasting wants to be kept cool.
        ("cuánto valen los ganchos de acero", [46]),
        ("el croquis de evacuación para la recepción", [76]),
        ("el soldador se está asando, algo pa que esté fresco", [107]),
    ])
    func findsWhatANeedOrARegionalNameMeans(query: String, expected: [Int64]) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 3)
        let ids = RetrievalFixtures.ids(result.matches)
        #expect(ids.contains { expected.contains($0) }, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test(arguments: ["venden lavadoras", "un casco de bicicleta", "quiero unas escaleras de tijera"])
    func somethingNotCarriedFindsNoMatch(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let result = try await Self.search(db).find(query, limit: 5)
        #expect(result.matches.isEmpty, "\(query) → \(result.matches.map(\.product.name))")
    }

    @Test func alternativesOnlyWhenSomethingCloseIsCarried() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        // The same kind of product, specified by something the shop does not know: the shop's
        // cascos are the alternative (so is "casco para bicicleta": an unknown thing after "para").
        let helmet = try await search.find("un casco de bicicleta", limit: 5)
        #expect(!helmet.alternatives.isEmpty)
        #expect(helmet.alternatives.allSatisfy { $0.product.name.lowercased().hasPrefix("casco") })
        #expect(helmet.alternatives.count <= LexicalRetriever.maxAlternatives)
        // Nothing close: a plain "no lo manejamos".
        let washer = try await search.find("venden lavadoras", limit: 5)
        #expect(washer == .notCarried(alternatives: []))
    }

    @Test func aDiscontinuedProductIsNeverOfferedNorSuggested() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = try Self.search(db)
        #expect(RetrievalFixtures.ids(try await search.search("alarma sonora", limit: 5)).contains(57))
        _ = try db.updateProduct(id: 57, ProductChanges(state: .discontinued))
        let result = try await search.find("un pito para la evacuación", limit: 5)
        #expect(!RetrievalFixtures.ids(result.matches).contains(57))
        #expect(!RetrievalFixtures.ids(result.alternatives).contains(57))
    }

    @Test func theComposedReplySaysNotCarriedAndOffersTheAlternatives() {
        let helmet = ProductFact(Product(id: 25, name: "Casco de seguridad", price: 25_000, stock: 4))
        let with = ReplyComposer.render(.notFound(query: "casco para bicicleta", suggestions: [helmet]))
        #expect(with?.contains("no lo manejamos, pero tenemos") == true)
        #expect(with?.contains("Casco de seguridad") == true)
        let without = ReplyComposer.render(.notFound(query: "lavadoras", suggestions: []))
        #expect(without?.contains("no lo manejamos") == true)
        #expect(without?.contains("pero tenemos") == false)
    }
}
