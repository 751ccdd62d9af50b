import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Enqueuer

@Suite("Commerce API: productos, importar, clientes, pedidos, ventas, contexto, estadísticas")
struct CommerceAPITests {
    @Test func productosReadByAnyRoleWrittenByAdmin() async throws {
        try await CommerceHarness.run { h, client in
            try await client.execute(uri: "/productos", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/productos?limit=2&offset=1", method: .get, headers: h.bearer(.canal)) {
                response in
                #expect(response.status == .ok)
                let page = try h.decode(ListBody<Producto>.self, response)
                #expect(page.total == 5)
                #expect(page.limit == 2)
                #expect(page.offset == 1)
                #expect(page.resultados.map(\.id) == [2, 3])
            }
            try await client.execute(uri: "/productos?activo=false", method: .get, headers: h.bearer(.canal)) {
                let got1 = try h.decode(ListBody<Producto>.self, $0)
                #expect(got1.resultados.map(\.id) == [5])
            }
            try await client.execute(uri: "/productos?q=camara", method: .get, headers: h.bearer(.canal)) {
                let got2 = try h.decode(ListBody<Producto>.self, $0)
                #expect(got2.resultados.map(\.id) == [3])
            }
            try await client.execute(uri: "/productos?limit=0", method: .get, headers: h.bearer(.canal)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/productos/2", method: .get, headers: h.bearer(.canal)) { response in
                #expect(response.status == .ok)
                let got3 = try h.decode(Producto.self, response)
                #expect(got3.nombre == "Guantes vaqueta")
            }
            for uri in ["/productos/77", "/productos/abc"] {
                try await client.execute(uri: uri, method: .get, headers: h.bearer(.canal)) { response in
                    #expect(response.status == .notFound)
                    let got4 = try h.error(response)
                    #expect(got4.codigo == "no_encontrado")
                }
            }
            let nuevo = ByteBuffer(string: #"{"nombre": "Botas punta de acero", "precio": 120000, "stock": 8}"#)
            try await client.execute(uri: "/productos", method: .post, headers: h.json(.operador), body: nuevo) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/productos", method: .post, headers: h.json(.admin), body: nuevo) {
                response in
                #expect(response.status == .created)
                let producto = try h.decode(Producto.self, response)
                #expect(producto.id == 6)
                #expect(producto.categoria == "General")
                #expect(response.headers[.location] == "/productos/6")
            }
            try await client.execute(
                uri: "/productos", method: .post, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"id": 1, "nombre": "Otro", "precio": 1, "stock": 1}"#)
            ) { response in
                #expect(response.status == .conflict)
                let got5 = try h.error(response)
                #expect(got5.codigo == "conflicto")
            }
            try await client.execute(
                uri: "/productos", method: .post, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"nombre": " ", "precio": -5, "stock": 1}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let mensaje = try h.error(response).mensaje
                #expect(mensaje.contains("nombre") || mensaje.contains("precio"), "\(mensaje)")
            }
            try await client.execute(
                uri: "/productos/2", method: .put, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"precio": 16500, "stock": 30}"#)
            ) { response in
                #expect(response.status == .ok)
                let producto = try h.decode(Producto.self, response)
                #expect(producto.precio == 16500)
                #expect(producto.stock == 30)
                #expect(producto.nombre == "Guantes vaqueta")
            }
            try await client.execute(
                uri: "/productos/2", method: .put, headers: h.json(.admin), body: ByteBuffer(string: #"{"stock": -1}"#)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(
                uri: "/productos/99", method: .put, headers: h.json(.admin), body: ByteBuffer(string: #"{"stock": 1}"#)
            ) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/productos/6", method: .delete, headers: h.bearer(.canal)) {
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
                uri: "/productos/importar", method: .post, headers: h.bearer(.operador),
                body: ByteBuffer(string: Self.csv)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/productos/importar?modo=borrar", method: .post, headers: headers,
                body: ByteBuffer(string: Self.csv)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let got6 = try h.error(response)
                #expect(got6.mensaje.contains("fusionar"))
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
                jobId = try h.decode(CommerceHarness.Accepted.self, response).job_id
            }
            let payload = try JobCoding.decode(
                ImportCatalogJob.self, from: try #require(try await h.fixture.jobs.payload(of: jobId)))
            #expect(payload.archivo.hasSuffix(".csv"))
            #expect(FileManager.default.fileExists(atPath: h.uploads.appendingPathComponent(payload.archivo).path))
            let worker = try h.worker()
            let status = try await h.finished(jobId)
            #expect(status.estado == "completado")
            let result = try JobCoding.decode(ImportResult.self, from: try #require(status.resultado))
            #expect(result.creados == 1)
            #expect(result.actualizados == 1)
            #expect(result.desactivados == 0)
            #expect(Set(result.errores.map(\.fila)) == [4, 5])
            #expect(result.errores.contains { $0.campo == "nombre" })
            #expect(result.errores.contains { $0.campo == "precio" })
            #expect(try h.database.product(id: 1)?.precio == 47000)
            #expect(try h.database.product(id: 20)?.nombre == "Linterna recargable")
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
                jobId = try h.decode(CommerceHarness.Accepted.self, response).job_id
            }
            let replaced = try await h.finished(jobId)
            await worker.stop()
            let second = try JobCoding.decode(ImportResult.self, from: try #require(replaced.resultado))
            #expect(second.actualizados == 1)  // the file has no description: it is cleared
            #expect(second.errores.isEmpty)
            #expect(second.desactivados == 4)  // 1, 3, 4 and 20 (5 was already inactive)
            #expect(try h.database.product(id: 2)?.activo == true)
            #expect(try h.database.product(id: 1)?.activo == false)
            try await client.execute(
                uri: "/productos/importar", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--\(boundary)--\r\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                let got7 = try h.error(response)
                #expect(got7.mensaje.contains("archivo"))
            }
        }
    }

    @Test func clientesCrudSearchAndHistory() async throws {
        try await CommerceHarness.run { h, client in
            let ana = ByteBuffer(
                string:
                    #"{"cedula": "1.107.654.321", "nombre": "Ana María Gómez", "telefono": "+57 318 284 2304", "correo": "Ana@Example.com"}"#
            )
            try await client.execute(uri: "/clientes", method: .post, headers: h.json(.canal), body: ana) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/clientes", method: .post, headers: h.json(.operador), body: ana) {
                response in
                #expect(response.status == .created)
                let cliente = try h.decode(Cliente.self, response)
                #expect(cliente.cedula == "1107654321")
                #expect(cliente.telefono == "3182842304")
                #expect(cliente.correo == "ana@example.com")
            }
            try await client.execute(uri: "/clientes", method: .post, headers: h.json(.operador), body: ana) {
                #expect($0.status == .conflict)
            }
            try await client.execute(
                uri: "/clientes", method: .post, headers: h.json(.operador),
                body: ByteBuffer(string: #"{"cedula": "12a", "nombre": "X", "telefono": "123", "correo": "no-es"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let mensaje = try h.error(response).mensaje
                #expect(mensaje.contains("cédula"), "\(mensaje)")
                let text = String(buffer: response.body)
                #expect(text.contains(#""campo":"cedula""#), "\(text)")
                #expect(text.contains(#""campo":"correo""#), "\(text)")
            }
            try await client.execute(
                uri: "/clientes", method: .post, headers: h.json(.operador),
                body: ByteBuffer(
                    string: #"{"cedula": "52345678", "nombre": "Bernardo Ruiz", "telefono": "6012345678"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/clientes", method: .get, headers: h.bearer(.operador)) { response in
                let page = try h.decode(ListBody<Cliente>.self, response)
                #expect(page.total == 2)
                #expect(page.resultados.map(\.nombre) == ["Ana María Gómez", "Bernardo Ruiz"])
            }
            for (q, expected) in [("maria", ["1107654321"]), ("318 284", ["1107654321"]), ("5234", ["52345678"])] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                try await client.execute(
                    uri: "/clientes/buscar?q=\(encoded)", method: .get, headers: h.bearer(.operador)
                ) { response in
                    #expect(response.status == .ok)
                    let found = try h.decode(ListBody<Cliente>.self, response)
                    #expect(found.resultados.map(\.cedula) == expected, "q=\(q)")
                }
            }
            try await client.execute(uri: "/clientes/buscar", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/clientes/1.107.654.321", method: .get, headers: h.bearer(.operador)) {
                let got8 = try h.decode(Cliente.self, $0)
                #expect(got8.nombre == "Ana María Gómez")
            }
            try await client.execute(uri: "/clientes/99999999", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/clientes/abc", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(
                uri: "/clientes/52345678", method: .put, headers: h.json(.operador),
                body: ByteBuffer(string: #"{"nombre": "Bernardo Ruiz P.", "barrio": "Centro"}"#)
            ) { response in
                #expect(response.status == .ok)
                let cliente = try h.decode(Cliente.self, response)
                #expect(cliente.nombre == "Bernardo Ruiz P.")
                #expect(cliente.barrio == "Centro")
            }
            try await client.execute(
                uri: "/clientes/52345678", method: .put, headers: h.json(.operador),
                body: ByteBuffer(string: #"{"cedula": "1107654321", "nombre": "Otro"}"#)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(
                uri: "/clientes/88888888", method: .put, headers: h.json(.operador),
                body: ByteBuffer(string: #"{"nombre": "Nadie"}"#)
            ) { #expect($0.status == .notFound) }
            // History: Ana buys once.
            _ = try h.database.placeOrder(Fixtures.order([(2, 2)]), idempotencyKey: "hist-1")
            try await client.execute(uri: "/clientes/1107654321/pedidos", method: .get, headers: h.bearer(.operador)) {
                response in
                let page = try h.decode(ListBody<Pedido>.self, response)
                #expect(page.total == 1)
                #expect(page.resultados.first?.total == 2 * 15800)
            }
            try await client.execute(uri: "/clientes/77777777/pedidos", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/clientes/1107654321", method: .delete, headers: h.bearer(.operador)) {
                response in
                #expect(response.status == .conflict)
                let got9 = try h.error(response)
                #expect(got9.mensaje.contains("pedido"))
            }
            try await client.execute(uri: "/clientes/52345678", method: .delete, headers: h.bearer(.operador)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/clientes/52345678", method: .delete, headers: h.bearer(.operador)) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func pedidosListFiltersAndStateMachine() async throws {
        try await CommerceHarness.run { h, client in
            let first = try h.database.placeOrder(Fixtures.order([(2, 1)], chatId: "tg:1"), idempotencyKey: "a")
            let second = try h.database.placeOrder(Fixtures.order([(3, 2)], chatId: "tg:2"), idempotencyKey: "b")
            try await client.execute(uri: "/pedidos", method: .get, headers: h.bearer(.canal)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/pedidos", method: .get, headers: h.bearer(.operador)) { response in
                let page = try h.decode(ListBody<Pedido>.self, response)
                #expect(page.total == 2)
                #expect(page.resultados.map(\.id) == [second.pedido.id, first.pedido.id])
            }
            try await client.execute(uri: "/pedidos?chat_id=tg:1", method: .get, headers: h.bearer(.operador)) {
                let got10 = try h.decode(ListBody<Pedido>.self, $0)
                #expect(got10.resultados.map(\.id) == [first.pedido.id])
            }
            try await client.execute(
                uri: "/pedidos?cedula=1.107.654.321&estado=pendiente", method: .get, headers: h.bearer(.operador)
            ) {
                let got11 = try h.decode(ListBody<Pedido>.self, $0)
                #expect(got11.total == 2)
            }
            try await client.execute(uri: "/pedidos?desde=2999-01-01", method: .get, headers: h.bearer(.operador)) {
                let got12 = try h.decode(ListBody<Pedido>.self, $0)
                #expect(got12.total == 0)
            }
            for bad in ["estado=perdido", "desde=ayer", "cedula=xx"] {
                try await client.execute(uri: "/pedidos?\(bad)", method: .get, headers: h.bearer(.operador)) {
                    #expect($0.status == .unprocessableContent, "\(bad)")
                }
            }
            try await client.execute(uri: "/pedidos/999", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .notFound)
            }
            let uri = "/pedidos/\(first.pedido.id)/estado"
            func move(_ estado: String) -> ByteBuffer { ByteBuffer(string: #"{"estado": "\#(estado)"}"#) }
            try await client.execute(uri: uri, method: .put, headers: h.json(.operador), body: move("enviado")) {
                response in
                #expect(response.status == .conflict)
                let detail = try h.error(response)
                #expect(detail.codigo == "transicion_invalida")
                #expect(detail.mensaje.contains("procesando"))
            }
            try await client.execute(uri: uri, method: .put, headers: h.json(.operador), body: move("Procesando")) {
                response in
                #expect(response.status == .ok)
                let got13 = try h.decode(Pedido.self, response)
                #expect(got13.estado == .procesando)
            }
            try await client.execute(uri: uri, method: .put, headers: h.json(.operador), body: move("volando")) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(
                uri: "/pedidos/999/estado", method: .put, headers: h.json(.operador), body: move("cancelado")
            ) {
                #expect($0.status == .notFound)
            }
            let stockBefore = try Fixtures.stock(h.database, 3)
            try await client.execute(
                uri: "/pedidos/\(second.pedido.id)/estado", method: .put, headers: h.json(.operador),
                body: move("cancelado")
            ) { #expect($0.status == .ok) }
            #expect(try Fixtures.stock(h.database, 3) == (stockBefore ?? 0) + 2)
            try await client.execute(
                uri: "/pedidos/\(second.pedido.id)/estado", method: .put, headers: h.json(.operador),
                body: move("pendiente")
            ) { #expect($0.status == .conflict) }
        }
    }

    @Test func ventasContextoAndEstadisticas() async throws {
        try await CommerceHarness.run { h, client in
            _ = try h.database.placeOrder(Fixtures.order([(2, 2), (1, 1)]), idempotencyKey: "v1")
            try await client.execute(uri: "/ventas", method: .get, headers: h.bearer(.canal)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/ventas", method: .get, headers: h.bearer(.operador)) { response in
                #expect(response.status == .ok)
                let ventas = try h.decode(VentasReporte.self, response)
                #expect(ventas.pedidos == 1)
                #expect(ventas.unidades == 3)
                #expect(ventas.total == 2 * 15800 + 45000)
            }
            try await client.execute(uri: "/ventas?desde=2999-01-01", method: .get, headers: h.bearer(.operador)) {
                let got14 = try h.decode(VentasReporte.self, $0)
                #expect(got14.pedidos == 0)
            }
            try await client.execute(uri: "/ventas?hasta=31-12-2020", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/contexto", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .notFound)
            }
            let texto = ByteBuffer(string: #"{"contenido": "Somos Seguridad Total, Cali. Envíos en 24 horas."}"#)
            try await client.execute(uri: "/contexto", method: .put, headers: h.json(.operador), body: texto) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/contexto", method: .put, headers: h.json(.admin), body: texto) {
                response in
                #expect(response.status == .ok)
                let got15 = try h.decode(ContextoEmpresa.self, response)
                #expect(got15.version == 1)
            }
            try await client.execute(
                uri: "/contexto", method: .put, headers: h.json(.admin),
                body: ByteBuffer(string: #"{"contenido": "  "}"#)
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/contexto", method: .get, headers: h.bearer(.operador)) { response in
                let contexto = try h.decode(ContextoEmpresa.self, response)
                #expect(contexto.contenido.hasPrefix("Somos Seguridad Total"))
                #expect(contexto.activo)
            }
            try await client.execute(uri: "/admin/estadisticas", method: .get, headers: h.bearer(.operador)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/admin/estadisticas", method: .get, headers: h.bearer(.admin)) { response in
                #expect(response.status == .ok)
                let stats = try h.decode(Estadisticas.self, response)
                #expect(stats.productos == 5)
                #expect(stats.pedidos == 1)
                #expect(stats.clientes == 1)
            }
        }
    }
}
