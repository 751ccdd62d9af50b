import Hummingbird
import Integrations
import JobEngine
import Logging
import NIOCore
import ServiceLifecycle
import Shop

/// What the front end needs, built once by the executable and by the tests.
package struct FrontEndDependencies: Sendable {
    var jobs: JobClient
    var waiters: JobWaiters
    var signer: TokenSigner
    var database: AppDatabase
    /// Where catalog uploads are written for the import workers (`UPLOADS_DIR`).
    var uploadsDirectory: String = "./var/uploads"
    /// Where customers' photos and audio are stored for the media workers (`BLOBS_DIR`).
    var blobsDirectory: String = "./var/blobs"
    /// Where the export workers write files and downloads are served from (`EXPORTS_DIR`).
    package var exportsDirectory: String = "./var/exports"
    package var readinessChecks: [@Sendable () async -> (String, Bool)] = []
    /// The Telegram webhook or poller; nil when Telegram is off.
    package var telegram: TelegramFrontEnd?

    package init(jobs: JobClient, waiters: JobWaiters, signer: TokenSigner, database: AppDatabase, uploadsDirectory: String = "./var/uploads", blobsDirectory: String = "./var/blobs", exportsDirectory: String = "./var/exports", readinessChecks: [@Sendable () async -> (String, Bool)] = [], telegram: TelegramFrontEnd? = nil) {
        self.jobs = jobs
        self.waiters = waiters
        self.signer = signer
        self.database = database
        self.uploadsDirectory = uploadsDirectory
        self.blobsDirectory = blobsDirectory
        self.exportsDirectory = exportsDirectory
        self.readinessChecks = readinessChecks
        self.telegram = telegram
    }
}

/// The composition root of the HTTP front end.
func buildRouter(_ deps: FrontEndDependencies) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    HealthController(redis: deps.jobs.redis, checks: deps.readinessChecks).addRoutes(to: router)
    MetricsController(jobs: deps.jobs).addRoutes(to: router)
    let verifier = TokenVerifier(signer: deps.signer)
    func protected(_ path: RouterPath, _ role: Role) -> RouterGroup<AppRequestContext> {
        router.group(path).add(middleware: AuthMiddleware(verifier: verifier, minimum: role))
    }
    ChatController(jobs: deps.jobs, blobs: BlobStore(directory: deps.blobsDirectory)).addRoutes(
        to: protected("chat", .channel))
    ChatHistoryController(database: deps.database).addRoutes(to: protected("chat", .channel))
    ChatOperatorController(database: deps.database, jobs: deps.jobs).addRoutes(to: protected("chat", .operator))
    JobsController(jobs: deps.jobs, waiters: deps.waiters).addRoutes(to: protected("jobs", .channel))
    AdminQueuesController(jobs: deps.jobs).addRoutes(to: protected("admin", .admin))
    ReindexController(jobs: deps.jobs).addRoutes(to: protected("admin", .admin))
    let products = ProductsController(
        database: deps.database, jobs: deps.jobs, uploadsDirectory: deps.uploadsDirectory)
    products.addReadRoutes(to: protected("productos", .channel))
    products.addWriteRoutes(to: protected("productos", .admin))
    ClientsController(database: deps.database).addRoutes(to: protected("clientes", .operator))
    OrdersController(database: deps.database, jobs: deps.jobs).addRoutes(to: protected("pedidos", .operator))
    ReportsController(database: deps.database, jobs: deps.jobs).addRoutes(to: protected("ventas", .operator))
    ReportsController(database: deps.database, jobs: deps.jobs).addStatisticsRoutes(to: protected("admin", .admin))
    let export = ExportController(
        jobs: deps.jobs, links: DownloadLinkSigner(tokens: deps.signer),
        files: ExportFiles(directory: deps.exportsDirectory))
    export.addDownloadRoutes(to: router.group("exportar/descargas"))
    export.addRoutes(to: protected("exportar", .operator))
    let companyText = CompanyContextController(database: deps.database)
    companyText.addReadRoutes(to: protected("contexto", .operator))
    companyText.addWriteRoutes(to: protected("contexto", .admin))
    ChannelsController(database: deps.database).addRoutes(to: protected("admin", .admin))
    if let telegram = deps.telegram, telegram.config.mode == .webhook, let secret = telegram.config.webhookSecret {
        // Authenticated by Telegram's secret header, not by a bearer token.
        TelegramController(secret: secret, intake: telegram.intake(deps.jobs, logger: deps.jobs.logger))
            .addRoutes(to: router.group("telegram"))
    }
    return router
}

/// `idleTimeout`: a connection with no request in progress and nothing read for that long
/// is closed (keep-alive clients reconnect), so idle or stalled clients cannot pile up
/// connections until the process runs out of file descriptors. A request being answered
/// (a `GET /jobs/{id}?wait=30`) is never cut.
package func buildApplication(
    _ deps: FrontEndDependencies, host: String, port: Int, logger: Logger, idleTimeout: TimeAmount = .seconds(75)
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(deps),
        server: .http1(
            configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()], idleTimeout: idleTimeout)),
        configuration: .init(address: .hostname(host, port: port), serverName: "vendedor"),
        services: [deps.waiters] as [any Service]
            + (deps.telegram?.poller(deps.jobs, logger: logger).map { [$0] } ?? []),
        logger: logger)
}
