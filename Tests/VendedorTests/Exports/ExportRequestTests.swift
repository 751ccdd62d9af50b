import Foundation
import Testing

@testable import Pipeline
@testable import Shop
@testable import Support

@Suite("Exports: request validation, signed links, file sweep")
struct ExportRequestTests {
    @Test func anEmptyRequestIsEverythingAsCSV() throws {
        for resource in ExportResource.allCases {
            #expect(try ExportRequest.job(resource, fields: [:]) == ExportJob(resource: resource))
        }
    }

    @Test func fieldsAreNormalized() throws {
        let job = try ExportRequest.job(
            .orders,
            fields: [
                "formato": "XLSX", "cedula": "1.107.654.321", "producto_id": "3", "estado": "Enviado",
                "desde": " 2025-03-01 ", "hasta": "2025-03-31", "separador": ";", "bom": "sí", "otro": .null,
            ])
        #expect(job.format == .xlsx)
        #expect(
            job.filters
                == ExportFilters(
                    since: "2025-03-01", until: "2025-03-31", idNumber: "1107654321", productId: 3, state: .sent))
        #expect(job.separator == ";")
        #expect(job.bom)
        #expect(
            try ExportRequest.job(.clients, fields: ["cedula": .integer(79_555_123)]).filters.idNumber == "79555123")
        #expect(try ExportRequest.job(.sales, fields: ["producto_id": 2, "bom": false]).filters.productId == 2)
    }

    @Test func everyWrongFieldIsNamed() {
        do {
            _ = try ExportRequest.job(
                .clients,
                fields: ["formato": "pdf", "estado": "pendiente", "desde": "ayer", "nuevo": 1, "bom": "tal vez"])
            Issue.record("debió fallar")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["formato", "estado", "desde", "nuevo", "bom"])
        }
        #expect(throws: ValidationErrors.self) { try ExportRequest.job(.products, fields: ["desde": "2025-03-01"]) }
        #expect(throws: ValidationErrors.self) { try ExportRequest.job(.sales, fields: ["estado": "cancelado"]) }
        #expect(throws: ValidationErrors.self) { try ExportRequest.job(.orders, fields: ["producto_id": 0]) }
        #expect(throws: ValidationErrors.self) { try ExportRequest.job(.orders, fields: ["cedula": true]) }
        // A payload that skipped the front end is checked again by the query builder.
        #expect(throws: ValidationErrors.self) { try ExportQuery.make(.products, ExportFilters(state: .pending)) }
    }

    @Test func linksVerifyOnlyUnalteredAndUnexpired() throws {
        let signer = DownloadLinkSigner(secret: "secreto-de-pruebas-0123456789")
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let link = DownloadLink(
            file: "e1700003600_abc.csv", name: "ventas-2023-11-14-1713.csv", expires: 1_700_003_600)
        let token = signer.sign(link)
        #expect(try signer.verify(token, now: now) == link)
        #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
        #expect(throws: DownloadLinkSigner.Failure.expired(link)) {
            try signer.verify(token, now: now.addingTimeInterval(3600))
        }
        let other = DownloadLinkSigner(secret: "otro-secreto-0123456789")
        #expect(throws: DownloadLinkSigner.Failure.badSignature) { try other.verify(token, now: now) }
        var later = link
        later.expires += 86_400
        let swapped = other.sign(later).split(separator: ".")[0] + "." + token.split(separator: ".")[1]
        #expect(throws: DownloadLinkSigner.Failure.badSignature) { try signer.verify(String(swapped), now: now) }
        #expect(throws: DownloadLinkSigner.Failure.malformed) { try signer.verify("a.b.c", now: now) }
        // A bearer token of the same secret is not a link.
        let bearer = TokenSigner(secret: "secreto-de-pruebas-0123456789").sign(subject: "x", role: .admin, lifetime: 60)
        #expect(throws: (any Error).self) { try signer.verify(bearer, now: now) }
        #expect(
            try DownloadLinkSigner(tokens: TokenSigner(secret: "secreto-de-pruebas-0123456789")).verify(token, now: now)
                == link)
    }

    @Test func theSweepRemovesExpiredAndAbandonedFilesOnly() throws {
        let tmp = try TemporaryDirectory()
        let files = ExportFiles(directory: tmp.url.path)
        let now = Date()
        let second = Int(now.timeIntervalSince1970)
        let names = [
            "e\(second - 1)_viejo.csv", "e\(second)_justo.xlsx", "e\(second + 60)_vigente.csv",
            "e\(second - 86_400)_x.csv.part", "e\(second + 60)_y.xlsx.hoja.part", "otro.txt",
        ]
        for name in names { _ = FileManager.default.createFile(atPath: files.path(of: name), contents: Data("x".utf8)) }
        try FileManager.default.setAttributes(
            [.modificationDate: now.addingTimeInterval(-2 * 86_400)], ofItemAtPath: files.path(of: names[3]))
        #expect(files.sweep(now: now) == 3)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path))
        #expect(left == [names[2], names[4], "otro.txt"])
        files.removeFiles(ofJob: "y")
        #expect(!FileManager.default.fileExists(atPath: files.path(of: names[4])))
        #expect(FileManager.default.fileExists(atPath: files.path(of: names[2])))
        #expect(ExportFiles.expiry(ofFileName: "e1800000001_vigente.csv") == 1_800_000_001)
        #expect(
            ExportFiles.downloadName(.sales, .xlsx, at: Date(timeIntervalSince1970: 1_740_841_445))
                == "ventas-2025-03-01-1004.xlsx")
    }

    @Test func configurationComesFromTheEnvironment() throws {
        let config = try ExportConfig(
            environment: Environment(["EXPORTS_DIR": "/srv/exports", "EXPORTS_LINK_TTL": "3600"]))
        #expect(config == ExportConfig(directory: "/srv/exports", linkLifetime: 3600))
        #expect(try ExportConfig(environment: Environment([:])) == ExportConfig())
        #expect(throws: ConfigError.self) { try ExportConfig(environment: Environment(["EXPORTS_LINK_TTL": "10"])) }
        #expect(throws: ConfigError.self) { try ExportConfig(environment: Environment(["EXPORTS_LINK_TTL": "un día"])) }
    }
}
