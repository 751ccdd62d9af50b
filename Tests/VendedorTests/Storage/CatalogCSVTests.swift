import Foundation
import Testing

@testable import Shop

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
        #expect(result.errors == [])
        #expect(result.rows.count == 106)
        let disk = try #require(result.rows.first { $0.product.id == 88 })
        #expect(disk.product.description == "Disco corte 7\" para esmeril")
        #expect(disk.product.price == 4800)
        #expect(disk.row == 81)
        let first = try #require(result.rows.first)
        #expect(
            first.product
                == Product(
                    id: 1, name: "Extintor PQS 10 libras",
                    description: "Extintor de polvo químico seco de 10 libras", price: 45000, stock: 0, active: false,
                    category: "Contra Incendios"))
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
        #expect(result.errors == [])
        #expect(result.rows.map(\.product.id) == [1, 2, 3])
        #expect(result.rows.map(\.row) == [2, 5, 7])
        #expect(result.rows[0].product.description == "Casco, blanco")
        #expect(result.rows[1].product.description == "Dos líneas\ny \"comillas\"")
        #expect(result.rows[1].product.active == false)
        #expect(result.rows[2].product.category == "General")
        #expect(result.rows[2].product.active)
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
        #expect(result.rows.last?.product.price == 35000)
        let byLine = Dictionary(grouping: result.errors, by: \.row)
        #expect(Set(byLine[3]?.map(\.field) ?? []) == ["nombre", "precio"])
        #expect(byLine[3]?.first?.id == 2)
        #expect(byLine[4]?.map(\.field) == ["stock"])
        #expect(byLine[5]?.map(\.field) == ["activo"])
        #expect(byLine[6]?.first?.field == nil)
        #expect(byLine[7]?.first?.message.contains("columnas") == true)
        #expect(byLine[8]?.first?.message == "El id 1 ya apareció en la fila 2.")
        #expect(byLine[9]?.map(\.field) == ["id"])
        #expect(result.rows.map(\.product.id) == [1, 7])
    }

    @Test func missingColumnsAndEmptyFilesAreReported() {
        let missing = CatalogCSV.parse("id,nombre,descripcion\n1,Casco,x\n")
        #expect(missing.rows.isEmpty)
        #expect(missing.errors.map(\.field) == ["precio", "stock"])
        #expect(missing.errors.allSatisfy { $0.row == 1 })
        #expect(CatalogCSV.parse("").errors.count == 1)
        #expect(CatalogCSV.parse("\u{FEFF}\r\n").errors.first?.row == 1)
    }

    @Test func acceptsReorderedColumnsSemicolonsAndLatin1() throws {
        let reordered = CatalogCSV.parse("precio;stock;id;nombre\n45.000;3;9;Extintor\n")
        #expect(reordered.errors == [])
        #expect(reordered.rows.first?.product == Product(id: 9, name: "Extintor", price: 45000, stock: 3))
        let latin1 = Data("id,nombre,precio,stock\n1,Protecci".utf8) + Data([0xF3]) + Data("n,10,1\n".utf8)
        #expect(CatalogCSV.parse(latin1).rows.first?.product.name == "Protección")
    }

    @Test func unterminatedQuotesAreAnError() {
        let result = CatalogCSV.parse(Self.header + "\n1,Casco,\"sin cerrar,25000,4,1,X\n2,Gafas,,1,1,1,X\n")
        #expect(result.rows.isEmpty)
        #expect(result.errors.first?.row == 2)
    }
}
