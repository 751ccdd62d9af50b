import Logging
import ServiceLifecycle

@testable import FaultInjection
@testable import JobEngine
@testable import Shop
@testable import Workers

/// A worker service running inside the test process (for tests that don't kill it).
final class InProcessWorker: @unchecked Sendable {
    let service: WorkerService
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// With `database`, the commerce kinds (orders, catalog import; exports with `exports`) run
    /// too; with `delivery` as well, the delivery and Telegram kinds.
    init(
        _ fixture: QueueFixture, queues: Set<String>? = nil, concurrency: Int? = nil, database: AppDatabase? = nil,
        uploadsDirectory: String = "./var/uploads", extraQueues: Set<String> = [], delivery: DeliveryResources? = nil,
        exports: ExportResources? = nil
    ) throws {
        let commerce = database.map {
            CommerceResources(database: $0, uploadsDirectory: uploadsDirectory, exports: exports)
        }
        var registry = WorkerHandlers.registry(commerce: commerce, delivery: delivery)
        registry.register(FaultInjectionHandler())
        for queue in extraQueues { registry.serve(queue: queue) }
        service = try WorkerService(
            client: fixture.jobs, registry: registry,
            options: .init(queues: queues, concurrency: concurrency), logger: fixture.logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service)], gracefulShutdownSignals: [], logger: fixture.logger))
        self.group = group
        task = Task { try await group.run() }
    }

    /// A worker serving the kinds of `registry` (e.g. media handlers beside recording
    /// stand-ins for the workers downstream).
    init(_ fixture: QueueFixture, registry: JobRegistry, queues: Set<String>? = nil) throws {
        service = try WorkerService(
            client: fixture.jobs, registry: registry, options: .init(queues: queues), logger: fixture.logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service)], gracefulShutdownSignals: [], logger: fixture.logger))
        self.group = group
        task = Task { try await group.run() }
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
