import Foundation
import Support

/// Blobs as files under one directory (`BLOBS_DIR`, `BLOBS_BACKEND=local`), named by their
/// key: storing the same bytes twice keeps one file. Files older than the retention are
/// deleted by `removeExpired`. With several hosts the directory must be shared storage. The
/// file work (hashing and writing up to 25 MB, reading, sweeping) runs on `BlockingPool`.
public struct LocalBlobStore: BlobStore {
    public let directory: URL

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    /// Stores `data` and returns its key. Written to a temporary name and renamed, so a
    /// reader never sees half a file.
    @discardableResult
    public func put(_ data: Data) throws -> String {
        let key = BlobKey.of(data)
        let url = try location(of: key)
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fileManager.fileExists(atPath: url.path) {
            // Same bytes already stored: refresh its age so retention counts from now.
            try? fileManager.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
            return key
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        do {
            try fileManager.moveItem(at: temporary, to: url)
        } catch  where fileManager.fileExists(atPath: url.path) {
            try? fileManager.removeItem(at: temporary)  // another writer stored the same bytes
        }
        return key
    }

    /// The file of `key`; throws `BlobError.invalidKey` for anything but a sha256 hex digest.
    public func location(of key: String) throws -> URL {
        guard BlobKey.isValid(key) else { throw BlobError.invalidKey(key) }
        return directory.appendingPathComponent(String(key.prefix(2)), isDirectory: true).appendingPathComponent(key)
    }

    /// The bytes of `key`; `BlobError.missing` when expired or never stored.
    public func data(of key: String) throws -> Data {
        let url = try location(of: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw BlobError.missing(key) }
        return data
    }

    /// Deletes blobs not written for `olderThan` seconds; returns how many.
    @discardableResult
    public func removeExpired(olderThan seconds: TimeInterval, now: Date = Date()) -> Int {
        let fileManager = FileManager.default
        guard
            let enumerator = fileManager.enumerator(
                at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
        else { return 0 }
        var removed = 0
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey]),
                values.isRegularFile == true, let modified = values.contentModificationDate,
                now.timeIntervalSince(modified) > seconds
            else { continue }
            if (try? fileManager.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }

    // MARK: BlobStore

    public func store(_ data: Data) async throws -> String {
        try await BlockingPool.shared.run { try self.put(data) }
    }

    public func load(_ key: String) async throws -> Data {
        try await BlockingPool.shared.run { try self.data(of: key) }
    }

    public func withLocalFile<T: Sendable>(_ key: String, _ body: (URL) async throws -> T) async throws -> T {
        let url = try location(of: key)
        guard FileManager.default.fileExists(atPath: url.path) else { throw BlobError.missing(key) }
        return try await body(url)
    }

    public func contains(_ key: String) async -> Bool {
        guard let url = try? location(of: key) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    public func removeExpired(olderThan seconds: TimeInterval, now: Date) async throws -> Int {
        try await BlockingPool.shared.run { self.removeExpired(olderThan: seconds, now: now) }
    }
}
