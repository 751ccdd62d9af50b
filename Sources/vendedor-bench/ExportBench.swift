import Foundation
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle
import Shop
import Workers

/// `ops/bench export`: `rows` order lines (the `ventas` export) to CSV through the real job
/// path (enqueue → export worker → signed link), against the Redis of REDIS_URL and the
/// fresh SQLite file of DATABASE_URL. Prints rows per second and the worker's peak resident
/// memory during the export; with `python` (a venv with pandas), also pandas' `to_csv` rows
/// per second on the same rows, loaded beforehand (only the write is timed). Each side runs
/// `runs` times and its fastest run is reported; the peak memory is the highest of the runs.
struct ExportBench {
    var rows: Int
    var python: String?
    /// Runs of each side; the fastest counts (a shared machine only ever slows a run down).
    var runs = 3

    func run() async throws {
        var made = try Bootstrap.make(label: "vendedor-bench")
        made.logger.logLevel = .warning
        let boot = made
        try await boot.jobs.prepare()
        let databaseURL = try DatabaseURL(boot.config.databaseURL)
        let database = try AppDatabase.open(databaseURL)
        let databasePath = databaseURL.absolutePath()
        let scratch = URL(fileURLWithPath: databasePath).deletingLastPathComponent()
        let exports = ExportResources(
            config: ExportConfig(directory: scratch.appendingPathComponent("exports").path),
            links: DownloadLinkSigner(secret: try boot.config.requiredSecretKey()))
        Self.say("generando \(rows) líneas de pedido en \(databasePath)…")
        try BenchSalesData.seed(database, lines: rows)
        let commerce = CommerceResources(
            database: database, uploadsDirectory: scratch.appendingPathComponent("uploads").path, exports: exports)
        let service = try WorkerService(
            client: boot.jobs, registry: WorkerHandlers.registry(commerce: commerce),
            options: .init(queues: [ExportJob.queue]), logger: boot.logger)
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], gracefulShutdownSignals: [], logger: boot.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await Task.sleep(for: .milliseconds(200))
            // Give back what generating the data left in malloc's arenas: the peak below is the export's.
            _ = mallocTrim(0)
            var best: Run?
            var peak = 0
            for round in 1...runs {
                if !ProcessMemory.resetPeak(), round == 1 {
                    Self.say("aviso: no se pudo reiniciar VmHWM; max_rss_mb incluye la generación de datos")
                }
                Self.say("exportando ventas a CSV (\(round) de \(runs))…")
                let run = try await exportOnce(boot.jobs, files: exports.files)
                peak = max(peak, ProcessMemory.bytes("VmHWM") ?? 0)
                if best == nil || run.seconds < best!.seconds { best = run }
            }
            let result = best!.result
            let elapsed = best!.seconds
            print("export.rows=\(result.rows)")
            print("export.bytes=\(result.bytes)")
            print("export.seconds=\(String(format: "%.3f", elapsed))")
            print("export.rows_per_s=\(Int(Double(result.rows) / elapsed))")
            print("export.cpu_seconds=\(String(format: "%.3f", best!.cpu))")
            print("export.max_rss_mb=\(String(format: "%.1f", Double(peak) / 1_048_576))")
            if let python {
                let pandas = try pandasRowsPerSecond(python: python, database: databasePath, scratch: scratch)
                print("export.pandas_rows_per_s=\(pandas)")
                print("export.vs_pandas=\(String(format: "%.2f", Double(result.rows) / elapsed / Double(pandas)))")
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    struct Run {
        var result: ExportJob.Result
        var seconds: Double
        var cpu: Double
    }

    /// One export job, enqueue to completion; its file is removed afterwards (disk space).
    private func exportOnce(_ jobs: JobClient, files: ExportFiles) async throws -> Run {
        let clock = ContinuousClock()
        let cpuBefore = ProcessMemory.cpuSeconds()
        let start = clock.now
        let id = try await jobs.enqueue(ExportJob(resource: .sales)).id
        var status = try await jobs.status(id)
        while status?.isFinished != true {
            try await Task.sleep(for: .milliseconds(5))
            status = try await jobs.status(id)
        }
        let seconds = (clock.now - start).seconds
        let cpu = ProcessMemory.cpuSeconds() - cpuBefore
        guard status?.state == .completed, let text = status?.result else {
            throw BenchFailure("la exportación terminó en \(status?.state.rawValue ?? "?"): \(status?.error ?? "")")
        }
        let result = try JobCoding.decode(ExportJob.Result.self, from: text)
        guard result.rows == rows else { throw BenchFailure("se exportaron \(result.rows) filas de \(rows)") }
        files.removeFiles(ofJob: id)
        return Run(result: result, seconds: seconds, cpu: cpu)
    }

    /// Runs ops/bench-export-pandas.py on the same SELECT and returns its rows per second.
    private func pandasRowsPerSecond(python: String, database: String, scratch: URL) throws -> Int {
        let query = try ExportQuery.make(.sales, ExportFilters())
        let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? FileManager.default.currentDirectoryPath
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            root + "/ops/bench-export-pandas.py", database, query.selectSQL, #"["cancelado"]"#,
            scratch.appendingPathComponent("pandas.csv").path, String(runs),
        ]
        let output = Pipe()
        process.standardOutput = output
        Self.say("pandas: leyendo las mismas filas y midiendo to_csv…")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("rows_per_s=") }),
            let value = Int(line.dropFirst("rows_per_s=".count))
        else { throw BenchFailure("el script de pandas falló (código \(process.terminationStatus)): \(text)") }
        return value
    }

    static func say(_ message: String) {
        FileHandle.standardError.write(Data("[bench] \(message)\n".utf8))
    }
}

/// glibc's `malloc_trim` (not in Swift's Glibc module).
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
