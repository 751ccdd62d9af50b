import Foundation
import Testing

@testable import Core

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
        #expect(result.creados == 1)
        #expect(result.actualizados == 1)
        #expect(result.sinCambios == 1)
        #expect(result.desactivados == 0)
        #expect(result.errores.map(\.fila) == [4, 6])
        #expect(result.errores.map(\.campo) == ["precio", "nombre"])
        #expect(try db.product(id: 2)?.precio == 16500)
        #expect(try db.product(id: 3)?.precio == 109000)
        #expect(try db.product(id: 20)?.categoria == "Señalización")
        #expect(try db.product(id: 21) == nil)
        #expect(try db.listProducts().total == 6)

        let again = try db.importCatalog(csv: Data(csv.utf8), mode: .merge)
        #expect(again.creados == 0)
        #expect(again.actualizados == 0)
        #expect(again.sinCambios == 3)
    }

    @Test func replaceModeDeactivatesMissingProductsButNotMistypedOnes() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        let csv =
            Self.header
            + "1,Extintor PQS 10 libras,,45000,10,1,Contra Incendios\n"
            + "3,Cámara vigilancia,,precio-malo,7,1,General\n"
        let result = try db.importCatalog(csv: Data(csv.utf8), mode: .replace)
        #expect(result.desactivados == 2)  // 2 and 4; 3 had a bad row, 5 was already inactive
        #expect(result.errores.count == 1)
        let activos = try db.listProducts(ProductoFiltro(activo: true)).resultados.map(\.id)
        #expect(activos == [1, 3])
        #expect(try db.product(id: 2)?.activo == false)
        #expect(try db.product(id: 4)?.activo == false)

        let merge = try db.importCatalog(csv: Data((Self.header + "9,Nuevo,,1,1,1,X\n").utf8), mode: .merge)
        #expect(merge.desactivados == 0)
        #expect(try db.listProducts(ProductoFiltro(activo: true)).total == 3)
    }

    @Test func replaceWithNoValidRowsChangesNothing() throws {
        let tmp = try TemporaryDirectory()
        let db = try Fixtures.databaseWithProducts(in: tmp)
        #expect(throws: ValidationErrors.self) {
            try db.importCatalog(csv: Data("nombre,precio\nx,1\n".utf8), mode: .replace)
        }
        #expect(try db.listProducts(ProductoFiltro(activo: true)).total == 4)
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
        #expect(seeded.productos == 106)
        #expect(seeded.contexto)
        #expect(seeded.errores.isEmpty)
        #expect(try db.product(id: 88)?.descripcion == "Disco corte 7\" para esmeril")
        #expect(try db.activeCompanyContext()?.contenido == "Sextinvalle Ltda, Cali.")

        _ = try db.updateProduct(id: 18, ProductoCambios(stock: 1))
        let second = try db.seedIfEmpty(catalogCSV: catalog, companyText: "otro texto")
        #expect(second.productos == 0)
        #expect(second.contexto == false)
        #expect(try db.product(id: 18)?.stock == 1)
        #expect(try db.activeCompanyContext()?.version == 1)
    }
}
