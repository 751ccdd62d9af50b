import Foundation
import Testing

@testable import Shop

/// What every chat turn reads of the catalog (product names, the search vocabulary) is kept
/// per catalog version and read again only when some process changed the catalog's text;
/// orders (stock) leave it alone. On both engines.
@Suite("Storage: catalog reads kept per catalog version")
struct CatalogVersionTests {
    /// The engine's version counter and the caches it keeps.
    struct Kept {
        var version: () async throws -> Int64
        var names: CatalogReadCache<[String]>
        var vocabulary: CatalogReadCache<SearchVocabularyCounts>

        init(_ store: any ShopStore) throws {
            if let postgres = store as? PostgresStore {
                version = { try await postgres.catalogVersion() }
                names = postgres.catalogNames
                vocabulary = postgres.catalogVocabulary
            } else {
                let database = try #require((store as? SQLiteStore)?.database)
                version = { try database.pool.read { try AppDatabase.catalogVersion($0) } }
                names = database.catalogNames
                vocabulary = database.catalogVocabulary
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func catalogReadsAreKeptUntilAnyProcessChangesTheCatalog(_ engine: TestEngine) async throws {
        try await TestStore.withProducts(engine) { test in
            let store = test.store
            let kept = try Kept(store)
            // Another process on the same database.
            let other = try await StorageEngine.open(test.url)
            do {
                let start = try await kept.version()
                let names = try await store.productNames()
                let vocabulary = try await store.searchVocabulary()
                #expect(kept.names.value(at: start) == names)
                #expect(kept.vocabulary.value(at: start)?.productCount == vocabulary.productCount)

                // Orders change stock only: the version and what was kept stay.
                _ = try await other.placeOrder(Fixtures.order([(1, 1)]), idempotencyKey: "version-1")
                _ = try await other.changeOrderState(id: 1, to: .cancelled)
                #expect(try await kept.version() == start)
                #expect(try await store.productNames() == names)

                // A rename by the other process: the next read sees it.
                _ = try await other.updateProduct(id: 2, ProductChanges(name: "Guantes de nitrilo"))
                let renamed = try await kept.version()
                #expect(renamed > start)
                #expect(kept.names.value(at: renamed) == nil)
                #expect(try await store.productNames().contains("Guantes de nitrilo"))
                #expect(try await store.searchVocabulary().terms.map(\.term) != vocabulary.terms.map(\.term))
                #expect(kept.names.value(at: renamed)?.contains("Guantes de nitrilo") == true)

                // Created, deleted, deactivated, imported: each is a new version.
                let boots = try await other.createProduct(ProductInput(name: "Botas caña alta", price: 9, stock: 1))
                #expect(try await store.productNames().contains("Botas caña alta"))
                #expect(try await other.deleteProduct(id: boots.id) == .deleted)
                #expect(try await !store.productNames().contains("Botas caña alta"))
                let active = try await store.searchVocabulary().productCount
                _ = try await other.updateProduct(id: 3, ProductChanges(active: false))
                #expect(try await store.searchVocabulary().productCount == active - 1)
                let beforeImport = try await kept.version()
                _ = try await other.importCatalog(
                    csv: Data(
                        "id,nombre,descripcion,precio,stock,activo,categoria\n40,Arnés de cuerpo entero,Arnés,180000,3,1,Alturas\n"
                            .utf8), mode: .merge)
                #expect(try await kept.version() > beforeImport)
                #expect(try await store.productNames().contains("Arnés de cuerpo entero"))
            } catch {
                await other.close()
                throw error
            }
            await other.close()
        }
    }
}
