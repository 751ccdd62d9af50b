import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Streams one export from SQLite into a file in constant memory: a GRDB cursor steps the
/// statement, cells are read with SQLite's column accessors (no Row values, no Strings) and
/// handed to a `TableSink` that writes bytes into a fixed buffer. The file is written under
/// `<path>.part` and renamed when complete, so a reader never sees half an export.
public enum Exporter {
    public struct Outcome: Sendable, Equatable {
        public var rows: Int
        public var bytes: Int
    }

    /// Rows written so far and the total, reported every `progressInterval` rows.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public static let progressInterval = 8192

    /// Writes the rows `job` selects to `path` (replacing it) in the job's format.
    /// `splitSpan`: the order-id span from which CSV order rows are written by two threads.
    public static func run(
        _ job: ExportJob, database: AppDatabase, to path: String, progress: @escaping Progress = { _, _ in },
        splitSpan: Int64 = ExportQuery.minimumSpanToSplit
    ) throws -> Outcome {
        let query = try ExportQuery.make(job.resource, job.filters)
        let partial = path + ".part"
        defer { try? FileManager.default.removeItem(atPath: partial) }
        // The total, for progress only, is counted on another connection while rows stream.
        let tracker = ExportProgress(report: progress)
        let counting = DispatchGroup()
        DispatchQueue.global(qos: .utility).async(group: counting) {
            let counted = try? database.pool.read { db in
                try Int.fetchOne(db, sql: query.countSQL, arguments: query.statementArguments)
            }
            tracker.total.withLock { $0 = counted ?? 0 }
        }
        defer { counting.wait() }
        let rows: Int
        switch job.format {
        case .csv:
            let separator: UInt8 = job.separator == ";" ? 59 : 44
            if let halves = try query.halves(database, minimumSpan: splitSpan) {
                rows = try csvInHalves(
                    halves, database: database, to: partial, separator: separator, bom: job.bom, tracker: tracker)
            } else {
                let out = try FileByteWriter(path: partial)
                let sink = CSVTableSink(out: out, separator: separator, bom: job.bom)
                rows = try database.pool.read { db in
                    try stream(query, db: db, into: sink, out: out, header: true, maxRows: nil, tracker: tracker)
                }
                try out.close()
            }
        case .xlsx:
            let sheetPath = path + ".hoja.part"
            defer { try? FileManager.default.removeItem(atPath: sheetPath) }
            let out = try FileByteWriter(path: sheetPath)
            let sink = XLSXSheetSink(out: out)
            rows = try database.pool.read { db in
                try stream(
                    query, db: db, into: sink, out: out, header: true, maxRows: XLSXSheetSink.maxDataRows,
                    tracker: tracker)
            }
            sink.finish()
            try out.close()
            try XLSXPackage.write(sheetPath: sheetPath, sheetName: job.resource.sheetName, to: partial)
        }
        return try publish(partial, as: path, rows: rows, progress: progress)
    }

    /// Renames the finished `partial` file to `path` (a reader never sees half an export)
    /// and reports the last progress.
    static func publish(_ partial: String, as path: String, rows: Int, progress: Progress) throws -> Outcome {
        progress(rows, rows)
        guard rename(partial, path) == 0 else {
            throw FileByteWriter.IOError(operation: "rename", path: path, code: errno)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return Outcome(rows: rows, bytes: size)
    }

    /// Writes the header (when asked), then every row; returns the rows written.
    static func stream<Sink: TableSink>(
        _ query: ExportQuery, db: Database, into sink: Sink, out: FileByteWriter, header: Bool, maxRows: Int?,
        tracker: ExportProgress
    ) throws -> Int {
        if header { sink.header(query.columns) }
        let statement = try db.makeStatement(sql: query.selectSQL)
        let cursor = try Row.fetchCursor(statement, arguments: query.statementArguments)
        let handle = statement.sqliteStatement
        let kinds = query.columns.map(\.kind)
        let times = ShopTimeCache(columns: kinds.count)
        let limit = maxRows ?? Int.max
        var rows = 0
        try kinds.withUnsafeBufferPointer { kinds in
            while try cursor.next() != nil {
                sink.beginRow()
                for index in 0..<kinds.count {
                    cell(kinds[index], handle, index, times: times, into: sink)
                }
                sink.endRow()
                rows += 1
                if rows & (progressInterval - 1) == 0 {
                    try out.check()
                    let known = tracker.total.withLock { $0 }
                    if max(known, rows) > limit { throw ExportError.tooManyRows(max(known, rows), limit) }
                    tracker.add(progressInterval)
                }
            }
        }
        if rows > limit { throw ExportError.tooManyRows(rows, limit) }
        return rows
    }

    /// One cell. Text and times need no type check (SQLite hands back a null pointer for
    /// NULL); a whole number is checked only when it reads 0, the value NULL also reads as.
    @inline(__always)
    private static func cell<Sink: TableSink>(
        _ kind: ExportColumnKind, _ handle: SQLiteStatement, _ column: Int, times: ShopTimeCache, into sink: Sink
    ) {
        let index = Int32(column)
        switch kind {
        case .integer:
            let value = sqlite3_column_int64(handle, index)
            if value == 0, sqlite3_column_type(handle, index) == SQLITE_NULL { return sink.empty() }
            sink.integer(value)
        case .text:
            guard let text = sqlite3_column_text(handle, index) else { return sink.empty() }
            sink.text(text, Int(sqlite3_column_bytes(handle, index)))
        case .timestamp:
            guard let text = sqlite3_column_text(handle, index) else { return sink.empty() }
            let length = Int(sqlite3_column_bytes(handle, index))
            if let time = times.parse(text, length, column: column) {
                sink.timestamp(time)
            } else {
                sink.text(text, length)
            }
        case .flag:
            let value = sqlite3_column_int64(handle, index)
            if value == 0, sqlite3_column_type(handle, index) == SQLITE_NULL { return sink.empty() }
            let word = value != 0 ? FlagText.yes : FlagText.no
            sink.text(word.utf8Start, word.utf8CodeUnitCount)
        }
    }
}

/// Why an export cannot be made (the job fails for good with the message).
public enum ExportError: CodedError, Equatable {
    case tooManyRows(Int, Int)

    public var code: ErrorCode { .tooManyRows }

    public var message: String {
        switch self {
        case .tooManyRows(let rows, let limit):
            "La exportación tiene \(Money.grouped(rows)) filas y una hoja de cálculo admite \(Money.grouped(limit)); "
                + "pida el formato csv o use filtros (desde, hasta…)."
        }
    }
}

/// Rows written by one or two streams, reported with the total once another connection has
/// counted it.
final class ExportProgress: Sendable {
    let total = Mutex(0)
    private let written = Mutex(0)
    private let report: Exporter.Progress

    init(report: @escaping Exporter.Progress) {
        self.report = report
    }

    func add(_ rows: Int) {
        let done = written.withLock { value in
            value += rows
            return value
        }
        let known = total.withLock { $0 }
        if known > 0 { report(done, max(known, done)) }
    }
}
