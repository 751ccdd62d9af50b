import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop

@Suite("Commerce API: productos, importar, clientes, pedidos, ventas, contexto, estadísticas")
struct CommerceAPITests {
    @Test func productsReadByAnyRoleWrittenByAdmin() async throws {
        try await CommerceHarness.run { h, client in
            try await client.execute(uri: "/productos", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/productos?limit=2&offset=1", method: .get, headers: h.bearer(.channel)) {
                response in
                #expect(response.status == .ok)
                let page = try h.decode(ListBody<Product>.self, response)
                #expect(page.total == 5)
                #expect(page.limit == 2)
                #expect(page.offset == 1)
                #expect(page.results.map(\.id) == [2, 3])
            }
            try await client.execute(uri: "/productos?activo=false", method: .get, headers: h.bearer(.channel)) {
                let got1 = try h.decode(ListBody<Product>.self, $0)
                #expect(got1.results.map(\.id) == [5])
            }
            try await client.execute(uri: "/productos?q=camara", method: .get, headers: h.bearer(.channel)) {
                let got2 = try h.decode(ListBody<Product>.self, $0)
                #expect(got2.results.map(\.id) == [3])
            }
            try await client.execute(uri: "/productos?limit=0", method: .get, headers: h.bearer(.channel)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/productos/2", method: .get, headers: h.bearer(.channel)) { response in
                #expect(response.status == .ok)
                let got3 = try h.decode(Product.self, response)
                #expect(got3.name == "Guantes vaqueta")
            }
            for uri in ["/productos/77", "/productos/abc"] {
                try await client.execute(uri: uri, method: .get, headers: h.bearer(.channel)) { response in
                    #expect(response.status == .notFound)
                    let got4 = try h.error(response)
                    #expect(got4.code == "no_encontrado")
                }
            }
            let new = ByteBuffer(string: #"{"nombre": "Botas punta de acero", "precio": 120000, "stock": 8}"#)
            try await client.execute(uri: "/productos", method: .post, headers: h.json(.operator), body: new) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/productos", method: .post, headers: h.json(.admin), body: new) {
                response in
                #expect(response.status == .created)
                let product = try h.decode(Product.self, response)
                #expect(product.id == 6)
                #expect(product.category == "General")
                #expect(response.headers[.location] == "/productos/6")
            }
            try await client.execute(
                uri: "/productos", method: .post, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"id": 1, "nombre": "Otro", "precio": 1, "stock": 1}"#)
            ) { response in
                #expect(response.status == .conflict)
                let got5 = try h.error(response)
                #expect(got5.code == "conflicto")
            }
            try await client.execute(
                uri: "/productos", method: .post, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"nombre": " ", "precio": -5, "stock": 1}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let message = try h.error(response).message
                #expect(message.contains("nombre") || message.contains("precio"), "\(message)")
            }
            try await client.execute(
                uri: "/productos/2", method: .put, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"precio": 16500, "stock": 30}"#)
            ) { response in
                #expect(response.status == .ok)
                let product = try h.decode(Product.self, response)
                #expect(product.price == 16500)
                #expect(product.stock == 30)
                #expect(product.name == "Guantes vaqueta")
            }
            try await client.execute(
                uri: "/productos/2", method: .put, headers: h.json(.admin), body: ByteBuffer(string: #"{"stock": -1}"#)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(
                uri: "/productos/99", method: .put, headers: h.json(.admin), body: ByteBuffer(string: #"{"stock": 1}"#)
            ) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/productos/6", method: .delete, headers: h.bearer(.channel)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/productos/6", method: .delete, headers: h.bearer(.admin)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("eliminado"))
            }
            try await client.execute(uri: "/productos/6", method: .delete, headers: h.bearer(.admin)) {
                #expect($0.status == .notFound)
            }
        }
    }

    static let csv = """
        id,nombre,descripcion,precio,stock,activo,categoria
        1,Extintor PQS 10 libras,Nuevo texto,47000,12,1,Contra Incendios
        20,Linterna recargable,LED,35000,9,1,Iluminación
        21,,Sin nombre,1000,1,1,General
        22,Cinta reflectiva,Rollo,abc,4,1,Señalización
        """

    @Test func importWithBadRowsReportsThemAndImportsTheGoodOnes() async throws {
        try await CommerceHarness.run { h, client in
            var headers = h.bearer(.admin)
            headers[.contentType] = "text/csv"
            try await client.execute(
                uri: "/productos/importar", method: .post, headers: h.bearer(.operator),
                body: ByteBuffer(string: Self.csv)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/productos/importar?modo=borrar", method: .post, headers: headers,
                body: ByteBuffer(string: Self.csv)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let got6 = try h.error(response)
                #expect(got6.message.contains("fusionar"))
            }
            try await client.execute(
                uri: "/productos/importar", method: .post, headers: headers,
                body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024 + 100 * 1024)
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/productos/importar", method: .post, headers: headers) {
                #expect($0.status == .unprocessableContent)
            }
            var jobId = ""
            try await client.execute(
                uri: "/productos/importar?modo=fusionar", method: .post, headers: headers,
                body: ByteBuffer(string: Self.csv)
            ) { response in
                #expect(response.status == .accepted)
                jobId = try h.decode(CommerceHarness.Accepted.self, response).jobId
            }
            let payload = try JobCoding.decode(
                ImportCatalogJob.self, from: try #require(try await h.fixture.jobs.payload(of: jobId)))
            #expect(payload.file.hasSuffix(".csv"))
            #expect(FileManager.default.fileExists(atPath: h.uploads.appendingPathComponent(payload.file).path))
            let worker = try h.worker()
            let status = try await h.finished(jobId)
            #expect(status.state == .completed)
            let result = try JobCoding.decode(ImportResult.self, from: try #require(status.result))
            #expect(result.createdCount == 1)
            #expect(result.updatedCount == 1)
            #expect(result.deactivatedCount == 0)
            #expect(Set(result.errors.map(\.row)) == [4, 5])
            #expect(result.errors.contains { $0.field == "nombre" })
            #expect(result.errors.contains { $0.field == "precio" })
            #expect(try h.database.product(id: 1)?.price == 47000)
            #expect(try h.database.product(id: 20)?.name == "Linterna recargable")
            #expect(try h.database.product(id: 21) == nil)

            // Multipart upload, replace mode: products missing from the file are deactivated.
            let boundary = "----limite123"
            let multipart =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"otro\"\r\n\r\nx\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"archivo\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nid,nombre,precio,stock\n2,Guantes vaqueta,15800,23\n\r\n--\(boundary)--\r\n"
            var form = h.bearer(.admin)
            form[.contentType] = "multipart/form-data; boundary=\(boundary)"
            try await client.execute(
                uri: "/productos/importar?modo=reemplazar", method: .post, headers: form,
                body: ByteBuffer(string: multipart)
            ) { response in
                #expect(response.status == .accepted)
                jobId = try h.decode(CommerceHarness.Accepted.self, response).jobId
            }
            let replaced = try await h.finished(jobId)
            await worker.stop()
            let second = try JobCoding.decode(ImportResult.self, from: try #require(replaced.result))
            #expect(second.updatedCount == 1)  // the file has no description: it is cleared
            #expect(second.errors.isEmpty)
            #expect(second.deactivatedCount == 4)  // 1, 3, 4 and 20 (5 was already inactive)
            #expect(try h.database.product(id: 2)?.active == true)
            #expect(try h.database.product(id: 1)?.active == false)
            try await client.execute(
                uri: "/productos/importar", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--\(boundary)--\r\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                let got7 = try h.error(response)
                #expect(got7.message.contains("archivo"))
            }
        }
    }

    @Test func clientsCrudSearchAndHistory() async throws {
        try await CommerceHarness.run { h, client in
            let ana = ByteBuffer(
                string:
                    #"{"cedula": "1.107.654.321", "nombre": "Ana María Gómez", "telefono": "+57 318 284 2304", "correo": "Ana@Example.com"}"#
            )
            try await client.execute(uri: "/clientes", method: .post, headers: h.json(.channel), body: ana) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/clientes", method: .post, headers: h.json(.operator), body: ana) {
                response in
                #expect(response.status == .created)
                let client = try h.decode(Client.self, response)
                #expect(client.idNumber == "1107654321")
                #expect(client.phone == "3182842304")
                #expect(client.email == "ana@example.com")
            }
            try await client.execute(uri: "/clientes", method: .post, headers: h.json(.operator), body: ana) {
                #expect($0.status == .conflict)
            }
            try await client.execute(
                uri: "/clientes", method: .post, headers: h.json(.operator),
                body: ByteBuffer(string: #"{"cedula": "12a", "nombre": "X", "telefono": "123", "correo": "no-es"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let message = try h.error(response).message
                #expect(message.contains("cédula"), "\(message)")
                let text = String(buffer: response.body)
                #expect(text.contains(#""campo":"cedula""#), "\(text)")
                #expect(text.contains(#""campo":"correo""#), "\(text)")
            }
            try await client.execute(
                uri: "/clientes", method: .post, headers: h.json(.operator),
                body: ByteBuffer(
                    string: #"{"cedula": "52345678", "nombre": "Bernardo Ruiz", "telefono": "6012345678"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/clientes", method: .get, headers: h.bearer(.operator)) { response in
                let page = try h.decode(ListBody<Client>.self, response)
                #expect(page.total == 2)
                #expect(page.results.map(\.name) == ["Ana María Gómez", "Bernardo Ruiz"])
            }
            for (q, expected) in [("maria", ["1107654321"]), ("318 284", ["1107654321"]), ("5234", ["52345678"])] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                try await client.execute(
                    uri: "/clientes/buscar?q=\(encoded)", method: .get, headers: h.bearer(.operator)
                ) { response in
                    #expect(response.status == .ok)
                    let found = try h.decode(ListBody<Client>.self, response)
                    #expect(found.results.map(\.idNumber) == expected, "q=\(q)")
                }
            }
            try await client.execute(uri: "/clientes/buscar", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/clientes/1.107.654.321", method: .get, headers: h.bearer(.operator)) {
                let got8 = try h.decode(Client.self, $0)
                #expect(got8.name == "Ana María Gómez")
            }
            try await client.execute(uri: "/clientes/99999999", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/clientes/abc", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(
                uri: "/clientes/52345678", method: .put, headers: h.json(.operator),
                body: ByteBuffer(string: #"{"nombre": "Bernardo Ruiz P.", "barrio": "Centro"}"#)
            ) { response in
                #expect(response.status == .ok)
                let client = try h.decode(Client.self, response)
                #expect(client.name == "Bernardo Ruiz P.")
                #expect(client.neighborhood == "Centro")
            }
            try await client.execute(
                uri: "/clientes/52345678", method: .put, headers: h.json(.operator),
                body: ByteBuffer(string: #"{"cedula": "1107654321", "nombre": "Otro"}"#)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(
                uri: "/clientes/88888888", method: .put, headers: h.json(.operator),
                body: ByteBuffer(string: #"{"nombre": "Nadie"}"#)
            ) { #expect($0.status == .notFound) }
            // History: Ana buys once.
            _ = try h.database.placeOrder(Fixtures.order([(2, 2)]), idempotencyKey: "hist-1")
            try await client.execute(uri: "/clientes/1107654321/pedidos", method: .get, headers: h.bearer(.operator)) {
                response in
                let page = try h.decode(ListBody<Order>.self, response)
                #expect(page.total == 1)
                #expect(page.results.first?.total == 2 * 15800)
            }
            try await client.execute(uri: "/clientes/77777777/pedidos", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/clientes/1107654321", method: .delete, headers: h.bearer(.operator)) {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""resultado":"retirado""#))
            }
            try await client.execute(uri: "/clientes/1107654321", method: .get, headers: h.bearer(.operator)) {
                #expect(String(buffer: $0.body).contains(#""activo":false"#))
            }
            try await client.execute(
                uri: "/clientes/1107654321", method: .put, headers: h.json(.operator),
                body: ByteBuffer(string: #"{"activo": true}"#)
            ) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body).contains(#""activo":true"#))
            }
            try await client.execute(uri: "/clientes/52345678", method: .delete, headers: h.bearer(.operator)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/clientes/52345678", method: .delete, headers: h.bearer(.operator)) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func ordersListFiltersAndStateMachine() async throws {
        try await CommerceHarness.run { h, client in
            let first = try h.database.placeOrder(Fixtures.order([(2, 1)], chatId: "tg:1"), idempotencyKey: "a")
            let second = try h.database.placeOrder(Fixtures.order([(3, 2)], chatId: "tg:2"), idempotencyKey: "b")
            try await client.execute(uri: "/pedidos", method: .get, headers: h.bearer(.channel)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/pedidos", method: .get, headers: h.bearer(.operator)) { response in
                let page = try h.decode(ListBody<Order>.self, response)
                #expect(page.total == 2)
                #expect(page.results.map(\.id) == [second.order.id, first.order.id])
            }
            try await client.execute(uri: "/pedidos?chat_id=tg:1", method: .get, headers: h.bearer(.operator)) {
                let got10 = try h.decode(ListBody<Order>.self, $0)
                #expect(got10.results.map(\.id) == [first.order.id])
            }
            try await client.execute(
                uri: "/pedidos?cedula=1.107.654.321&estado=pendiente", method: .get, headers: h.bearer(.operator)
            ) {
                let got11 = try h.decode(ListBody<Order>.self, $0)
                #expect(got11.total == 2)
            }
            try await client.execute(uri: "/pedidos?desde=2999-01-01", method: .get, headers: h.bearer(.operator)) {
                let got12 = try h.decode(ListBody<Order>.self, $0)
                #expect(got12.total == 0)
            }
            for bad in ["estado=perdido", "desde=ayer", "cedula=xx"] {
                try await client.execute(uri: "/pedidos?\(bad)", method: .get, headers: h.bearer(.operator)) {
                    #expect($0.status == .unprocessableContent, "\(bad)")
                }
            }
            try await client.execute(uri: "/pedidos/999", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .notFound)
            }
            let uri = "/pedidos/\(first.order.id)/estado"
            func move(_ state: String) -> ByteBuffer { ByteBuffer(string: #"{"estado": "\#(state)"}"#) }
            try await client.execute(uri: uri, method: .put, headers: h.json(.operator), body: move("enviado")) {
                response in
                #expect(response.status == .conflict)
                let detail = try h.error(response)
                #expect(detail.code == "transicion_invalida")
                #expect(detail.message.contains("procesando"))
            }
            try await client.execute(uri: uri, method: .put, headers: h.json(.operator), body: move("Procesando")) {
                response in
                #expect(response.status == .ok)
                let got13 = try h.decode(Order.self, response)
                #expect(got13.state == .processing)
            }
            try await client.execute(uri: uri, method: .put, headers: h.json(.operator), body: move("volando")) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(
                uri: "/pedidos/999/estado", method: .put, headers: h.json(.operator), body: move("cancelado")
            ) {
                #expect($0.status == .notFound)
            }
            let stockBefore = try Fixtures.stock(h.database, 3)
            try await client.execute(
                uri: "/pedidos/\(second.order.id)/estado", method: .put, headers: h.json(.operator),
                body: move("cancelado")
            ) { #expect($0.status == .ok) }
            #expect(try Fixtures.stock(h.database, 3) == (stockBefore ?? 0) + 2)
            try await client.execute(
                uri: "/pedidos/\(second.order.id)/estado", method: .put, headers: h.json(.operator),
                body: move("pendiente")
            ) { #expect($0.status == .conflict) }
        }
    }

    @Test func salesCompanyTextAndStatistics() async throws {
        try await CommerceHarness.run { h, client in
            _ = try h.database.placeOrder(Fixtures.order([(2, 2), (1, 1)]), idempotencyKey: "v1")
            try await client.execute(uri: "/ventas", method: .get, headers: h.bearer(.channel)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/ventas", method: .get, headers: h.bearer(.operator)) { response in
                #expect(response.status == .ok)
                let sales = try h.decode(SalesReport.self, response)
                #expect(sales.orders == 1)
                #expect(sales.units == 3)
                #expect(sales.total == 2 * 15800 + 45000)
            }
            try await client.execute(uri: "/ventas?desde=2999-01-01", method: .get, headers: h.bearer(.operator)) {
                let got14 = try h.decode(SalesReport.self, $0)
                #expect(got14.orders == 0)
            }
            try await client.execute(uri: "/ventas?hasta=31-12-2020", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/contexto", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .notFound)
            }
            let text = ByteBuffer(string: #"{"contenido": "Somos Seguridad Total, Cali. Envíos en 24 horas."}"#)
            try await client.execute(uri: "/contexto", method: .put, headers: h.json(.operator), body: text) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/contexto", method: .put, headers: h.json(.admin), body: text) {
                response in
                #expect(response.status == .ok)
                let got15 = try h.decode(CompanyContext.self, response)
                #expect(got15.version == 1)
            }
            try await client.execute(
                uri: "/contexto", method: .put, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"contenido": "  "}"#)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/contexto", method: .get, headers: h.bearer(.operator)) { response in
                let companyText = try h.decode(CompanyContext.self, response)
                #expect(companyText.content.hasPrefix("Somos Seguridad Total"))
                #expect(companyText.active)
            }
            try await client.execute(uri: "/admin/estadisticas", method: .get, headers: h.bearer(.operator)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/admin/estadisticas", method: .get, headers: h.bearer(.admin)) { response in
                #expect(response.status == .ok)
                let stats = try h.decode(Statistics.self, response)
                #expect(stats.products == 5)
                #expect(stats.orders == 1)
                #expect(stats.clients == 1)
            }
        }
    }
}
