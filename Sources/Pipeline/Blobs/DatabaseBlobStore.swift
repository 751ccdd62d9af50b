import Foundation
import Integrations
import Shop
import Support

/// Blobs in the database's blob table (`BLOBS_BACKEND=database`): any front end stores a
/// customer's photo and any worker on any host reads it, with no shared disk. Written in
/// chunks straight from the bytes already in memory (no second copy of the file), read back
/// a chunk at a time: into one buffer for `load`, into a temporary file for `withLocalFile`.
public struct DatabaseBlobStore: BlobStore {
    let table: any BlobTable

    public init(table: any BlobTable) {
        self.table = table
    }

    public func store(_ data: Data) async throws -> String {
        let key = try await BlockingPool.shared.run { BlobKey.of(data) }
        try await table.writeBlob(key, from: data, expires: nil, replace: false)
        return key
    }

    public func load(_ key: String) async throws -> Data {
        guard BlobKey.isValid(key) else { throw BlobError.invalidKey(key) }
        guard let info = try await table.blobInfo(key) else { throw BlobError.missing(key) }
        var data = Data(capacity: info.size)
        guard try await table.readBlob(key, { data.append($0) }) else { throw BlobError.missing(key) }
        return data
    }

    public func withLocalFile<T: Sendable>(_ key: String, _ body: (URL) async throws -> T) async throws -> T {
        guard BlobKey.isValid(key) else { throw BlobError.invalidKey(key) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vendedor-blob-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        do {
            let found = try await table.readBlob(key) { try handle.write(contentsOf: $0) }
            try handle.close()
            guard found else { throw BlobError.missing(key) }
        } catch {
            try? handle.close()
            throw error
        }
        return try await body(file)
    }

    public func contains(_ key: String) async -> Bool {
        guard BlobKey.isValid(key) else { return false }
        return (try? await table.blobInfo(key)) != nil
    }

    public func removeExpired(olderThan seconds: TimeInterval, now: Date) async throws -> Int {
        try await table.deleteBlobs(storedBefore: now.addingTimeInterval(-seconds))
    }
}

extension BlobConfig {
    /// The blob store `BLOBS_BACKEND` names; `table` is the process's storage (`DATABASE_URL`).
    public func makeStore(table: any BlobTable) -> any BlobStore {
        switch backend {
        case .local: LocalBlobStore(directory: directory)
        case .database: DatabaseBlobStore(table: table)
        }
    }

    /// Where uploaded catalog files wait for the import worker: `UPLOADS_DIR` with the local
    /// backend, the blob table with the database one.
    ///
    /// Where finished exports are kept for their download links: `EXPORTS_DIR` with the local
    /// backend, the blob table with the database one (written to `EXPORTS_DIR` first).
    public func makeUploads(uploadsDirectory: String, table: any BlobTable) -> any CatalogUploads {
        switch backend {
        case .local: UploadDirectory(directory: uploadsDirectory)
        case .database: DatabaseUploads(table: table)
        }
    }

    /// Where finished exports are kept (see above) for their download links.
    public func makeExportShelf(exportsDirectory: String, table: any BlobTable) -> any ExportShelf {
        let files = ExportFiles(directory: exportsDirectory)
        switch backend {
        case .local: return files
        case .database: return DatabaseExportShelf(table: table, scratch: files)
        }
    }
}
