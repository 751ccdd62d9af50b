import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Shop

@Suite("GET /admin/estadisticas: counts, sales panel and usage with queue latency")
struct StatisticsAPITests {
    @Test func thePanelShowsTodaysSalesAndTheLatencyOfJobsThatRan() async throws {
        try await CommerceHarness.run { h, client in
            let worker = try h.worker()
            defer { Task { await worker.stop() } }
            var jobId = ""
            try await client.execute(
                uri: "/pedidos", method: .post, headers: h.json(.operator),
                body: ByteBuffer(string: OrderJobTests.orderBody)
            ) { response in
                jobId = try h.decode(CommerceHarness.Accepted.self, response).jobId
            }
            #expect(try await h.finished(jobId).state == .completed)
            await worker.stop()
            try await client.execute(
                uri: "/admin/estadisticas?top=3&umbral_stock=8", method: .get, headers: h.bearer(.admin)
            ) {
                response in
                #expect(response.status == .ok)
                let counts = try h.decode(Statistics.self, response)
                #expect(counts.products == 5)
                #expect(counts.orders == 1)
                let json = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let sales = try #require(json["ventas"] as? [String: Any])
                #expect(sales["pedidos"] as? Int == 1)
                #expect(sales["total"] as? Int == 3 * 15_800 + 45_000)
                #expect(sales["ticket_promedio"] as? Int == 3 * 15_800 + 45_000)
                #expect((sales["por_dia"] as? [Any])?.count == 1)
                #expect((sales["por_semana"] as? [Any])?.count == 1)
                #expect((json["top_productos"] as? [[String: Any]])?.first?["producto_id"] as? Int == 2)
                #expect((json["top_clientes"] as? [[String: Any]])?.first?["cedula"] as? String == "1107654321")
                #expect((json["stock_bajo"] as? [String: Any])?["umbral"] as? Int == 8)
                #expect(json["conversion"] is [String: Any])
                let period = try #require(json["periodo"] as? [String: String])
                #expect(period["hasta"] == ShopCalendar.day(of: Date()))
                let usage = try #require(json["uso"] as? [String: Any])
                #expect(usage["mensajes_por_canal"] is [Any])
                let latencies = try #require(usage["latencia_colas"] as? [[String: Any]])
                let orders = try #require(latencies.first { $0["cola"] as? String == "pedidos" })
                #expect(orders["muestras"] as? Int == 1)
                #expect((orders["espera_ms"] as? [String: Int])?["p50"] != nil)
                #expect((orders["ejecucion_ms"] as? [String: Int])?["max"] != nil)
                let chat = try #require(latencies.first { $0["cola"] as? String == "chat" })
                #expect(chat["muestras"] as? Int == 0)
            }
            try await client.execute(uri: "/admin/estadisticas?top=0", method: .get, headers: h.bearer(.admin)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/admin/estadisticas?desde=marzo", method: .get, headers: h.bearer(.admin)
            ) { #expect($0.status == .unprocessableContent) }
        }
    }
}
