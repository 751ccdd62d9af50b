import Crypto
import Foundation

/// Content-addressed files (uploaded photos and audio, Telegram downloads) under one
/// directory, named by the sha256 of their bytes: storing the same bytes twice keeps one
/// file. Jobs carry the key, never the bytes. Files older than the retention are deleted by
/// `removeExpired`. With several machines the directory must be shared storage.
public struct BlobStore: Sendable {
    public let directory: URL

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    /// Stores `data` and returns its key (64 lowercase hex digits). Written to a temporary
    /// name and renamed, so a reader never sees half a file.
    @discardableResult
    public func put(_ data: Data) throws -> String {
        let key = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
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
        guard Self.isValidKey(key) else { throw BlobError.invalidKey(key) }
        return directory.appendingPathComponent(String(key.prefix(2)), isDirectory: true).appendingPathComponent(key)
    }

    /// The bytes of `key`; `BlobError.missing` when expired or never stored.
    public func data(of key: String) throws -> Data {
        let url = try location(of: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw BlobError.missing(key) }
        return data
    }

    public func contains(_ key: String) -> Bool {
        guard let url = try? location(of: key) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
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

    public static func isValidKey(_ key: String) -> Bool {
        key.utf8.count == 64 && key.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}

public enum BlobError: Error, Equatable, CustomStringConvertible {
    case invalidKey(String)
    case missing(String)

    public var description: String {
        switch self {
        case .invalidKey(let key): "Clave de archivo inválida: \(key.prefix(80))"
        case .missing(let key): "El archivo \(key) ya no está guardado (expiró o nunca llegó)."
        }
    }
}
