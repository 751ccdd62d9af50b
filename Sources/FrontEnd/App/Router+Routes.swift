import Hummingbird
import Integrations
import JobEngine
import Shop

/// Every route of the front end, with the role each needs. Each is described in
/// `Resources/openapi.json` (`APIDocumentTests` checks both ways).
func buildRouter(_ deps: FrontEndDependencies) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: HTTPTracingMiddleware())
    router.add(middleware: HTTPMetricsMiddleware())
    if deps.cors.isEnabled { router.add(middleware: CORSMiddleware(policy: deps.cors)) }
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: QueryParameterMiddleware(document: .shared))
    HealthController(redis: deps.jobs.redis, checks: deps.readinessChecks, searchMode: deps.searchMode)
        .addRoutes(to: router)
    APIDocsController().addRoutes(to: router)
    MetricsController(jobs: deps.jobs).addRoutes(to: router)
    let verifier = TokenVerifier(signer: deps.signer)
    let requestGuard = RequestGuard(redis: deps.jobs.redis, limits: deps.limits)
    func protected(_ path: RouterPath, _ role: Role, guardsHere: Bool = true) -> RouterGroup<AppRequestContext> {
        router.group(path).add(
            middleware: AuthMiddleware(
                verifier: verifier, minimum: role, requestGuard: requestGuard, guardsHere: guardsHere))
    }
    // The chat routes check the token and the chat's limits in one call (`RequestGuard`).
    ChatController(
        jobs: deps.jobs, blobs: deps.blobs, requestGuard: requestGuard,
        uploads: UploadSlots(capacity: deps.limits.maxConcurrentUploads)
    ).addRoutes(to: protected("chat", .channel, guardsHere: false))
    ChatHistoryController(store: deps.store).addRoutes(to: protected("chat", .channel))
    ChatOperatorController(store: deps.store, jobs: deps.jobs).addRoutes(to: protected("chat", .operator))
    JobsController(
        jobs: deps.jobs, waiters: deps.waiters,
        polls: WaitPolls(capacity: deps.limits.maxWaitPolls, perToken: deps.limits.maxWaitPollsPerToken)
    ).addRoutes(to: protected("jobs", .channel))
    AdminQueuesController(jobs: deps.jobs).addRoutes(to: protected("admin", .admin))
    ReindexController(store: deps.store, jobs: deps.jobs, uploads: deps.uploads).addRoutes(
        to: protected("admin", .admin))
    let products = ProductsController(
        store: deps.store, jobs: deps.jobs, uploads: deps.uploads)
    products.addReadRoutes(to: protected("productos", .channel))
    products.addWriteRoutes(to: protected("productos", .admin))
    ClientsController(store: deps.store).addRoutes(to: protected("clientes", .operator))
    OrdersController(store: deps.store, jobs: deps.jobs).addRoutes(to: protected("pedidos", .operator))
    ReportsController(store: deps.store, jobs: deps.jobs).addRoutes(to: protected("ventas", .operator))
    ReportsController(store: deps.store, jobs: deps.jobs).addStatisticsRoutes(to: protected("admin", .admin))
    let export = ExportController(
        jobs: deps.jobs, links: DownloadLinkSigner(tokens: deps.signer),
        shelf: deps.exportShelf)
    export.addDownloadRoutes(to: router.group("exportar/descargas"))
    export.addRoutes(to: protected("exportar", .operator))
    let companyText = CompanyContextController(store: deps.store)
    companyText.addReadRoutes(to: protected("contexto", .operator))
    companyText.addWriteRoutes(to: protected("contexto", .admin))
    ChannelsController(store: deps.store, addresses: deps.callbackAddresses).addRoutes(
        to: protected("admin", .admin))
    ConsoleController(
        store: deps.store, jobs: deps.jobs, config: deps.console, blobs: deps.blobs, uploads: deps.uploads
    ).addRoutes(to: router)
    if let telegram = deps.telegram, telegram.config.mode == .webhook, let secret = telegram.config.webhookSecret {
        // Authenticated by Telegram's secret header, not by a bearer token.
        TelegramController(secret: secret, intake: telegram.intake(deps.jobs, logger: deps.jobs.logger))
            .addRoutes(to: router.group("telegram"))
    }
    return router
}
