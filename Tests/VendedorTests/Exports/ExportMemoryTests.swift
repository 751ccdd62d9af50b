import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers
@testable import vendedor_bench

@Suite("Exports: a 100,000-row export keeps the worker's memory bounded")
struct ExportMemoryTests {
    /// Growth of the worker's peak resident memory allowed during the export: the exporter
    /// needs two 256 KB buffers and SQLite's page caches; holding the rows (≈10 MB of CSV, several
    /// times that as Swift values) would not fit.
    static let allowedGrowth = 24 << 20

    @Test(arguments: [ExportFormat.csv, .xlsx])
    func aWorkerProcessExportsAHundredThousandLines(_ format: ExportFormat) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let database = try AppDatabase.open(path: fixture.queuesDirectory.appendingPathComponent("app.db").path)
        try BenchSalesData.seed(database, lines: 100_000)
        var environment = fixture.environment
        environment["SECRET_KEY"] = CommerceHarness.secret
        environment["EXPORTS_DIR"] = fixture.queuesDirectory.appendingPathComponent("exports").path
        let worker = try WorkerProcess(environment: environment, arguments: ["--queues", "exportar"])
        defer { worker.kill() }
        let live = try await eventually(timeout: .seconds(30)) {
            try await fixture.jobs.liveWorkers().contains { $0.pid == Int(worker.pid) }
        }
        try #require(live, "el trabajador no arrancó: \(worker.log)")
        let pid = String(worker.pid)
        let baseline = try #require(ProcessMemory.bytes("VmRSS", pid: pid))
        let reset = ProcessMemory.resetPeak(pid: pid)

        let id = try await fixture.jobs.enqueue(ExportJob(resource: .sales, format: format)).id
        let status = try await fixture.waitFor(id, state: .completed, timeout: .seconds(300))
        let peak = try #require(ProcessMemory.bytes("VmHWM", pid: pid))
        #expect(status?.state == .completed, "\(status?.error ?? "") \(worker.log)")
        let result = try JobCoding.decode(ExportJob.Result.self, from: try #require(status?.result))
        #expect(result.rows == 100_000)
        #expect(status?.progress?.facts == 100_000)
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: environment["EXPORTS_DIR"]!).first {
                $0.hasSuffix("." + format.rawValue)
            })
        let size = try FileManager.default.attributesOfItem(atPath: environment["EXPORTS_DIR"]! + "/" + file)[.size]
        #expect((size as? NSNumber)?.intValue == result.bytes)
        let growth = peak - baseline
        #expect(
            growth < Self.allowedGrowth,
            "pico \(peak >> 20) MB, base \(baseline >> 20) MB, archivo \(result.bytes >> 20) MB, reinicio del pico: \(reset)"
        )
    }
}
