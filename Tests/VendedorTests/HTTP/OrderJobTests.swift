import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop

@Suite("Order placement jobs: POST /pedidos, concurrency, idempotency")
struct OrderJobTests {
    static let orderBody = #"""
        {"chat_id": "web-7", "cliente": {"cedula": "1.107.654.321", "nombre": "Ana Gómez",
         "telefono": "+57 318 284 2304", "correo": "ana@example.com", "direccion": "Cra 4 # 31-11"},
         "items": [{"producto_id": 2, "cantidad": 3, "precio_unitario": 1}, {"producto_id": 1, "cantidad": 1}]}
        """#

    @Test func postOrdersIsPlacedByTheWorkerAtCatalogPrices() async throws {
        try await CommerceHarness.run { h, client in
            let worker = try h.worker()
            defer { Task { await worker.stop() } }
            var jobId = ""
            try await client.execute(
                uri: "/pedidos", method: .post, headers: h.json(.operator), body: ByteBuffer(string: Self.orderBody)
            ) { response in
                #expect(response.status == .accepted)
                let accepted = try h.decode(CommerceHarness.Accepted.self, response)
                #expect(accepted.state == "encolado")
                #expect(response.headers[.location] == "/jobs/\(accepted.jobId)")
                jobId = accepted.jobId
            }
            let status = try await h.finished(jobId)
            #expect(status.state == .completed)
            let result = try JobCoding.decode(PlaceOrderJob.Result.self, from: try #require(status.result))
            #expect(result.total == 3 * 15800 + 45000)
            #expect(result.repeated == false)
            try await client.execute(uri: "/pedidos/\(result.orderId)", method: .get, headers: h.bearer(.operator)) {
                response in
                #expect(response.status == .ok)
                let order = try h.decode(Order.self, response)
                #expect(order.items.map(\.productId) == [2, 1])
                #expect(order.items.first?.unitPrice == 15800)
                #expect(order.client.idNumber == "1107654321")
                #expect(order.state == .pending)
                #expect(order.chatId == "web-7")
            }
            #expect(try Fixtures.stock(h.database, 2) == 20)
            // The same body again within the window is the same job: no second order.
            try await client.execute(
                uri: "/pedidos", method: .post, headers: h.json(.operator), body: ByteBuffer(string: Self.orderBody)
            ) { response in
                #expect(response.status == .accepted)
                let got1 = try h.decode(CommerceHarness.Accepted.self, response)
                #expect(got1.jobId == jobId)
            }
            #expect(try Fixtures.count(h.database, "pedidos") == 1)
            await worker.stop()
        }
    }

    @Test func postOrdersRejectsBadInputUpFrontWithFieldNames() async throws {
        try await CommerceHarness.run { h, client in
            let clientJSON = #""cliente": {"cedula": "1107654321", "nombre": "Ana", "telefono": "3182842304"}"#
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("{", .badRequest, "JSON válido"),
                (#"{"items": []}"#, .badRequest, "cliente"),
                (
                    #"{\#(clientJSON), "items": [{"producto_id": "dos", "cantidad": 1}]}"#, .badRequest,
                    "items.0.producto_id"
                ),
                (#"{\#(clientJSON), "items": []}"#, .unprocessableContent, "al menos un producto"),
                (#"{\#(clientJSON), "items": [{"producto_id": 1, "cantidad": 0}]}"#, .unprocessableContent, "cantidad"),
                (
                    #"{"cliente": {"cedula": "12", "nombre": "Ana", "telefono": "12"}, "items": [{"producto_id": 1, "cantidad": 1}]}"#,
                    .unprocessableContent, "cédula"
                ),
                (
                    #"{"cliente": {"cedula": "1107654321", "nombre": "Ana"}, "items": [{"producto_id": 1, "cantidad": 1}]}"#,
                    .unprocessableContent, "teléfono"
                ),
            ]
            for (body, status, fragment) in cases {
                try await client.execute(
                    uri: "/pedidos", method: .post, headers: h.json(.operator), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "cuerpo: \(body)")
                    let detail = try h.error(response)
                    #expect(detail.message.contains(fragment), "\(detail.message)")
                }
            }
            try await client.execute(uri: "/pedidos", method: .post, body: ByteBuffer(string: Self.orderBody)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/pedidos", method: .post, headers: h.json(.channel), body: ByteBuffer(string: Self.orderBody)
            ) { #expect($0.status == .forbidden) }
            #expect(try await h.fixture.stats("pedidos").pendingCount == 0)
        }
    }

    @Test func fiftyConcurrentOrdersForTenUnitsSellExactlyTen() async throws {
        try await CommerceHarness.run { h, _ in
            #expect(try Fixtures.stock(h.database, 1) == 10)
            let jobs = h.fixture.jobs
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let client = ClientDetails(
                            idNumber: String(10_000_000 + index), name: "Cliente \(index)", phone: "3001234567")
                        let order = OrderRequest(
                            chatId: "c-\(index)", client: client,
                            items: [OrderRequest.Line(productId: 1, quantity: 1)])
                        return try await jobs.enqueue(PlaceOrderJob(order: order)).id
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(ids).count == 50)
            let worker = try h.worker(concurrency: 8)
            var statuses: [JobStatus] = []
            _ = try await eventually(timeout: TestPaths.loadedWait) {
                #expect(try Fixtures.stock(h.database, 1) ?? -1 >= 0)
                statuses = []
                for id in ids { if let status = try await h.fixture.status(id) { statuses.append(status) } }
                return statuses.count == 50 && statuses.allSatisfy(\.isFinished)
            }
            await worker.stop()
            let completed = statuses.filter { $0.state == .completed }
            let failed = statuses.filter { $0.state == .failed }
            #expect(completed.count == 10)
            #expect(failed.count == 40)
            for status in failed {
                #expect(status.error?.contains("Extintor PQS 10 libras") == true, "\(status.error ?? "")")
                #expect(status.error?.contains("no hay unidades disponibles") == true, "\(status.error ?? "")")
                #expect(status.attempts == 1)
            }
            #expect(try Fixtures.stock(h.database, 1) == 0)
            #expect(try Fixtures.count(h.database, "pedidos") == 10)
            let sold = try await h.database.pool.read {
                try Int.fetchOne($0, sql: "SELECT SUM(cantidad) FROM pedido_items WHERE producto_id = 1")
            }
            #expect(sold == 10)
            let orderIds = try completed.map {
                try JobCoding.decode(PlaceOrderJob.Result.self, from: $0.result ?? "").orderId
            }
            #expect(Set(orderIds).count == 10)
        }
    }

    @Test func aReplayedOrderJobCreatesNothingNew() async throws {
        try await CommerceHarness.run { h, client in
            let order = Fixtures.order([(2, 4), (3, 1)])
            let job = PlaceOrderJob(order: order, key: "cliente:pruebas:abc-123")
            // Two distinct jobs (no queue key) with the same order key: a duplicated delivery.
            let first = try await h.fixture.jobs.enqueue(job)
            let second = try await h.fixture.jobs.enqueue(job)
            #expect(first.id != second.id)
            let worker = try h.worker(concurrency: 1)
            let a = try await h.finished(first.id)
            let b = try await h.finished(second.id)
            await worker.stop()
            #expect(a.state == .completed)
            #expect(b.state == .completed)
            let ra = try JobCoding.decode(PlaceOrderJob.Result.self, from: try #require(a.result))
            let rb = try JobCoding.decode(PlaceOrderJob.Result.self, from: try #require(b.result))
            #expect(ra.orderId == rb.orderId)
            #expect([ra.repeated, rb.repeated].sorted { !$0 && $1 } == [false, true])
            #expect(try Fixtures.count(h.database, "pedidos") == 1)
            #expect(try Fixtures.count(h.database, "pedido_items") == 2)
            #expect(try Fixtures.stock(h.database, 2) == 19)
            #expect(try Fixtures.stock(h.database, 3) == 6)
            let stored = try #require(try h.database.client(idNumber: "1107654321"))
            #expect(stored.orderCount == 1)
            // Over HTTP, the Idempotency-Key header becomes the order key.
            let body = ByteBuffer(string: OrderJobTests.orderBody)
            var headers = h.json(.operator)
            headers[.init("Idempotency-Key")!] = "abc-123"
            var jobId = ""
            try await client.execute(uri: "/pedidos", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .accepted)
                jobId = try h.decode(CommerceHarness.Accepted.self, response).jobId
            }
            let payload = try JobCoding.decode(
                PlaceOrderJob.self, from: try #require(try await h.fixture.jobs.payload(of: jobId)))
            #expect(payload.key == "cliente:pruebas:abc-123")
            let again = try h.worker(concurrency: 1)
            let c = try await h.finished(jobId)
            await again.stop()
            let rc = try JobCoding.decode(PlaceOrderJob.Result.self, from: try #require(c.result))
            #expect(rc.orderId == ra.orderId)
            #expect(rc.repeated)
            #expect(try Fixtures.count(h.database, "pedidos") == 1)
        }
    }

    @Test func unknownAndInactiveProductsFailTheJobForGood() async throws {
        try await CommerceHarness.run { h, _ in
            let unknown = try await h.fixture.jobs.enqueue(PlaceOrderJob(order: Fixtures.order([(999, 1)])))
            let inactive = try await h.fixture.jobs.enqueue(PlaceOrderJob(order: Fixtures.order([(5, 1)])))
            let short = try await h.fixture.jobs.enqueue(PlaceOrderJob(order: Fixtures.order([(2, 30), (3, 8)])))
            let worker = try h.worker()
            let unknownStatus = try await h.finished(unknown.id)
            let inactiveStatus = try await h.finished(inactive.id)
            let ss = try await h.finished(short.id)
            await worker.stop()
            #expect(unknownStatus.state == .failed)
            #expect(unknownStatus.error?.contains("999") == true)
            #expect(inactiveStatus.state == .failed)
            #expect(inactiveStatus.error?.contains("Chaleco reflectivo") == true)
            #expect(ss.state == .failed)
            #expect(ss.error?.contains("Guantes vaqueta (pidió 30, hay 23 disponibles)") == true, "\(ss.error ?? "")")
            #expect(ss.error?.contains("Cámara vigilancia (pidió 8, hay 7 disponibles)") == true)
            #expect(try Fixtures.count(h.database, "pedidos") == 0)
        }
    }
}
