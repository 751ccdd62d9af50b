import ArgumentParser
import Core

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks; imprimen una línea clave=valor por cifra.")

    @Argument(help: "queue")
    var name: String

    @Option(help: "Trabajos para el benchmark de colas.")
    var jobs: Int = 200_000

    func run() async throws {
        switch name {
        case "queue":
            try await QueueBench(jobs: jobs).run()
        default:
            throw ValidationError("benchmark desconocido: \(name) (disponibles: queue)")
        }
    }
}
