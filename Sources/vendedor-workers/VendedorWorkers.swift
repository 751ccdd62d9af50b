import ArgumentParser
import Assistant
import Foundation
import Integrations
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle
import Shop
import Support
import Workers

@main
struct VendedorWorkers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendedor-workers",
        abstract: "Trabajadores de Vendedor: procesan las colas de Redis.",
        subcommands: [Serve.self, Reindex.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Atiende las colas hasta SIGTERM.")

    @Option(help: "Colas a atender, separadas por comas (por defecto todas las que este ejecutable sabe procesar).")
    var queues: String?

    @Option(help: "Trabajos simultáneos por cola (por defecto, el de cada archivo de cola).")
    var concurrency: Int?

    @Option(help: "Segundos para terminar los trabajos en curso al detenerse.")
    var grace: Int = 20

    func run() async throws {
        let boot = startOrExit { try Bootstrap.make(label: "vendedor-workers") }
        var options = WorkerService.Options(
            queues: queues.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) },
            concurrency: concurrency)
        options.grace = .seconds(grace)
        let database = startOrExit { try AppDatabase.open(try DatabaseURL(boot.config.databaseURL)) }
        var commerce = CommerceResources(database: database, uploadsDirectory: boot.config.uploadsDirectory)
        commerce.exports = startOrExit { try ExportResources.configure(boot, queues: options.queues) }
        let retrievalConfig = startOrExit { try RetrievalConfig(environment: boot.environment) }
        let retrieval = RetrievalResources(database: database, config: retrievalConfig)
        let blobs = startOrExit { try BlobConfig(environment: boot.environment) }
        let delivery = startOrExit { try DeliveryResources.make(boot, blobs: blobs) }
        let media = startOrExit {
            try MediaResources(
                blobs: blobs, vision: try VisionConfig(environment: boot.environment),
                transcription: try TranscriptionConfig(environment: boot.environment),
                servesVision: options.queues?.contains(ImageMessageJob.queue) ?? true)
        }
        let waiters = JobWaiters(client: boot.jobs)
        // The reply worker's settings (model, search data) matter only where `chat` is served.
        let servesChat = options.queues?.contains(ChatMessageJob.queue) ?? true
        let agent =
            servesChat ? startOrExit { try AgentResources.make(boot, database: database, waiters: waiters) } : nil
        let service = startOrExit {
            try WorkerService(
                client: boot.jobs,
                registry: WorkerHandlers.registry(
                    commerce: commerce, media: media, delivery: delivery, agent: agent, retrieval: retrieval),
                options: options, logger: boot.logger)
        }
        if options.queues?.contains(ReindexCatalogJob.queue) ?? true {
            Task { await VectorIndexBootstrap.run(jobs: boot.jobs, resources: retrieval, logger: boot.logger) }
        }
        let sweeper = PeriodicSweeper.blobs(blobs.store, config: blobs, logger: boot.logger)
        // Shut down in reverse: the job service stops taking jobs first (the reply worker's
        // order waits keep their subscription until it has drained).
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: sweeper), .init(service: waiters),
        ]
        if let exports = commerce.exports, service.queueNames.contains(ExportJob.queue) {
            services.append(
                .init(
                    service: PeriodicSweeper.exports(
                        exports.files, interval: exports.config.cleanupInterval, logger: boot.logger)))
        }
        services.append(.init(service: service))
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: boot.logger))
        try await group.run()
    }
}
