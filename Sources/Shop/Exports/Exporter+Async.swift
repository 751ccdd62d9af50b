import Foundation

extension Exporter {
    /// What an engine streaming rows asynchronously (PostgreSQL) hands its cells to: the
    /// sink of the job's format, its file, the row cap (XLSX) and the progress tracker.
    struct AsyncTarget {
        var sink: any TableSink
        var out: FileByteWriter
        var maxRows: Int?
        var tracker: ExportProgress
        var columns: [ExportColumn]

        /// Counts a written row; every `progressInterval` rows checks the file and the cap.
        func rowWritten(_ rows: Int) throws {
            guard rows & (progressInterval - 1) == 0 else { return }
            try out.check()
            let known = tracker.total.withLock { $0 }
            if let maxRows, max(known, rows) > maxRows { throw ExportError.tooManyRows(max(known, rows), maxRows) }
            tracker.add(progressInterval)
        }
    }

    /// Writes `job` to `path` like `run` (header written here), with the rows from an
    /// asynchronous `stream` (which writes each row's cells through the target and returns
    /// how many it wrote) and the total from `count` (progress only; runs beside the stream).
    static func runAsync(
        _ job: ExportJob, to path: String, progress: @escaping Progress,
        count: @escaping @Sendable () async throws -> Int,
        stream: (AsyncTarget) async throws -> Int
    ) async throws -> Outcome {
        let query = try ExportQuery.make(job.resource, job.filters)
        let partial = path + ".part"
        defer { try? FileManager.default.removeItem(atPath: partial) }
        let tracker = ExportProgress(report: progress)
        let counting = Task {
            let counted = (try? await count()) ?? 0
            tracker.total.withLock { $0 = counted }
        }
        defer { counting.cancel() }
        let rows: Int
        switch job.format {
        case .csv:
            let out = try FileByteWriter(path: partial)
            let sink = CSVTableSink(out: out, separator: job.separator == ";" ? 59 : 44, bom: job.bom)
            sink.header(query.columns)
            rows = try await stream(
                AsyncTarget(sink: sink, out: out, maxRows: nil, tracker: tracker, columns: query.columns))
            try out.close()
        case .xlsx:
            let sheetPath = path + ".hoja.part"
            defer { try? FileManager.default.removeItem(atPath: sheetPath) }
            let out = try FileByteWriter(path: sheetPath)
            let sink = XLSXSheetSink(out: out)
            sink.header(query.columns)
            rows = try await stream(
                AsyncTarget(
                    sink: sink, out: out, maxRows: XLSXSheetSink.maxDataRows, tracker: tracker,
                    columns: query.columns))
            if rows > XLSXSheetSink.maxDataRows { throw ExportError.tooManyRows(rows, XLSXSheetSink.maxDataRows) }
            sink.finish()
            try out.close()
            try XLSXPackage.write(sheetPath: sheetPath, sheetName: job.resource.sheetName, to: partial)
        }
        return try publish(partial, as: path, rows: rows, progress: progress)
    }
}

extension ExportQuery {
    /// The query's parts for another engine: the column expressions, FROM, conditions
    /// (each with one `?`) with their values, ORDER BY.
    var parts: (columns: [ExportColumn], from: String, conditions: [String], values: [any Sendable], orderBy: String) {
        (columns, from, conditions, arguments.map { $0 as any Sendable }, orderBy)
    }
}
