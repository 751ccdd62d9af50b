import ArgumentParser
import Foundation
import Pipeline
import Shop
import Support

/// `vendedor-workers import-legacy PATH [--dry-run]`: brings a shop over from the old Python
/// backend's SQLite database (`LegacyImporter`) into `DATABASE_URL` (SQLite or PostgreSQL, in
/// one transaction), prints progress on large
/// tables and a summary table, then enqueues a re-index of the catalog's vectors. Running it
/// twice changes nothing the second time.
struct ImportLegacy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-legacy",
        abstract: "Importa la base de datos del sistema anterior (app.db de FastAPI).")

    @Argument(help: "Ruta del app.db del sistema anterior.")
    var path: String

    @Flag(help: "Solo mostrar lo que se haría; no cambia nada.")
    var dryRun = false

    @Option(help: "Sujeto del token del canal HTTP que continuará los chats importados.")
    var chatOwner: String?

    func run() async throws {
        let environment = Environment.load()
        let config = startOrExit { try AppConfig(environment: environment) }
        let store = await startOrExitAsync { try await StorageEngine.open(try DatabaseURL(config.databaseURL)) }
        var configured = LegacyImporter(dryRun: dryRun, chatOwner: chatOwner)
        configured.progress = { line in FileHandle.standardError.write(Data("importando \(line)\n".utf8)) }
        let importer = configured
        let report: LegacyImportReport
        do {
            report = try await importer.run(from: path, into: store)
            await store.close()
        } catch {
            await store.close()
            FileHandle.standardError.write(Data("vendedor: la importación no se hizo: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print(dryRun ? "Simulación: no se cambió nada.\n" : "Importación terminada.\n")
        print(report.table)
        if !report.notes.isEmpty {
            print("\nObservaciones (\(report.notes.count)):")
            for note in report.notes { print("- \(note)") }
        }
        guard !dryRun, (report.tally("productos")?.created ?? 0) + (report.tally("productos")?.updated ?? 0) > 0 else {
            return
        }
        do {
            let boot = try Bootstrap(config: config, label: "vendedor-import-legacy")
            try await boot.jobs.prepare()
            let job = try await boot.jobs.enqueue(ReindexCatalogJob(reason: "importación del sistema anterior"))
            print("\nReindexado de vectores encolado: \(job.id)")
        } catch {
            print(
                "\nNo se pudo encolar el reindexado (\(error)); ejecute `vendedor-workers reindexar` cuando Redis esté disponible."
            )
        }
    }
}
