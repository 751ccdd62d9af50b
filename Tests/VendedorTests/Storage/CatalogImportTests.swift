import Foundation
import Testing

@testable import Shop

@Suite("Storage: catalog import and seeding")
struct StorageCatalogImportTests {
    static let header = "id,nombre,descripcion,precio,stock,activo,categoria\n"

    @Test func importWithBadRowsReportsThemAndImportsTheGoodOnes() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let csv =
            Self.header
            + "1,Extintor PQS 10 libras,,45000,10,1,Contra Incendios\n"  // unchanged
            + "2,Guantes vaqueta,Guantes de cuero,16500,23,1,General\n"  // price change
            + "3,Cámara vigilancia,,abc,7,1,General\n"  // bad price
            + "20,Señal Extintor,Señal de ubicación,9500,32,1,Señalización\n"  // new
            + "21,,sin nombre,1000,1,1,General\n"  // bad name
        let result = try db.importCatalog(csv: Data(csv.utf8), mode: .merge)
        #expect(result.createdCount == 1)
        #expect(result.updatedCount == 1)
        #expect(result.unchanged == 1)
        #expect(result.deactivatedCount == 0)
        #expect(result.errors.map(\.row) == [4, 6])
        #expect(result.errors.map(\.field) == ["precio", "nombre"])
        #expect(try db.product(id: 2)?.price == 16500)
        #expect(try db.product(id: 3)?.price == 109000)
        #expect(try db.product(id: 20)?.category == "Señalización")
        #expect(try db.product(id: 21) == nil)
        #expect(try db.listProducts().total == 6)

        let again = try db.importCatalog(csv: Data(csv.utf8), mode: .merge)
        #expect(again.createdCount == 0)
        #expect(again.updatedCount == 0)
        #expect(again.unchanged == 3)
    }

    @Test func replaceModeDeactivatesMissingProductsButNotMistypedOnes() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let csv =
            Self.header
            + "1,Extintor PQS 10 libras,,45000,10,1,Contra Incendios\n"
            + "3,Cámara vigilancia,,precio-malo,7,1,General\n"
        let result = try db.importCatalog(csv: Data(csv.utf8), mode: .replace)
        #expect(result.deactivatedCount == 2)  // 2 and 4; 3 had a bad row, 5 was already inactive
        #expect(result.errors.count == 1)
        let activeOnes = try db.listProducts(ProductFilter(active: true)).results.map(\.id)
        #expect(activeOnes == [1, 3])
        #expect(try db.product(id: 2)?.active == false)
        #expect(try db.product(id: 4)?.active == false)

        let merge = try db.importCatalog(csv: Data((Self.header + "9,Nuevo,,1,1,1,X\n").utf8), mode: .merge)
        #expect(merge.deactivatedCount == 0)
        #expect(try db.listProducts(ProductFilter(active: true)).total == 3)
    }

    @Test func replaceWithNoValidRowsChangesNothing() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        #expect(throws: ValidationErrors.self) {
            try db.importCatalog(csv: Data("nombre,precio\nx,1\n".utf8), mode: .replace)
        }
        #expect(try db.listProducts(ProductFilter(active: true)).total == 4)
    }

    @Test func modeParameterParses() throws {
        #expect(try ImportMode(parsing: "reemplazar") == .replace)
        #expect(try ImportMode(parsing: nil) == .merge)
        #expect(throws: ValidationError.self) { try ImportMode(parsing: "borrar") }
    }

    @Test func seedLoadsTheDemoCatalogAndCompanyTextOnce() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        let catalog = try StorageCatalogCSVTests.demoCatalog()
        let seeded = try db.seedIfEmpty(catalogCSV: catalog, companyText: "Sextinvalle Ltda, Cali.")
        #expect(seeded.products == 106)
        #expect(seeded.companyText)
        #expect(seeded.errors.isEmpty)
        #expect(try db.product(id: 88)?.description == "Disco corte 7\" para esmeril")
        #expect(try db.activeCompanyContext()?.content == "Sextinvalle Ltda, Cali.")

        _ = try db.updateProduct(id: 18, ProductChanges(stock: 1))
        let second = try db.seedIfEmpty(catalogCSV: catalog, companyText: "otro texto")
        #expect(second.products == 0)
        #expect(second.companyText == false)
        #expect(try db.product(id: 18)?.stock == 1)
        #expect(try db.activeCompanyContext()?.version == 1)
    }
}
