import Core
import Hummingbird

/// Sales report (`GET /ventas`) and the administration panel (`GET /admin/estadisticas`):
/// counts, sales of a period, rankings, conversion, low stock and usage.
struct ReportesController {
    let database: AppDatabase
    let jobs: JobClient

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: ventas)
    }

    func addStatisticsRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("estadisticas", use: statistics)
    }

    @Sendable func ventas(_ request: Request, context: AppRequestContext) async throws -> Response {
        let desde = request.query("desde")
        let hasta = request.query("hasta")
        return try APIJSON.response(try await database.perform { try $0.ventas(desde: desde, hasta: hasta) })
    }

    /// `?desde=&hasta=` (shop days; the last 30 by default), `?top=` (1–50, 10) and
    /// `?umbral_stock=` (5). Queue latency comes from Redis; if Redis fails it is null.
    @Sendable func statistics(_ request: Request, context: AppRequestContext) async throws -> Response {
        let desde = request.query("desde")
        let hasta = request.query("hasta")
        let top = try Self.intQuery(request, "top", range: 1...50, default: 10)
        let umbral = try Self.intQuery(request, "umbral_stock", range: 0...1_000_000, default: 5)
        let (counts, panel) = try await database.perform { db in
            (try db.statistics(), try db.salesPanel(desde: desde, hasta: hasta, top: top, umbralStock: umbral))
        }
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
        guard let raw = request.query(name) else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw APIError.badRequest(
                "El parámetro \(name) debe ser un número entero entre \(range.lowerBound) y \(range.upperBound).")
        }
        return number
    }
}

/// `GET /admin/estadisticas`: the counts at the top level (as before), then the period's
/// panel, and `uso` (messages per channel and type, queue latency).
struct StatisticsBody: Encodable {
    var counts: Estadisticas
    var panel: SalesPanel
    var latencies: [QueueLatency]?

    private enum Keys: String, CodingKey {
        case periodo, ventas, conversion, uso
        case topProductos = "top_productos"
        case topClientes = "top_clientes"
        case stockBajo = "stock_bajo"
    }

    private struct Uso: Encodable {
        var mensajes_por_canal: [MensajesCanal]
        var latencia_colas: [QueueLatency]?
    }

    func encode(to encoder: any Encoder) throws {
        try counts.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(panel.periodo, forKey: .periodo)
        try container.encode(panel.ventas, forKey: .ventas)
        try container.encode(panel.topProductos, forKey: .topProductos)
        try container.encode(panel.topClientes, forKey: .topClientes)
        try container.encode(panel.conversion, forKey: .conversion)
        try container.encode(panel.stockBajo, forKey: .stockBajo)
        try container.encode(
            Uso(mensajes_por_canal: panel.mensajesPorCanal, latencia_colas: latencies), forKey: .uso)
    }
}

/// The active company text the agent answers from: staff read it, admins replace it (the
/// previous version is kept, inactive).
struct ContextoController {
    let database: AppDatabase

    struct Reemplazo: Decodable {
        var contenido: String
    }

    func addReadRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: show)
    }

    func addWriteRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put(use: replace)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let contexto = try await database.perform({ try $0.activeCompanyContext() }) else {
            throw APIError.notFound("Todavía no hay texto de la empresa; cárguelo con PUT /contexto.")
        }
        return try APIJSON.response(contexto)
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(Reemplazo.self, limit: 512 * 1024)
        let contexto = try await database.perform { try $0.replaceCompanyContext(body.contenido) }
        return try APIJSON.response(contexto)
    }
}
