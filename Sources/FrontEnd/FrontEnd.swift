import Hummingbird
import Integrations
import JobEngine
import Logging
import NIOCore
import Pipeline
import ServiceLifecycle
import Shop
import Support

// The front end (`vendedor-enqueuer`): HTTP and Telegram in, jobs out. It authenticates,
// validates, stores uploads (catalog files, customers' photos and voice notes) and enqueues
// jobs into Redis, answering `202` with the job's id; it never calls a paid outside API
// (except Telegram's `getUpdates` in polling mode, which only receives) and never places
// an order. It reads the shop's records for staff routes and makes the small staff edits
// (products, clients, order states, company text). `buildFrontEnd(config:)` is its
// composition root: the executable and the tests start exactly this.

/// Everything the front end reads from the environment, parsed once at start.
public struct FrontEndConfig: Sendable {
    public var app: AppConfig
    public var blobs: BlobConfig
    public var exports: ExportConfig
    public var embeddings: EmbeddingConfig
    public var telegram: TelegramConfig
    public var console = ConsoleConfig()
    public var limits: LimitsConfig
    public var callbacks: CallbackConfig
    /// Browser origins allowed to call the API (`CORS_ORIGINS`).
    public var cors: CORSPolicy = .none
    /// Where the demo catalog and company text are loaded from into an empty database.
    public var demoDataDirectory = "data"
    /// A connection with nothing in progress and nothing read for this long is closed.
    public var idleTimeout: TimeAmount = .seconds(75)

    public init(
        app: AppConfig, blobs: BlobConfig = BlobConfig(), exports: ExportConfig = ExportConfig(),
        embeddings: EmbeddingConfig = EmbeddingConfig(provider: .none),
        telegram: TelegramConfig = TelegramConfig(mode: .off), limits: LimitsConfig = LimitsConfig(),
        callbacks: CallbackConfig = CallbackConfig()
    ) {
        self.app = app
        self.blobs = blobs
        self.exports = exports
        self.embeddings = embeddings
        self.telegram = telegram
        self.limits = limits
        self.callbacks = callbacks
    }

    /// A missing or malformed setting throws a `ConfigError` naming it.
    public init(environment: Support.Environment) throws {
        try self.init(
            app: AppConfig(environment: environment), blobs: BlobConfig(environment: environment),
            exports: ExportConfig(environment: environment), embeddings: EmbeddingConfig(environment: environment),
            telegram: TelegramConfig(environment: environment), limits: LimitsConfig(environment: environment),
            callbacks: CallbackConfig(environment: environment))
        console = try ConsoleConfig(environment: environment)
        cors = try CORSPolicy(environment: environment)
        _ = try app.requiredSecretKey()
    }
}

/// The front end's process: connects to Redis (loading the queue scripts) and the database,
/// loads the demo data into an empty database, and returns the service group that serves
/// HTTP (and polls Telegram in polling mode) until SIGTERM or SIGINT.
public func buildFrontEnd(config: FrontEndConfig, label: String = "vendedor-enqueuer") async throws -> ServiceGroup {
    let boot = try Bootstrap(config: config.app, label: label)
    let secret = try config.app.requiredSecretKey()
    try await boot.jobs.prepare()
    let store = try await StorageEngine.open(try DatabaseURL(config.app.databaseURL))
    try await DemoData.seedIfEmpty(
        store, directory: config.demoDataDirectory, logger: boot.logger, jobs: boot.jobs,
        embeddings: config.embeddings)
    var deps = FrontEndDependencies(
        jobs: boot.jobs, waiters: JobWaiters(client: boot.jobs), signer: TokenSigner(secret: secret),
        store: store, uploadsDirectory: config.app.uploadsDirectory, blobsDirectory: config.blobs.directory,
        exportsDirectory: config.exports.directory)
    deps.blobsBackend = config.blobs.backend
    deps.console = config.console
    deps.cors = config.cors
    deps.telegram = try TelegramFrontEnd(config: config.telegram, queuesDirectory: config.app.queuesDirectory)
    deps.limits = config.limits
    deps.callbackAddresses = config.callbacks.addresses
    deps.readinessChecks = [
        { ("base_de_datos", (try? await store.productCategories()) != nil) }
    ]
    let searchModel = config.embeddings.makeEmbedder(transport: CurlTransport(), forQueries: true)?.model
    deps.searchMode = { await SearchMode.current(store: store, model: searchModel) }
    let app = buildApplication(
        deps, host: config.app.host, port: config.app.port, logger: boot.logger, idleTimeout: config.idleTimeout)
    // The trace exporter first: services stop in reverse order, so it sends the last spans.
    let services: [any Service] = (boot.traceExporter.map { [$0] } ?? []) + [app]
    return ServiceGroup(
        configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: boot.logger))
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
            configuration: .init(
                additionalChannelHandlers: [UnreadBodyHandler(), ExpectContinueHandler()], idleTimeout: idleTimeout)),
        configuration: .init(address: .hostname(host, port: port), serverName: "vendedor"),
        services: [deps.waiters, RedisMemoryWatch(jobs: deps.jobs, logger: logger)] as [any Service]
            + (deps.telegram?.poller(deps.jobs, logger: logger).map { [$0] } ?? []),
        logger: logger)
}
