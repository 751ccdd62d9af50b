import Foundation
import Testing

@testable import FrontEnd
@testable import Pipeline
@testable import Shop

@Suite("Exports: every resource to CSV and XLSX, read back and compared with the database")
struct ExportFileTests {
    /// CR LF and lone CR inside a quoted CSV field come back as LF from the reader.
    static func lineBreaksAsLF(_ table: [[String]]) -> [[String]] {
        table.map {
            $0.map { $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        }
    }

    static func export(_ job: ExportJob, _ db: AppDatabase, in directory: TemporaryDirectory) throws -> (
        String, Exporter.Outcome
    ) {
        let path = directory.url.appendingPathComponent("\(job.resource.rawValue).\(job.format.rawValue)").path
        let outcome = try Exporter.run(job, database: db, to: path)
        #expect(!FileManager.default.fileExists(atPath: path + ".part"))
        return (path, outcome)
    }

    @Test(arguments: ExportResource.allCases)
    func csvMatchesTheDatabase(_ resource: ExportResource) throws {
        let tmp = try TemporaryDirectory()
        let db = try ExportFixtures.shop(in: tmp)
        let (path, outcome) = try Self.export(ExportJob(resource: resource), db, in: tmp)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let expected = try ExportFixtures.expected(resource, db, text: ExportFixtures.guarded)
        #expect(expected.count > 1, "la prueba necesita filas de \(resource.rawValue)")
        #expect(Self.lineBreaksAsLF(ExportFixtures.csvRows(data)) == Self.lineBreaksAsLF(expected))
        #expect(outcome.rows == expected.count - 1)
        #expect(outcome.bytes == data.count)
        #expect(data.prefix(3) != Data([0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: data, as: UTF8.self).hasSuffix("\r\n"))
    }

    @Test(arguments: ExportResource.allCases)
    func xlsxOpensInARealReaderAndMatchesTheDatabase(_ resource: ExportResource) async throws {
        let tmp = try TemporaryDirectory()
        let db = try ExportFixtures.shop(in: tmp)
        let (path, outcome) = try Self.export(ExportJob(resource: resource, format: .xlsx), db, in: tmp)
        let book = try await XLSXReader.read(path)
        let expected = try ExportFixtures.expected(resource, db)
        #expect(book.reader == (XLSXReader.venvPython == nil ? "zipfile" : "openpyxl"))
        #expect(book.sheet == resource.sheetName)
        // Python's own zipfile + XML parser reads the same workbook (CRCs, parts, relationships).
        let plain = try await XLSXReader.read(path, python: "/usr/bin/python3")
        #expect(plain.reader == "zipfile")
        #expect(plain.table == book.table)
        #expect(plain.rows.map { $0.map(\.qp) } == book.rows.map { $0.map(\.qp) })
        #expect(book.table == expected.map { row in Array(row.reversed().drop { $0.isEmpty }.reversed()) })
        #expect(outcome.rows == expected.count - 1)
        // Typed cells: ids and amounts are numbers, times are dates, the rest text.
        let columns = try ExportQuery.make(resource, ExportFilters()).columns
        for row in book.rows.dropFirst() {
            for (cell, column) in zip(row, columns) where cell.k != "e" {
                let kind =
                    switch column.kind {
                    case .integer: "n"
                    case .timestamp: "d"
                    case .text, .flag: "s"
                    }
                #expect(cell.k == kind, "\(column.name): \(cell)")
                let risky = cell.k == "s" && "=+-@".contains(cell.text.first ?? " ")
                #expect(cell.qp == risky, "\(column.name): \(cell)")
            }
        }
    }

    @Test func formulasAreNeutralisedAndNumbersStayNumbers() async throws {
        let tmp = try TemporaryDirectory()
        let db = try ExportFixtures.shop(in: tmp)
        let (csvPath, _) = try Self.export(ExportJob(resource: .products), db, in: tmp)
        let rows = ExportFixtures.csvRows(try Data(contentsOf: URL(fileURLWithPath: csvPath)))
        let names = rows.map { $0[1] }
        #expect(names.contains(#"'=HYPERLINK("http://malo.example","clic")"#))
        #expect(names.contains("'-Promo guantes"))
        #expect(names.contains("'+57 Señal"))
        #expect(rows.map { $0[2] }.contains(#"'@usuario dice "hola""#))
        #expect(!names.contains { $0.hasPrefix("=") || $0.hasPrefix("-") || $0.hasPrefix("+") })
        let (xlsxPath, _) = try Self.export(ExportJob(resource: .products, format: .xlsx), db, in: tmp)
        let book = try await XLSXReader.read(xlsxPath)
        let formula = try #require(book.rows.first { $0[0].text == "6" })
        #expect(formula[1].k == "s")
        #expect(formula[1].qp)
        #expect(formula[1].text == #"=HYPERLINK("http://malo.example","clic")"#)

        // A negative amount in a numeric column is a number, not guarded text.
        let out = try FileByteWriter(path: tmp.url.appendingPathComponent("numeros.csv").path)
        let sink = CSVTableSink(out: out)
        sink.beginRow()
        sink.integer(-1500)
        sink.integer(0)
        sink.integer(Int64.min)
        "-1500".utf8CString.withUnsafeBufferPointer { text in
            text.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: 5) { sink.text($0, 5) }
        }
        sink.endRow()
        try out.close()
        let written = try String(contentsOf: tmp.url.appendingPathComponent("numeros.csv"), encoding: .utf8)
        #expect(written == "-1500,0,-9223372036854775808,'-1500\r\n")
    }

    @Test func semicolonAndBOMForExcelInSpanish() throws {
        let tmp = try TemporaryDirectory()
        let db = try ExportFixtures.shop(in: tmp)
        let (path, _) = try Self.export(ExportJob(resource: .orders, separator: ";", bom: true), db, in: tmp)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: data.dropFirst(3).prefix(20), as: UTF8.self).hasPrefix("pedido_id;fecha;"))
        let expected = try ExportFixtures.expected(.orders, db, text: ExportFixtures.guarded)
        #expect(Self.lineBreaksAsLF(ExportFixtures.csvRows(data, delimiter: ";")) == Self.lineBreaksAsLF(expected))
    }

    @Test func filtersSelectTheSameRowsAsTheDomainQueries() throws {
        let tmp = try TemporaryDirectory()
        let db = try ExportFixtures.shop(in: tmp)
        let cases: [(ExportResource, ExportFilters)] = [
            (.orders, ExportFilters(state: .cancelled)),
            (.orders, ExportFilters(productId: 7)),
            (.orders, ExportFilters(since: "2025-03-01", until: "2025-03-01")),
            (.sales, ExportFilters(idNumber: "79555123")),
            (.sales, ExportFilters(productId: 2)),
            (.sales, ExportFilters(since: "2025-03-02")),
            (.clients, ExportFilters(idNumber: "1107654321")),
            (.products, ExportFilters(productId: 6)),
            (.conversations, ExportFilters(idNumber: "79555123")),
        ]
        for (resource, filters) in cases {
            let (path, outcome) = try Self.export(ExportJob(resource: resource, filters: filters), db, in: tmp)
            let expected = try ExportFixtures.expected(resource, db, filters: filters, text: ExportFixtures.guarded)
            let got = ExportFixtures.csvRows(try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(Self.lineBreaksAsLF(got) == Self.lineBreaksAsLF(expected), "\(resource) \(filters)")
            #expect(outcome.rows == expected.count - 1)
            #expect(outcome.rows > 0, "\(resource) \(filters) debería tener filas")
        }
        let (path, outcome) = try Self.export(
            ExportJob(resource: .sales, filters: ExportFilters(since: "2030-01-01")), db, in: tmp)
        #expect(outcome.rows == 0)
        #expect(ExportFixtures.csvRows(try Data(contentsOf: URL(fileURLWithPath: path))).count == 1)
    }

    @Test func twoThreadExportsWriteTheSameBytesAsOne() throws {
        let tmp = try TemporaryDirectory()
        let db = try ExportFixtures.shop(in: tmp)
        let jobs = [
            ExportJob(resource: .sales), ExportJob(resource: .orders, separator: ";", bom: true),
            ExportJob(resource: .sales, filters: ExportFilters(productId: 7)),
            ExportJob(resource: .orders, filters: ExportFilters(state: .cancelled)),
        ]
        #expect(try ExportQuery.make(.sales, ExportFilters()).halves(db, minimumSpan: 1) != nil)
        #expect(try ExportQuery.make(.clients, ExportFilters()).halves(db, minimumSpan: 1) == nil)
        for (index, job) in jobs.enumerated() {
            let single = tmp.url.appendingPathComponent("uno-\(index).csv").path
            let halves = tmp.url.appendingPathComponent("dos-\(index).csv").path
            let one = try Exporter.run(job, database: db, to: single, splitSpan: .max)
            let two = try Exporter.run(job, database: db, to: halves, splitSpan: 1)
            #expect(one == two)
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: single)) == Data(contentsOf: URL(fileURLWithPath: halves)))
            #expect(!FileManager.default.fileExists(atPath: halves + ".part.2"))
        }
    }

    @Test func timesAreShopTimeAndSpreadsheetSerials() throws {
        let tmp = try TemporaryDirectory()
        let out = try FileByteWriter(path: tmp.url.appendingPathComponent("t.txt").path)
        for stored in ["2025-03-01 15:04:05.000", "2025-03-01T03:00:00.250", "2024-02-29 04:59:59"] {
            let time = try #require(
                stored.utf8CString.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: stored.utf8.count) {
                        ShopTime.parse($0, stored.utf8.count)
                    }
                })
            time.write(to: out)
            out.byte(32)
            time.writeSerial(to: out)
            out.byte(10)
        }
        #expect(ShopTime.parse("ayer", 4) == nil)
        try out.close()
        let text = try String(contentsOf: tmp.url.appendingPathComponent("t.txt"), encoding: .utf8)
        #expect(
            text == """
                2025-03-01 10:04:05 45717.4195023148
                2025-02-28 22:00:00 45716.9166666667
                2024-02-28 23:59:59 45350.9999884259

                """)
    }

    @Test func tooManyRowsForASpreadsheetFailsWithAClearMessage() {
        let error = ExportError.tooManyRows(2_000_000, XLSXSheetSink.maxDataRows)
        #expect(error.message.contains("2.000.000"))
        #expect(error.message.contains("csv"))
    }
}
