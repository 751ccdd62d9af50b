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
        subcommands: [Serve.self, Reindex.self, ImportLegacy.self],
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
        try await serveWorkers(options: .init(queues: queues, concurrency: concurrency, graceSeconds: grace))
    }
}
