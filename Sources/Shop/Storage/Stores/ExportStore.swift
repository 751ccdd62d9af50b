import Foundation

/// Exports streamed from the engine into a file in constant memory.
public protocol ExportStore: Sendable {
    /// Writes the rows `job` selects to `path` (replacing it) in the job's format.
    func export(_ job: ExportJob, to path: String, progress: @escaping Exporter.Progress) async throws
        -> Exporter.Outcome
}
