import Crypto
import Foundation

/// Where customers' photos and voice notes (uploads and Telegram downloads) are kept between
/// the front end that receives them and the worker that reads them, content-addressed by the
/// sha256 of their bytes (jobs carry the key, never the bytes). Two implementations, chosen by
/// `BLOBS_BACKEND` (`BlobConfig`): `LocalBlobStore`, a directory (the default; shared storage
/// when processes run on several hosts), and `DatabaseBlobStore`, the database's blob table
/// (no shared disk needed).
public protocol BlobStore: Sendable {
    /// Stores `data` and returns its key (`BlobKey`); the same bytes again keep one copy and
    /// refresh its age.
    func store(_ data: Data) async throws -> String
    /// The bytes of `key`; `BlobError.invalidKey` / `.missing` (expired or never stored).
    func load(_ key: String) async throws -> Data
    /// Runs `body` with a local file holding the bytes of `key` (a temporary copy, removed
    /// afterwards, when they live elsewhere): for programs that read files (Tesseract).
    func withLocalFile<T: Sendable>(_ key: String, _ body: (URL) async throws -> T) async throws -> T
    func contains(_ key: String) async -> Bool
    /// Deletes blobs not written for `seconds`; returns how many.
    func removeExpired(olderThan seconds: TimeInterval, now: Date) async throws -> Int
}

/// A blob's key: the lowercase hex sha256 of its bytes.
public enum BlobKey {
    public static func isValid(_ key: String) -> Bool {
        key.utf8.count == 64 && key.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// The key of `data`.
    public static func of(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
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
