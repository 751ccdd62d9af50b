import ArgumentParser
import FaultInjection
import JobEngine
import Workers

/// `vendedor-fault-worker`: the production workers (`buildWorkers`) plus the tests' no-op
/// handler that can wait, fail, pause or die on request (`FaultJob`). Only the tests spawn
/// it (for the engine tests that kill or stop a worker process); it is never deployed.
@main
struct FaultWorker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendedor-fault-worker", abstract: "Trabajadores de prueba con fallos a pedido (solo pruebas).")

    @Option var queues: String?
    @Option var concurrency: Int?
    @Option var grace: Int = 20

    func run() async throws {
        try await serveWorkers(options: .init(queues: queues, concurrency: concurrency, graceSeconds: grace)) {
            $0.register(FaultInjectionHandler())
        }
    }
}
