import Foundation
import Testing

@testable import Core

@Suite("Domain: catalog CSV")
struct StorageCatalogCSVTests {
    static let header = "id,nombre,descripcion,precio,stock,activo,categoria"

    static func demoCatalog() throws -> String {
        let here = URL(fileURLWithPath: #filePath)
        let file = here.deletingLastPathComponent().appendingPathComponent("../../../data/catalogo.csv")
        return try String(contentsOf: file.standardizedFileURL, encoding: .utf8)
    }

    @Test func readsTheWholeDemoCatalog() throws {
        let result = CatalogCSV.parse(try Self.demoCatalog())
        #expect(result.errores == [])
        #expect(result.rows.count == 106)
        let disco = try #require(result.rows.first { $0.producto.id == 88 })
        #expect(disco.producto.descripcion == "Disco corte 7\" para esmeril")
        #expect(disco.producto.precio == 4800)
        #expect(disco.fila == 81)
        let first = try #require(result.rows.first)
        #expect(
            first.producto
                == Producto(
                    id: 1, nombre: "Extintor PQS 10 libras",
                    descripcion: "Extintor de polvo químico seco de 10 libras", precio: 45000, stock: 0, activo: false,
                    categoria: "Contra Incendios"))
    }

    @Test func handlesCRLFBOMBlankLinesAndQuotedLineBreaks() {
        let text =
            "\u{FEFF}" + Self.header + "\r\n"
            + "1,Casco,\"Casco, blanco\",25000,4,si,Cabeza\r\n"
            + "\r\n"
            + ",,,,,,\r\n"
            + "2,Guantes,\"Dos líneas\ny \"\"comillas\"\"\",8000,10,No,Manos\r\n"
            + "3,Gafas,,8500,50,TRUE,\r\n"
        let result = CatalogCSV.parse(text)
        #expect(result.errores == [])
        #expect(result.rows.map(\.producto.id) == [1, 2, 3])
        #expect(result.rows.map(\.fila) == [2, 5, 7])
        #expect(result.rows[0].producto.descripcion == "Casco, blanco")
        #expect(result.rows[1].producto.descripcion == "Dos líneas\ny \"comillas\"")
        #expect(result.rows[1].producto.activo == false)
        #expect(result.rows[2].producto.categoria == "General")
        #expect(result.rows[2].producto.activo)
    }

    @Test func reportsRowErrorsAndKeepsGoodRows() {
        let text =
            Self.header + "\n"
            + "1,Casco,,25000,4,1,Cabeza\n"
            + "2,,sin nombre,-5,4,1,X\n"
            + "3,Gafas,,8.500,cinco,1,X\n"
            + "4,Botas,,92000,5,tal vez,X\n"
            + "5,Arnés,tiene, coma sin comillas,90000,3,1,X\n"
            + "6,Careta,,21000,18\n"
            + "1,Casco repetido,,1,1,1,X\n"
            + "x,Sin id,,1,1,1,X\n"
            + "7,Linterna,,$35.000,9,sí,Iluminación\n"
        let result = CatalogCSV.parse(text)
        #expect(result.rows.last?.producto.precio == 35000)
        let byLine = Dictionary(grouping: result.errores, by: \.fila)
        #expect(Set(byLine[3]?.map(\.campo) ?? []) == ["nombre", "precio"])
        #expect(byLine[3]?.first?.id == 2)
        #expect(byLine[4]?.map(\.campo) == ["stock"])
        #expect(byLine[5]?.map(\.campo) == ["activo"])
        #expect(byLine[6]?.first?.campo == nil)
        #expect(byLine[7]?.first?.mensaje.contains("columnas") == true)
        #expect(byLine[8]?.first?.mensaje == "El id 1 ya apareció en la fila 2.")
        #expect(byLine[9]?.map(\.campo) == ["id"])
        #expect(result.rows.map(\.producto.id) == [1, 7])
    }

    @Test func missingColumnsAndEmptyFilesAreReported() {
        let missing = CatalogCSV.parse("id,nombre,descripcion\n1,Casco,x\n")
        #expect(missing.rows.isEmpty)
        #expect(missing.errores.map(\.campo) == ["precio", "stock"])
        #expect(missing.errores.allSatisfy { $0.fila == 1 })
        #expect(CatalogCSV.parse("").errores.count == 1)
        #expect(CatalogCSV.parse("\u{FEFF}\r\n").errores.first?.fila == 1)
    }

    @Test func acceptsReorderedColumnsSemicolonsAndLatin1() throws {
        let reordered = CatalogCSV.parse("precio;stock;id;nombre\n45.000;3;9;Extintor\n")
        #expect(reordered.errores == [])
        #expect(reordered.rows.first?.producto == Producto(id: 9, nombre: "Extintor", precio: 45000, stock: 3))
        let latin1 = Data("id,nombre,precio,stock\n1,Protecci".utf8) + Data([0xF3]) + Data("n,10,1\n".utf8)
        #expect(CatalogCSV.parse(latin1).rows.first?.producto.nombre == "Protección")
    }

    @Test func unterminatedQuotesAreAnError() {
        let result = CatalogCSV.parse(Self.header + "\n1,Casco,\"sin cerrar,25000,4,1,X\n2,Gafas,,1,1,1,X\n")
        #expect(result.rows.isEmpty)
        #expect(result.errores.first?.fila == 2)
    }
}
