import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

@Suite("Exports over HTTP: 202 job, progress, signed download links")
struct ExportAPITests {
    /// Orders and a tricky product on the harness's database.
    static func seed(_ h: CommerceHarness) throws {
        for product in ExportFixtures.trickyProducts { _ = try h.database.createProduct(product) }
        _ = try h.database.placeOrder(Fixtures.order([(1, 2), (6, 1)]), idempotencyKey: "a")
        _ = try h.database.placeOrder(
            Fixtures.order([(2, 3), (7, 1)], client: ExportFixtures.otherClient, chatId: "web-7"), idempotencyKey: "b")
    }

    /// Posts an export, waits for the job and returns its result and final status.
    static func export(
        _ h: CommerceHarness, _ client: any TestClientProtocol, _ uri: String, body: String = ""
    ) async throws -> (ExportJob.Result, JobStatus) {
        var id = ""
        try await client.execute(uri: uri, method: .post, headers: h.json(.operator), body: ByteBuffer(string: body)) {
            response in
            #expect(response.status == .accepted, "\(String(buffer: response.body))")
            let accepted = try h.decode(CommerceHarness.Accepted.self, response)
            #expect(response.headers[.location] == "/jobs/\(accepted.jobId)")
            id = accepted.jobId
        }
        let status = try await h.finished(id)
        #expect(status.state == .completed, "\(status.error ?? "")")
        let result = try JobCoding.decode(ExportJob.Result.self, from: try #require(status.result))
        return (result, status)
    }

    @Test func csvExportRunsAsAJobAndDownloadsWithoutAToken() async throws {
        try await CommerceHarness.run { h, client in
            try Self.seed(h)
            let worker = try h.exportWorker()
            defer { Task { await worker.stop() } }
            let (result, status) = try await Self.export(h, client, "/exportar/pedidos", body: #"{"formato": "csv"}"#)
            let expected = try ExportFixtures.expected(.orders, h.database, text: ExportFixtures.guarded)
            #expect(result.rows == expected.count - 1)
            #expect(status.progress?.facts == result.rows)
            #expect(status.progress?.total == result.rows)
            #expect(result.url.hasPrefix("/exportar/descargas/"))
            let expires = try #require(ShopCalendar.timestamp(result.expires))
            #expect(abs(expires.timeIntervalSinceNow - 86_400) < 120)
            #expect(result.file.hasPrefix("pedidos-") && result.file.hasSuffix(".csv"))
            try await client.execute(uri: result.url, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(result.file)\"")
                let data = Data(buffer: response.body)
                #expect(data.count == result.bytes)
                #expect(
                    ExportFileTests.lineBreaksAsLF(ExportFixtures.csvRows(data))
                        == ExportFileTests.lineBreaksAsLF(expected))
            }
            await worker.stop()
        }
    }

    @Test func xlsxExportWithQueryParametersOpensInARealReader() async throws {
        try await CommerceHarness.run { h, client in
            try Self.seed(h)
            let worker = try h.exportWorker()
            defer { Task { await worker.stop() } }
            let (result, _) = try await Self.export(h, client, "/exportar/ventas?formato=xlsx&producto_id=2")
            let filters = ExportFilters(productId: 2)
            let expected = try ExportFixtures.expected(.sales, h.database, filters: filters)
            #expect(result.rows == 1)
            let file = TestPaths.temporaryDirectory("descarga").appendingPathComponent(result.file)
            try await client.execute(uri: result.url, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == ExportFormat.xlsx.contentType)
                try Data(buffer: response.body).write(to: file)
            }
            let book = try await XLSXReader.read(file.path)
            #expect(book.sheet == "Ventas")
            #expect(book.table == expected)
            // Options in the body (the same option in the URL with another value is a 422).
            let (semicolon, _) = try await Self.export(
                h, client, "/exportar/clientes",
                body: #"{"formato": "CSV", "separador": ";", "bom": true}"#)
            try await client.execute(uri: semicolon.url, method: .get) { response in
                let data = Data(buffer: response.body)
                #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
                #expect(String(decoding: data.dropFirst(3).prefix(14), as: UTF8.self) == "cedula;nombre;")
            }
            await worker.stop()
        }
    }

    @Test func alteredExpiredAndForeignLinksAreRefused() async throws {
        try await CommerceHarness.run { h, client in
            try Self.seed(h)
            let worker = try h.exportWorker()
            defer { Task { await worker.stop() } }
            let (result, _) = try await Self.export(h, client, "/exportar/productos")
            await worker.stop()
            let token = String(result.url.dropFirst("/exportar/descargas/".count))
            let links = DownloadLinkSigner(tokens: h.signer)
            let link = try links.verify(token)
            let parts = token.split(separator: ".").map(String.init)
            // A later expiry with the old signature.
            var longer = link
            longer.expires += 3600
            let forgedPayload = DownloadLinkSigner(secret: "otro-secreto-de-al-menos-16").sign(longer)
                .split(separator: ".")[0]
            let flipped = (parts[1].first == "A" ? "B" : "A") + parts[1].dropFirst()
            let refused = [
                parts[0] + "." + flipped,
                forgedPayload + "." + parts[1],
                DownloadLinkSigner(secret: "otro-secreto-de-al-menos-16").sign(link),
                h.signer.sign(subject: "x", role: .admin, lifetime: 60),
                "nada",
                token + "x",
            ]
            for bad in refused {
                try await client.execute(uri: "/exportar/descargas/\(bad)", method: .get) { response in
                    #expect(response.status == .forbidden, "\(bad)")
                    let detail = try h.error(response)
                    #expect(detail.code == "enlace_invalido")
                }
            }
            var expired = link
            expired.expires = Int(Date().timeIntervalSince1970) - 1
            try await client.execute(uri: "/exportar/descargas/\(links.sign(expired))", method: .get) { response in
                #expect(response.status == .gone)
                let detail = try h.error(response)
                #expect(detail.code == "enlace_vencido")
                #expect(detail.message.contains("venció"))
            }
            var missing = link
            missing.file = "e9999999999_no-existe.csv"
            try await client.execute(uri: "/exportar/descargas/\(links.sign(missing))", method: .get) { response in
                #expect(response.status == .gone)
                let detail = try h.error(response)
                #expect(detail.code == "archivo_no_disponible")
            }
            try await client.execute(uri: result.url, method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func badExportRequestsGetClearErrorsAndEnqueueNothing() async throws {
        try await CommerceHarness.run { h, client in
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/exportar/facturas", "", .notFound, "conversaciones"),
                ("/exportar/pedidos", #"{"formato": "pdf"}"#, .unprocessableContent, "csv o xlsx"),
                ("/exportar/pedidos?formato=ods", "", .unprocessableContent, "csv o xlsx"),
                ("/exportar/clientes", #"{"estado": "pendiente"}"#, .unprocessableContent, "no aplica"),
                ("/exportar/pedidos", #"{"desde": "marzo"}"#, .unprocessableContent, "AAAA-MM-DD"),
                (
                    "/exportar/pedidos", #"{"desde": "2025-03-02", "hasta": "2025-03-01"}"#, .unprocessableContent,
                    "posterior"
                ),
                ("/exportar/pedidos", #"{"estado": "perdido"}"#, .unprocessableContent, "estado"),
                ("/exportar/pedidos", #"{"producto_id": -3}"#, .unprocessableContent, "producto_id"),
                ("/exportar/pedidos", #"{"cedula": "12"}"#, .unprocessableContent, "cédula"),
                ("/exportar/ventas", #"{"estado": "cancelado"}"#, .unprocessableContent, "cancelados"),
                ("/exportar/pedidos", #"{"estdo": "pendiente"}"#, .unprocessableContent, "estdo"),
                ("/exportar/pedidos", #"{"separador": "|"}"#, .unprocessableContent, "separador"),
                ("/exportar/pedidos", "{", .badRequest, "JSON"),
                ("/exportar/pedidos", "[1]", .badRequest, "objeto"),
            ]
            for (uri, body, status, fragment) in cases {
                try await client.execute(
                    uri: uri, method: .post, headers: h.json(.operator), body: ByteBuffer(string: body)
                ) {
                    response in
                    #expect(response.status == status, "\(uri) \(body)")
                    let detail = try h.error(response)
                    #expect(detail.message.contains(fragment), "\(uri) \(body): \(detail.message)")
                }
            }
            try await client.execute(uri: "/exportar/pedidos", method: .post) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/exportar/pedidos", method: .post, headers: h.bearer(.channel)) {
                #expect($0.status == .forbidden)
            }
            #expect(try await h.fixture.stats("exportar").pendingCount == 0)
        }
    }
}
