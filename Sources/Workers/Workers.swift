import Assistant
import Foundation
import Integrations
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle
import Shop
import Support

// The workers (`vendedor-workers`): every job kind the front ends enqueue is run here — the
// sales agent's replies, order placement, photos (OCR or Gemini) and voice notes
// (transcription), Telegram downloads and typing, reply delivery (Telegram or a channel's
// signed HTTP callback), catalog import, exports and the catalog's vectors. The handlers are
// thin: they decode a job, call the layer that does the work (Assistant, Shop,
// Integrations) and say how it ended. `buildWorkers(config:)` is the composition root: the
// executable and the tests start exactly this. Any number of worker processes on any number
// of machines share one Redis; `--queues` limits a process to some queues.

/// Everything the workers read from the environment, parsed once at start. Settings of a
/// kind the process does not serve are not required (an export-only worker needs no model
/// key), but a malformed one still stops it.
public struct WorkersConfig: Sendable {
    public var app: AppConfig
    public var options: WorkerService.Options
    public var blobs: BlobConfig
    public var exports: ExportConfig
    public var retrieval: RetrievalConfig
    public var vision: VisionConfig
    public var transcription: TranscriptionConfig
    /// The reply worker's settings; nil when the process does not serve `chat`.
    public var agent: AgentConfig?
    public var telegram: TelegramConfig
    public var callbacks = CallbackConfig()
    public var retention = RetentionConfig()
    /// `METRICS_PORT`: serve `GET /metrics` there (off when unset); `METRICS_HOST`, the
    /// address to bind, is loopback unless set.
    public var metricsPort: Int?
    public var metricsHost = "127.0.0.1"

    public init(
        app: AppConfig, options: WorkerService.Options = .init(), blobs: BlobConfig = BlobConfig(),
        exports: ExportConfig = ExportConfig(), retrieval: RetrievalConfig = RetrievalConfig(provider: .none),
        vision: VisionConfig = VisionConfig(), transcription: TranscriptionConfig = TranscriptionConfig(),
        agent: AgentConfig? = AgentConfig(), telegram: TelegramConfig = TelegramConfig(mode: .off)
    ) {
        self.app = app
        self.options = options
        self.blobs = blobs
        self.exports = exports
        self.retrieval = retrieval
        self.vision = vision
        self.transcription = transcription
        self.agent = agent
        self.telegram = telegram
    }

    public init(environment: Environment, options: WorkerService.Options = .init()) throws {
        let servesChat = options.queues?.contains(ChatMessageJob.queue) ?? true
        try self.init(
            app: AppConfig(environment: environment), options: options,
            blobs: BlobConfig(environment: environment), exports: ExportConfig(environment: environment),
            retrieval: RetrievalConfig(environment: environment), vision: VisionConfig(environment: environment),
            transcription: TranscriptionConfig(environment: environment),
            agent: servesChat ? AgentConfig(environment: environment) : nil,
            telegram: TelegramConfig(environment: environment))
        callbacks = try CallbackConfig(environment: environment)
        retention = try RetentionConfig(environment: environment)
        if environment["METRICS_PORT"] != nil {
            let port = try environment.int("METRICS_PORT", default: 0)
            guard (1...65535).contains(port) else {
                throw ConfigError(setting: "METRICS_PORT", problem: "debe estar entre 1 y 65535")
            }
            metricsPort = port
        }
        metricsHost = environment.string("METRICS_HOST", default: "127.0.0.1")
    }

    /// True when the process serves `queue` (all queues without `--queues`).
    public func serves(_ queue: String) -> Bool { options.queues?.contains(queue) ?? true }
}

/// The workers' process: connects to Redis and the database and returns the service group
/// that runs the job service, the catalog-vector check at start, the completion
/// subscription the reply worker waits on, and the sweepers of expired files, until SIGTERM
/// or SIGINT. `customize` lets a test build register extra handlers (fault injection);
/// production passes nothing. `transport`: the reply worker's outside calls (a benchmark
/// counts them).
public func buildWorkers(
    config: WorkersConfig, label: String = "vendedor-workers", transport: any HTTPTransport = CurlTransport(),
    customize: (inout JobRegistry) -> Void = { _ in }
) async throws -> ServiceGroup {
    let boot = try Bootstrap(config: config.app, label: label)
    let options = config.options
    let store = try await StorageEngine.open(try DatabaseURL(config.app.databaseURL))
    var commerce = CommerceResources(store: store, uploadsDirectory: config.app.uploadsDirectory)
    let blobs = config.blobs.makeStore(table: store)
    commerce.uploads = config.blobs.makeUploads(uploadsDirectory: config.app.uploadsDirectory, table: store)
    commerce.exports = try ExportResources(
        config: config,
        shelf: config.blobs.makeExportShelf(exportsDirectory: config.exports.directory, table: store),
        logger: boot.logger)
    let retrieval = RetrievalResources(store: store, config: config.retrieval)
    let delivery = try DeliveryResources(
        telegram: config.telegram, queuesDirectory: config.app.queuesDirectory, redis: boot.redis,
        blobs: blobs, callbacks: config.callbacks)
    let media = try MediaResources(
        blobs: blobs, vision: config.vision, transcription: config.transcription,
        servesVision: config.serves(ImageMessageJob.queue))
    let waiters = JobWaiters(client: boot.jobs)
    let agent = try config.agent.map {
        try AgentResources.make(
            config: $0, retrieval: config.retrieval, store: store, jobs: boot.jobs, waiters: waiters,
            transport: try ReplyModels.transport(
                $0, base: transport, redis: boot.redis, queuesDirectory: config.app.queuesDirectory,
                logger: boot.logger),
            logger: boot.logger)
    }
    var registry = WorkerHandlers.registry(
        commerce: commerce, media: media, delivery: delivery, agent: agent, retrieval: retrieval)
    customize(&registry)
    let service = try WorkerService(client: boot.jobs, registry: registry, options: options, logger: boot.logger)
    // Shut down in reverse: the job service stops taking jobs first (the reply worker's
    // order waits keep their subscription until it has drained).
    // The trace exporter first, so it stops last and sends the spans of the last jobs.
    var services: [ServiceGroupConfiguration.ServiceConfiguration] =
        boot.traceExporter.map { [.init(service: $0)] } ?? []
    services += [
        .init(service: PeriodicSweeper.blobs(blobs, config: config.blobs, logger: boot.logger)),
        .init(service: PeriodicSweeper.conversations(store, config: config.retention, logger: boot.logger)),
        .init(service: waiters),
    ]
    if let exports = commerce.exports, service.queueNames.contains(ExportJob.queue) {
        services.append(
            .init(
                service: PeriodicSweeper.exports(
                    exports.shelf, interval: exports.config.cleanupInterval, logger: boot.logger)))
    }
    if service.queueNames.contains(ReindexCatalogJob.queue) {
        // Runs once at start; its end is not the process's end.
        services.append(
            .init(
                service: VectorIndexBootstrap(jobs: boot.jobs, resources: retrieval, logger: boot.logger),
                successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
    }
    if let port = config.metricsPort {
        services.append(
            .init(
                service: WorkerMetricsServer.make(
                    host: config.metricsHost, port: port, jobs: boot.jobs, logger: boot.logger)))
    }
    services.append(.init(service: service))
    return ServiceGroup(
        configuration: .init(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: boot.logger))
}

/// What `vendedor-workers` (and the tests' fault-injecting worker) do when run: read the
/// environment once, build the workers, serve until SIGTERM. A bad setting or an unreachable
/// start-up step prints one line and exits with status 1.
public func serveWorkers(options: WorkerService.Options, customize: (inout JobRegistry) -> Void = { _ in }) async throws
{
    let environment = Environment.load()
    let config = startOrExit { try WorkersConfig(environment: environment, options: options) }
    LineLogHandler.bootstrap(file: config.app.logFile, format: config.app.logFormat)
    let logger = Logger(label: "vendedor-workers")
    for line in SettingsCatalog.warnings(environment) { logger.warning("\(line)") }
    let workers = await startOrExitAsync { try await buildWorkers(config: config, customize: customize) }
    try await workers.run()
}

extension WorkerService.Options {
    /// From the command line: `--queues a,b`, `--concurrency N`, `--grace S`.
    public init(queues: String?, concurrency: Int?, graceSeconds: Int) {
        self.init(
            queues: queues.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) },
            concurrency: concurrency)
        grace = .seconds(graceSeconds)
    }
}
