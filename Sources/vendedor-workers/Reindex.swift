import ArgumentParser
import Foundation
import Pipeline
import Shop
import Support

/// `vendedor-workers reindexar [--motivo M] [--esperar]`: enqueues a re-index of the catalog's
/// vectors (the same job as `POST /admin/reindexar`), prints its id and, with `--esperar`,
/// follows its progress on stderr until it finishes.
struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindexar", abstract: "Reconstruye los vectores del catálogo (aparte, y los activa al terminar).")

    @Option(name: [.customLong("reason"), .customLong("motivo")], help: "Motivo, para el registro del trabajo.")
    var reason: String = "manual (línea de comandos)"

    @Flag(name: [.customLong("wait"), .customLong("esperar")], help: "Esperar a que termine, mostrando el progreso.")
    var wait = false

    func run() async throws {
        let boot = startOrExit { try Bootstrap.make(label: "vendedor-reindexar") }
        try await boot.jobs.prepare()
        let enqueued = try await boot.jobs.enqueue(ReindexCatalogJob(reason: reason))
        print(enqueued.id)
        guard wait else { return }
        var last = ""
        while true {
            guard let status = try await boot.jobs.status(enqueued.id) else {
                throw ValidationError("el trabajo \(enqueued.id) ya no existe")
            }
            let line =
                "\(status.state.rawValue)" + (status.progress.map { " \($0.facts)/\($0.total)" } ?? "")
            if line != last {
                FileHandle.standardError.write(Data("reindexado: \(line)\n".utf8))
                last = line
            }
            switch status.state {
            case .completed: return
            case .failed, .dead: throw ExitCode(1)
            default: try await Task.sleep(for: .milliseconds(500))
            }
        }
    }
}
