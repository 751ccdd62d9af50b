import Foundation
import GRDB
import Synchronization

extension Exporter {
    /// A CSV of order rows written by two threads, the lower and the upper half of the order
    /// ids, each into its own file; the upper file is then appended to the lower one. Both read
    /// transactions begin while this process holds SQLite's write lock, so no commit falls
    /// between them: the two halves come from one snapshot, as a single read would. (The lock
    /// is held only until both have read their first page.)
    static func csvInHalves(
        _ halves: (ExportQuery, ExportQuery), database: AppDatabase, to path: String, separator: UInt8, bom: Bool,
        tracker: ExportProgress
    ) throws -> Int {
        let upperPath = path + ".2"
        defer { try? FileManager.default.removeItem(atPath: upperPath) }
        let outputs = [try FileByteWriter(path: path), try FileByteWriter(path: upperPath)]
        let queries = [halves.0, halves.1]
        let outcomes = HalfOutcomes()
        let begun = DispatchSemaphore(value: 0)
        let running = DispatchGroup()
        try database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            for half in 0..<2 {
                DispatchQueue.global(qos: .userInitiated).async(group: running) {
                    var signalled = false
                    let outcome = Result { () throws -> Int in
                        try database.pool.read { db in
                            // The first read fixes this transaction's snapshot.
                            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
                            begun.signal()
                            signalled = true
                            let sink = CSVTableSink(out: outputs[half], separator: separator, bom: bom && half == 0)
                            return try stream(
                                queries[half], db: db, into: sink, out: outputs[half], header: half == 0, maxRows: nil,
                                tracker: tracker)
                        }
                    }
                    if !signalled { begun.signal() }
                    outcomes.set(half, outcome)
                }
            }
            begun.wait()
            begun.wait()
        }
        running.wait()
        let rows = try outcomes.rows(0) + outcomes.rows(1)
        try outputs[1].close()
        try outputs[0].appendContents(of: upperPath)
        try outputs[0].close()
        return rows
    }
}

/// What each half's thread ended with.
final class HalfOutcomes: Sendable {
    private let outcomes = Mutex<[Result<Int, any Error>?]>([nil, nil])

    func set(_ half: Int, _ outcome: Result<Int, any Error>) {
        outcomes.withLock { $0[half] = outcome }
    }

    func rows(_ half: Int) throws -> Int {
        guard let outcome = outcomes.withLock({ $0[half] }) else { return 0 }
        return try outcome.get()
    }
}
