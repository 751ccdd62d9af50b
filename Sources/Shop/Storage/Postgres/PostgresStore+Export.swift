import Foundation
import NIOCore
import PostgresNIO

// Exports on PostgreSQL: the export's SELECT behind a server-side cursor (DECLARE … NO
// SCROLL in a READ ONLY REPEATABLE READ transaction), fetched a batch at a time and
// written cell by cell from the rows' bytes: memory stays the batch's, whatever the size.
extension PostgresStore {
    static let exportBatch = 2_000

    public func export(_ job: ExportJob, to path: String, progress: @escaping Exporter.Progress) async throws
        -> Exporter.Outcome
    {
        let query = try ExportQuery.make(job.resource, job.filters)
        let (select, count) = try Self.exportSQL(query)
        let logger = self.logger
        return try await Exporter.runAsync(
            job, to: path, progress: progress,
            count: { [self] in
                try await read { try await $0.row(count, logger: logger)?.value("n", as: Int.self) ?? 0 }
            },
            stream: { target in
                try await self.read { connection in
                    try await connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                    do {
                        try await connection.execute(select, logger: logger)
                        let rows = try await Self.fetchAll(connection, into: target, logger: logger)
                        try await connection.execute("COMMIT", logger: logger)
                        return rows
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            })
    }

    /// The DECLARE of the export's cursor and its COUNT, in PostgreSQL's terms: every cell
    /// selected as text or BIGINT (flags as 0/1, times as UTC text as SQLite stores them).
    static func exportSQL(_ query: ExportQuery) throws -> (declare: PostgresQuery, count: PostgresQuery) {
        let parts = query.parts
        let columns = parts.columns.map { column -> String in
            switch column.kind {
            case .integer: "(\(column.expression))::bigint"
            case .flag: "(\(column.expression))::int::bigint"
            case .text: "(\(column.expression))::text"
            case .timestamp: "to_char((\(column.expression)) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')"
            }
        }
        var binds = PostgresBindings()
        var conditions: [String] = []
        for (condition, value) in zip(parts.conditions, parts.values) {
            switch value {
            case let value as String: try binds.append(value)
            case let value as Int64: try binds.append(value)
            case let value as Int: try binds.append(value)
            case let value as Date: try binds.append(value)
            default: throw CorruptValue(description: "export argument of type \(type(of: value))")
            }
            conditions.append(condition.replacingOccurrences(of: "?", with: "$\(binds.count)"))
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let declare = PostgresQuery(
            unsafeSQL: "DECLARE vendedor_export NO SCROLL CURSOR FOR SELECT " + columns.joined(separator: ", ")
                + " FROM " + parts.from + whereClause + " ORDER BY " + parts.orderBy,
            binds: binds)
        let count = PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n FROM " + parts.from + whereClause, binds: binds)
        return (declare, count)
    }

    /// Fetches the cursor batch by batch into the target; returns the rows written.
    static func fetchAll(_ connection: PostgresConnection, into target: Exporter.AsyncTarget, logger: Logger)
        async throws -> Int
    {
        let kinds = target.columns.map(\.kind)
        let times = ShopTimeCache(columns: kinds.count)
        let sink = target.sink
        var rows = 0
        while true {
            var fetched = 0
            for try await row in try await connection.query(
                "FETCH FORWARD \(unescaped: String(exportBatch)) FROM vendedor_export", logger: logger)
            {
                fetched += 1
                sink.beginRow()
                for (index, cell) in row.enumerated() {
                    Self.cell(kinds[index], cell.bytes, column: index, times: times, into: sink)
                }
                sink.endRow()
                rows += 1
                try target.rowWritten(rows)
            }
            if fetched < exportBatch { return rows }
        }
    }

    /// One cell from its binary value (BIGINT: 8 bytes big-endian; text: UTF-8).
    private static func cell(
        _ kind: ExportColumnKind, _ bytes: ByteBuffer?, column: Int, times: ShopTimeCache, into sink: any TableSink
    ) {
        guard let bytes else { return sink.empty() }
        switch kind {
        case .integer:
            guard let value = bytes.getInteger(at: bytes.readerIndex, as: Int64.self) else { return sink.empty() }
            sink.integer(value)
        case .flag:
            guard let value = bytes.getInteger(at: bytes.readerIndex, as: Int64.self) else { return sink.empty() }
            let word = value != 0 ? FlagText.yes : FlagText.no
            sink.text(word.utf8Start, word.utf8CodeUnitCount)
        case .text:
            withText(bytes) { sink.text($0, $1) }
        case .timestamp:
            withText(bytes) { text, length in
                if let time = times.parse(text, length, column: column) {
                    sink.timestamp(time)
                } else {
                    sink.text(text, length)
                }
            }
        }
    }

    private static func withText(_ bytes: ByteBuffer, _ body: (UnsafePointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeReadableBytes { raw in
            if let base = raw.baseAddress, raw.count > 0 {
                body(base.assumingMemoryBound(to: UInt8.self), raw.count)
            } else {
                var empty: UInt8 = 0
                withUnsafePointer(to: &empty) { body($0, 0) }
            }
        }
    }
}
