import Foundation
import Testing

@testable import Assistant
@testable import Shop
@testable import SpanishText

/// The demo catalog and the repository's lexicon, in a real SQLite file.
enum RetrievalFixtures {
    static func lexicon() throws -> SearchLexicon {
        try SearchLexicon.load(directory: TestPaths.repoRoot.appendingPathComponent("data/busqueda").path)
    }

    static func demoCatalog() throws -> Data {
        try Data(contentsOf: TestPaths.repoRoot.appendingPathComponent("data/catalogo.csv"))
    }

    /// A database holding the demo catalog.
    static func demoDatabase(in directory: TemporaryDirectory) throws -> AppDatabase {
        let db = try directory.openDatabase()
        _ = try db.importCatalog(csv: try demoCatalog(), mode: .merge)
        return db
    }

    static func ids(_ hits: [ProductHit]) -> [Int64] { hits.map(\.product.id) }
}

@Suite("Retrieval: lexical search")
struct LexicalRetrievalTests {
    @Test func indexFollowsInsertUpdateDeleteAndImport() async throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let search = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())

        let created = try db.createProduct(
            ProductInput(name: "Guantes de carnaza", description: "Cuero para soldador", price: 9000, stock: 5))
        #expect(RetrievalFixtures.ids(try await search.search("guantes carnaza", limit: 5)) == [created.id])

        _ = try db.updateProduct(id: created.id, ProductChanges(name: "Peto de cuero"))
        #expect(try await search.search("guantes carnaza", limit: 5).isEmpty)
        #expect(RetrievalFixtures.ids(try await search.search("peto", limit: 5)) == [created.id])

        _ = try db.updateProduct(id: created.id, ProductChanges(active: false))
        #expect(try await search.search("peto", limit: 5).isEmpty)
        _ = try db.updateProduct(id: created.id, ProductChanges(active: true))
        #expect(RetrievalFixtures.ids(try await search.search("peto", limit: 5)) == [created.id])

        #expect(try db.deleteProduct(id: created.id) == .deleted)
        #expect(try await search.search("peto", limit: 5).isEmpty)

        let csv =
            "id,nombre,descripcion,precio,stock,activo,categoria\n500,Peto soldador,Peto de cuero,30000,4,1,General\n"
        _ = try db.importCatalog(csv: Data(csv.utf8), mode: .merge)
        #expect(RetrievalFixtures.ids(try await search.search("peto", limit: 5)) == [500])
        let replaced =
            "id,nombre,descripcion,precio,stock,activo,categoria\n501,Careta soldador,Careta,30000,4,1,General\n"
        _ = try db.importCatalog(csv: Data(replaced.utf8), mode: .replace)
        #expect(try await search.search("peto", limit: 5).isEmpty)
        #expect(RetrievalFixtures.ids(try await search.search("careta", limit: 5)) == [501])
    }

    @Test func existingProductsAreIndexedByTheMigration() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let active = try db.listProducts(ProductFilter(active: true), limit: 500).total
        let indexed = try db.searchVocabulary().productCount
        #expect(indexed == active)
        // Inactive demo products (ids 1–9) are never offered.
        let search = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
        let hits = try await search.search("extintor", limit: 20)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.product.active && $0.product.id >= 18 })
    }

    @Test(arguments: [
        ("guantes de vaqueta", 35),
        ("Guantes Vaqueta", 35),
        ("¿Tienen 3 pares de guantes de nitrilo, por favor?", 34),
        ("cuánto cuesta el casco dieléctrico", 26),
        ("camara de vigilancia", 92),
        ("SEÑAL DE SALIDA", 23),
        ("senal salida", 23),
        ("extintores de 6 kilos", 18),
        ("extintor 6kg", 18),
        ("un extintor de CO2", 19),
        ("overoles ignífugos", 42),
        ("estintor de co2", 19),
        ("gantes de vaketa", 35),
        ("mascarilla n95", 30),
        ("tapa bocas N95", 30),
        ("un mameluco antifluido", 41),
        ("extinguidor de dioxido de carbono", 19),
        ("kit de primeros auxilios", 54),
        ("cuerda de 20 metros", 103),
        ("luces estroboscópicas", 94),
        // Needs, verbs and compounds: the customer describes the use, not the product.
        ("algo para cubrir la boca y la nariz", 30),
        ("para lavarse los ojos si les cae un químico", 56),
        ("braga para soldar", 42),
        ("protección para la cabeza", 25),
        ("algo para apagar un incendio", 18),
    ])
    func findsTheProduct(query: String, expected: Int64) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
        let hits = try await search.search(query, limit: 3)
        #expect(RetrievalFixtures.ids(hits).contains(expected), "\(query) → \(hits.map(\.product.name))")
    }

    @Test(arguments: [
        "¿venden celulares?", "pizza hawaiana", "hola, buenas tardes", "zapatos de tacón", "", "¿?",
        "venden computadores portátiles", "llantas para carro",
    ])
    func offersNothingUnrelated(query: String) async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
        let hits = try await search.search(query, limit: 5)
        #expect(hits.isEmpty, "\(query) → \(hits.map(\.product.name))")
    }

    @Test func understandsAShoppersMessage() async throws {
        let lexicon = try RetrievalFixtures.lexicon()
        let vocabulary = SearchVocabulary(
            terms: [("guantes", 3), ("nitrilo", 1), ("extintor", 5), ("6kg", 1), ("vaqueta", 1), ("overol", 2)],
            productCount: 10, extraWords: lexicon.words)
        let understanding = QueryUnderstanding(lexicon: lexicon)

        let order = understanding.understand(
            "Hola! quiero 3 pares de Guantes de NITRILO por favor", vocabulary: vocabulary)
        #expect(order.concepts.map(\.text) == ["guante", "nitrilo"])
        #expect(order.contentText == "guante nitrilo")

        let measure = understanding.understand("¿a cómo están los extintores de 6 kilos?", vocabulary: vocabulary)
        #expect(measure.concepts.map(\.text) == ["extintor", "6kg"])
        #expect(measure.concepts.last?.kind == .measure)
        #expect(measure.concepts.last?.phrases.contains(SearchPhrase(["6kg"])) == true)

        let typo = understanding.understand("guantes de vaketa", vocabulary: vocabulary)
        #expect(typo.concepts.last?.corrected == true)
        #expect(typo.concepts.last?.phrases.contains(SearchPhrase(["vaqueta"])) == true)
        // A spelling that keeps the sound leaves no doubt about the word (the hybrid search
        // then does not ask the vectors to confirm it); a slip that changes it does.
        #expect(typo.concepts.last?.soundsAsWritten == true)
        let sound = understanding.understand("gavinete", vocabulary: vocabulary)
        #expect(sound.concepts.first?.corrected == true && !sound.namesOnlyCorrected, "\(sound.concepts)")
        let slip = understanding.understand("gabimete", vocabulary: vocabulary)
        #expect(slip.concepts.first?.corrected == true && slip.namesOnlyCorrected, "\(slip.concepts)")

        let synonym = understanding.understand("mameluco", vocabulary: vocabulary)
        #expect(synonym.concepts.first?.phrases.contains(SearchPhrase(["overol"])) == true)

        let regional = understanding.understand("extinguidores", vocabulary: vocabulary)
        #expect(regional.concepts.first?.phrases.contains(SearchPhrase(["extintor"])) == true)
    }

    @Test func spanishWordForms() {
        #expect(SpanishWords.singular("guantes") == "guante")
        #expect(SpanishWords.singular("luces") == "luz")
        #expect(SpanishWords.singular("overoles") == "overol")
        #expect(SpanishWords.singular("extintores") == "extintor")
        #expect(SpanishWords.singular("botas") == "bota")
        #expect(SpanishWords.singular("gas") == "gas")
        // A stressed "-és" singular and its plural: both read as "arnes" (not "arn").
        #expect(SpanishWords.singular("arnes") == "arnes")
        #expect(SpanishWords.singular("arneses") == "arnes")
        #expect(SpanishWords.singular("interes") == "interes")
        // After two consonants the singular ends in "-e": only the "s" goes.
        #expect(SpanishWords.singular("cables") == "cable")
        #expect(SpanishWords.singular("sobres") == "sobre")
        #expect(SpanishWords.singular("colores") == "color")
        // Borrowed words: a bare "s" after a consonant ("kits", "hard hats"); short
        // abbreviations stay as they are.
        #expect(SpanishWords.singular("kits") == "kit")
        #expect(SpanishWords.singular("hats") == "hat")
        #expect(SpanishWords.singular("pqs") == "pqs")
        #expect(SpanishWords.phoneticKey("vaketa") == SpanishWords.phoneticKey("vaqueta"))
        #expect(SpanishWords.phoneticKey("estintor") == SpanishWords.phoneticKey("extintor"))
        #expect(SpanishWords.phoneticKey("guante") != SpanishWords.phoneticKey("gante"))
        #expect(SpanishWords.distance("gantes", "guantes") == 1)
        #expect(SpanishWords.distance("cacso", "casco") == 1)
        #expect(SpanishWords.distance("abc", "xyz", limit: 1) == 2)
        #expect(SpanishWords.tokens("Señal 6kg, Cámara-domo") == ["senal", "6kg", "camara", "domo"])
    }
}
