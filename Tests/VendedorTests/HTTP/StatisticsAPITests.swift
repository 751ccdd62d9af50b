import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Enqueuer

@Suite("GET /admin/estadisticas: counts, sales panel and usage with queue latency")
struct StatisticsAPITests {
    @Test func thePanelShowsTodaysSalesAndTheLatencyOfJobsThatRan() async throws {
        try await CommerceHarness.run { h, client in
            let worker = try h.worker()
            defer { Task { await worker.stop() } }
            var jobId = ""
            try await client.execute(
                uri: "/pedidos", method: .post, headers: h.json(.operador),
                body: ByteBuffer(string: OrderJobTests.orderBody)
            ) { response in
                jobId = try h.decode(CommerceHarness.Accepted.self, response).job_id
            }
            #expect(try await h.finished(jobId).estado == "completado")
            await worker.stop()
            try await client.execute(
                uri: "/admin/estadisticas?top=3&umbral_stock=8", method: .get, headers: h.bearer(.admin)
            ) {
                response in
                #expect(response.status == .ok)
                let counts = try h.decode(Estadisticas.self, response)
                #expect(counts.productos == 5)
                #expect(counts.pedidos == 1)
                let json = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let ventas = try #require(json["ventas"] as? [String: Any])
                #expect(ventas["pedidos"] as? Int == 1)
                #expect(ventas["total"] as? Int == 3 * 15_800 + 45_000)
                #expect(ventas["ticket_promedio"] as? Int == 3 * 15_800 + 45_000)
                #expect((ventas["por_dia"] as? [Any])?.count == 1)
                #expect((ventas["por_semana"] as? [Any])?.count == 1)
                #expect((json["top_productos"] as? [[String: Any]])?.first?["producto_id"] as? Int == 2)
                #expect((json["top_clientes"] as? [[String: Any]])?.first?["cedula"] as? String == "1107654321")
                #expect((json["stock_bajo"] as? [String: Any])?["umbral"] as? Int == 8)
                #expect(json["conversion"] is [String: Any])
                let periodo = try #require(json["periodo"] as? [String: String])
                #expect(periodo["hasta"] == ShopCalendar.day(of: Date()))
                let uso = try #require(json["uso"] as? [String: Any])
                #expect(uso["mensajes_por_canal"] is [Any])
                let latencias = try #require(uso["latencia_colas"] as? [[String: Any]])
                let pedidos = try #require(latencias.first { $0["cola"] as? String == "pedidos" })
                #expect(pedidos["muestras"] as? Int == 1)
                #expect((pedidos["espera_ms"] as? [String: Int])?["p50"] != nil)
                #expect((pedidos["ejecucion_ms"] as? [String: Int])?["max"] != nil)
                let chat = try #require(latencias.first { $0["cola"] as? String == "chat" })
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
