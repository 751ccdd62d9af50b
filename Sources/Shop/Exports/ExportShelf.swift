import Foundation

/// Where finished exports wait for their download link: the exports directory (`ExportFiles`,
/// `BLOBS_BACKEND=local`; shared storage when front ends and workers are on other hosts) or
/// the database's blob table (`DatabaseExportShelf`, `BLOBS_BACKEND=database`: any front end
/// serves any link). The export is always written to a local file first (`workPath`), in
/// constant memory, then `publish`ed.
public protocol ExportShelf: Sendable {
    /// The local file the export named `name` is written to.
    func workPath(for name: String) throws -> String
    /// Makes the file written at `workPath(for: name)` downloadable until `expires` (Unix s).
    func publish(_ name: String, expires: Int) async throws
    /// Removes what an earlier attempt of job `jobId` left on the local disk.
    func removeFiles(ofJob jobId: String) async
    /// The export `name`, for its download; nil when it is gone.
    func download(_ name: String) async throws -> ExportDownload?
    /// Deletes expired exports (and stale partial files); returns how many.
    func sweep(now: Date) async -> Int
}

/// How a download's bytes are read: a local file, or chunks pulled one at a time.
public enum ExportDownload: Sendable {
    case file(path: String)
    /// `size` bytes, handed to the callback a chunk at a time by `read`.
    case chunks(size: Int, read: @Sendable (_ each: (Data) async throws -> Void) async throws -> Void)
}

extension ExportFiles: ExportShelf {
    public func workPath(for name: String) throws -> String {
        try createDirectory()
        return path(of: name)
    }

    /// The file is already where downloads are served from.
    public func publish(_ name: String, expires: Int) async throws {}

    public func download(_ name: String) async throws -> ExportDownload? {
        let path = path(of: name)
        return FileManager.default.fileExists(atPath: path) ? .file(path: path) : nil
    }
}

/// Exports kept in the database (`BLOBS_BACKEND=database`) under `exportes/<name>` with
/// their expiry; the exports directory only holds the file while it is being written.
public struct DatabaseExportShelf: ExportShelf {
    let table: any BlobTable
    let scratch: ExportFiles

    public init(table: any BlobTable, scratch: ExportFiles) {
        self.table = table
        self.scratch = scratch
    }

    static func key(_ name: String) -> String { "exportes/" + name }

    public func workPath(for name: String) throws -> String {
        try scratch.workPath(for: name)
    }

    public func publish(_ name: String, expires: Int) async throws {
        let path = scratch.path(of: name)
        let source = try BlobFileSource(path: path)
        try await table.writeBlob(
            Self.key(name), from: source, expires: Date(timeIntervalSince1970: Double(expires)), replace: true)
        try? FileManager.default.removeItem(atPath: path)
    }

    public func removeFiles(ofJob jobId: String) async {
        scratch.removeFiles(ofJob: jobId)
    }

    public func download(_ name: String) async throws -> ExportDownload? {
        let key = Self.key(name)
        guard let info = try await table.blobInfo(key) else { return nil }
        if let expires = info.expires, expires <= Date() { return nil }
        let table = self.table
        return .chunks(size: info.size) { each in
            guard try await table.readBlob(key, each) else { throw BlobTableError.vanished(key) }
        }
    }

    public func sweep(now: Date) async -> Int {
        let removed = (try? await table.deleteBlobs(expiredBy: now)) ?? 0
        return removed + scratch.sweep(now: now)
    }
}
