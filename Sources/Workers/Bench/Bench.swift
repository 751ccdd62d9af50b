import ArgumentParser
import Core

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks; imprimen una línea clave=valor por cifra.")

    @Argument(help: "queue | export")
    var name: String

    @Option(help: "Trabajos para el benchmark de colas.")
    var jobs: Int = 200_000

    @Option(help: "Líneas de pedido para el benchmark de exportación.")
    var rows: Int = 1_000_000

    @Option(help: "Python con pandas, para comparar con DataFrame.to_csv (benchmark de exportación).")
    var python: String?

    func run() async throws {
        switch name {
        case "queue":
            try await QueueBench(jobs: jobs).run()
        case "export":
            try await ExportBench(rows: rows, python: python).run()
        default:
            throw ValidationError("benchmark desconocido: \(name) (disponibles: queue, export)")
        }
    }
}
