import Foundation

/// Files kept in the database (`BLOBS_BACKEND=database`), so that no process needs another
/// host's disk: one `blobs` row per file (key, size, chunk count, when it was stored, when it
/// expires) and its bytes in `blob_trozos`, `BlobTable.chunkSize` bytes a row. A file is
/// written in one transaction (readers see all of it or nothing) and read a chunk at a time,
/// so a 25 MB file is never one value in memory on the way in or out. Keys are checked by the
/// callers (`DatabaseBlobStore`, `DatabaseExportShelf`); the schema bounds their length.
public protocol BlobTable: Sendable {
    /// Writes `source` under `key` in one transaction. `replace: false` (content-addressed
    /// files): when `key` exists its bytes stay and only its age is refreshed, and the answer
    /// is false. `replace: true`: an existing file of that key is replaced.
    @discardableResult
    func writeBlob(_ key: String, from source: some BlobSource, expires: Date?, replace: Bool) async throws -> Bool
    /// What is stored under `key`, nil when nothing is.
    func blobInfo(_ key: String) async throws -> BlobInfo?
    /// Chunk `index` (from 0) of `key`; nil when the file is gone.
    func blobChunk(_ key: String, index: Int) async throws -> Data?
    /// Deletes `key`; false when nothing was stored under it.
    @discardableResult
    func deleteBlob(_ key: String) async throws -> Bool
    /// Deletes files without an expiry stored before `cutoff` (customers' photos and audio).
    func deleteBlobs(storedBefore cutoff: Date) async throws -> Int
    /// Deletes files whose expiry is at or before `now` (exports).
    func deleteBlobs(expiredBy now: Date) async throws -> Int
}

extension BlobTable {
    /// Bytes per `blob_trozos` row: big enough that a 25 MB file is 25 rows, small enough that
    /// a chunk in flight costs little memory.
    public static var chunkSize: Int { 1 << 20 }

    /// Every chunk of `key` in order, handed to `body` one at a time; false when the file is
    /// not stored. A file deleted while it is read throws `BlobTableError.vanished`.
    public func readBlob(_ key: String, _ body: (Data) async throws -> Void) async throws -> Bool {
        guard let info = try await blobInfo(key) else { return false }
        for index in 0..<info.chunks {
            guard let chunk = try await blobChunk(key, index: index) else { throw BlobTableError.vanished(key) }
            try await body(chunk)
        }
        return true
    }
}

/// What `blobInfo` tells about a stored file.
public struct BlobInfo: Sendable, Equatable {
    public var size: Int
    public var chunks: Int
    public var stored: Date
    public var expires: Date?

    public init(size: Int, chunks: Int, stored: Date, expires: Date?) {
        self.size = size
        self.chunks = chunks
        self.stored = stored
        self.expires = expires
    }
}

public enum BlobTableError: Error, Equatable, CustomStringConvertible {
    /// The file was deleted (expired) while it was being read.
    case vanished(String)

    public var description: String {
        switch self {
        case .vanished(let key): "El archivo \(key.prefix(80)) se borró mientras se leía."
        }
    }
}

/// Bytes to store, read a chunk at a time by position (so any engine can pull them inside
/// its transaction): `Data` in memory, or a file on the local disk (`BlobFileSource`).
public protocol BlobSource: Sendable {
    var size: Int { get }
    /// The bytes in `range` (within `0..<size`).
    func bytes(_ range: Range<Int>) throws -> Data
}

extension BlobSource {
    /// The chunks of `chunkSize` bytes, in order.
    func chunkRanges(_ chunkSize: Int) -> [Range<Int>] {
        stride(from: 0, to: size, by: chunkSize).map { $0..<min(size, $0 + chunkSize) }
    }
}

extension Data: BlobSource {
    public var size: Int { count }

    /// A slice sharing this value's storage (no copy).
    public func bytes(_ range: Range<Int>) throws -> Data {
        self[(startIndex + range.lowerBound)..<(startIndex + range.upperBound)]
    }
}

/// A local file read by position (an export written to scratch, a blob copied in).
public struct BlobFileSource: BlobSource {
    public let path: String
    public let size: Int

    public init(path: String) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        self.path = path
        self.size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    public func bytes(_ range: Range<Int>) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(range.lowerBound))
        let data = try handle.read(upToCount: range.count) ?? Data()
        guard data.count == range.count else { throw CocoaError(.fileReadCorruptFile) }
        return data
    }
}
