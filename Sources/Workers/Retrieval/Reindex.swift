import ArgumentParser
import Core
import Foundation

/// `vendedor-workers reindexar [--motivo M] [--esperar]`: enqueues a re-index of the catalog's
/// vectors (the same job as `POST /admin/reindexar`), prints its id and, with `--esperar`,
/// follows its progress on stderr until it finishes.
struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindexar", abstract: "Reconstruye los vectores del catálogo (aparte, y los activa al terminar).")

    @Option(help: "Motivo, para el registro del trabajo.")
    var motivo: String = "manual (línea de comandos)"

    @Flag(help: "Esperar a que termine, mostrando el progreso.")
    var esperar = false

    func run() async throws {
        let boot = startOrExit { try Bootstrap.make(label: "vendedor-reindexar") }
        try await boot.jobs.prepare()
        let enqueued = try await boot.jobs.enqueue(ReindexCatalogJob(motivo: motivo))
        print(enqueued.id)
        guard esperar else { return }
        var last = ""
        while true {
            guard let status = try await boot.jobs.status(enqueued.id) else {
                throw ValidationError("el trabajo \(enqueued.id) ya no existe")
            }
            let line =
                "\(status.estado)" + (status.progreso.map { " \($0.hechos)/\($0.total)" } ?? "")
            if line != last {
                FileHandle.standardError.write(Data("reindexado: \(line)\n".utf8))
                last = line
            }
            switch status.estado {
            case "completado": return
            case "fallido", "muerto": throw ExitCode(1)
            default: try await Task.sleep(for: .milliseconds(500))
            }
        }
    }
}
