import Foundation
import Hummingbird
import JobEngine
import Shop

/// Sales report (`GET /ventas`) and the administration panel (`GET /admin/estadisticas`):
/// counts, sales of a period, rankings, conversion, low stock and usage.
struct ReportsController {
    let store: any ShopStore
    let jobs: JobClient

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: sales)
    }

    func addStatisticsRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("estadisticas", use: statistics)
    }

    @Sendable func sales(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (since, until) = try request.period()
        return try APIJSON.response(try await store.sales(since: since, until: until))
    }

    /// `?desde=&hasta=` (shop days; the last 30 by default), `?top=` (1–50, 10) and
    /// `?umbral_stock=` (5). Queue latency comes from Redis; if Redis fails it is null.
    @Sendable func statistics(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (since, until) = try request.period()
        let top = try Self.intQuery(request, "top", range: 1...50, default: 10)
        let threshold = try Self.intQuery(request, "umbral_stock", range: 0...1_000_000, default: 5)
        async let readCounts = store.statistics()
        async let readPanel = store.salesPanel(
            since: since, until: until, top: top, stockThreshold: threshold, now: Date())
        let (counts, panel) = try await (readCounts, readPanel)
        var latencies: [QueueLatency]?
        do {
            latencies = try await jobs.latencySample()
        } catch {
            context.logger.warning("No se pudo medir la latencia de las colas: \(error)")
        }
        return try APIJSON.response(StatisticsBody(counts: counts, panel: panel, latencies: latencies))
    }

    private static func intQuery(_ request: Request, _ name: String, range: ClosedRange<Int>, default value: Int) throws
        -> Int
    {
        try IntegerParameter.parse(request.query(name), name: name, range: range, default: value)
    }
}

/// `GET /admin/estadisticas`: the counts at the top level (as before), then the period's
/// panel, and `uso` (messages per channel and type, queue latency).
struct StatisticsBody: Encodable {
    var counts: Statistics
    var panel: SalesPanel
    var latencies: [QueueLatency]?

    private enum Keys: String, CodingKey {
        case period = "periodo", sales = "ventas", conversion, usage = "uso"
        case topProducts = "top_productos"
        case topClients = "top_clientes"
        case lowStock = "stock_bajo"
    }

    private struct Usage: Encodable {
        var messagesByChannel: [ChannelMessages]
        var queueLatency: [QueueLatency]?

        enum CodingKeys: String, CodingKey {
            case messagesByChannel = "mensajes_por_canal"
            case queueLatency = "latencia_colas"
        }
    }

    func encode(to encoder: any Encoder) throws {
        try counts.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(panel.period, forKey: .period)
        try container.encode(panel.sales, forKey: .sales)
        try container.encode(panel.topProducts, forKey: .topProducts)
        try container.encode(panel.topClients, forKey: .topClients)
        try container.encode(panel.conversion, forKey: .conversion)
        try container.encode(panel.lowStock, forKey: .lowStock)
        try container.encode(
            Usage(messagesByChannel: panel.messagesByChannel, queueLatency: latencies), forKey: .usage)
    }
}
