import Foundation

/// Where an uploaded catalog CSV waits between the front end that received it and the import
/// worker, by a name the front end makes (`<uuid>.csv`, carried by the job): `UPLOADS_DIR`
/// (`UploadDirectory`, `BLOBS_BACKEND=local`) or the blob table (`DatabaseUploads`,
/// `BLOBS_BACKEND=database`: the worker may run on another host).
public protocol CatalogUploads: Sendable {
    func save(_ data: Data, as name: String) async throws
    /// The file's bytes (at most the 5 MB an upload may have); nil when it is gone.
    func load(_ name: String) async throws -> Data?
}

/// Uploads as files in `UPLOADS_DIR`, kept (a re-run after a lost acknowledgement finds them).
public struct UploadDirectory: CatalogUploads {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func save(_ data: Data, as name: String) async throws {
        let directory = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try data.write(to: directory.appendingPathComponent(name), options: .atomic)
    }

    public func load(_ name: String) async throws -> Data? {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

/// Uploads in the blob table under `subidas/<name>`, kept `lifetime` (30 days: long enough for
/// every retry and a re-drive of a dead letter), then swept with the expired exports.
public struct DatabaseUploads: CatalogUploads {
    let table: any BlobTable
    let lifetime: TimeInterval

    public init(table: any BlobTable, lifetime: TimeInterval = 30 * 86_400) {
        self.table = table
        self.lifetime = lifetime
    }

    static func key(_ name: String) -> String { "subidas/" + name }

    public func save(_ data: Data, as name: String) async throws {
        try await table.writeBlob(
            Self.key(name), from: data, expires: Date().addingTimeInterval(lifetime), replace: true)
    }

    public func load(_ name: String) async throws -> Data? {
        let key = Self.key(name)
        guard let info = try await table.blobInfo(key) else { return nil }
        var data = Data(capacity: info.size)
        guard try await table.readBlob(key, { data.append($0) }) else { return nil }
        return data
    }
}
