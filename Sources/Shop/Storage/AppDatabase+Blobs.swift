import Foundation
import GRDB

// Files kept in SQLite (`BlobTable`): written in one IMMEDIATE transaction, read a chunk per
// statement, so neither side holds more than one chunk.
extension AppDatabase {
    public func writeBlob(_ key: String, from source: some BlobSource, expires: Date?, replace: Bool) throws -> Bool {
        let ranges = source.chunkRanges(SQLiteStore.chunkSize)
        return try pool.write { db in
            let now = Date()
            if replace {
                try db.execute(sql: "DELETE FROM blobs WHERE clave = ?", arguments: [key])
            } else if try Bool.fetchOne(db, sql: "SELECT 1 FROM blobs WHERE clave = ?", arguments: [key]) != nil {
                try db.execute(sql: "UPDATE blobs SET guardado = ? WHERE clave = ?", arguments: [now, key])
                return false
            }
            try db.execute(
                sql: "INSERT INTO blobs (clave, tamano, trozos, guardado, expira) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, source.size, ranges.count, now, expires])
            for (index, range) in ranges.enumerated() {
                try db.execute(
                    sql: "INSERT INTO blob_trozos (clave, n, datos) VALUES (?, ?, ?)",
                    arguments: [key, index, try source.bytes(range)])
            }
            return true
        }
    }

    public func blobInfo(_ key: String) throws -> BlobInfo? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT tamano, trozos, guardado, expira FROM blobs WHERE clave = ?", arguments: [key]
            ).map { BlobInfo(size: $0["tamano"], chunks: $0["trozos"], stored: $0["guardado"], expires: $0["expira"]) }
        }
    }

    public func blobChunk(_ key: String, index: Int) throws -> Data? {
        try pool.read { db in
            try Data.fetchOne(
                db, sql: "SELECT datos FROM blob_trozos WHERE clave = ? AND n = ?", arguments: [key, index])
        }
    }

    public func deleteBlob(_ key: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM blobs WHERE clave = ?", arguments: [key])
            return db.changesCount > 0
        }
    }

    public func deleteBlobs(storedBefore cutoff: Date) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM blobs WHERE expira IS NULL AND guardado < ?", arguments: [cutoff])
            return db.changesCount
        }
    }

    public func deleteBlobs(expiredBy now: Date) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM blobs WHERE expira <= ?", arguments: [now])
            return db.changesCount
        }
    }
}

extension SQLiteStore {
    @discardableResult
    public func writeBlob(_ key: String, from source: some BlobSource, expires: Date?, replace: Bool) async throws
        -> Bool
    {
        try await database.perform { try $0.writeBlob(key, from: source, expires: expires, replace: replace) }
    }

    public func blobInfo(_ key: String) async throws -> BlobInfo? {
        try await database.perform { try $0.blobInfo(key) }
    }

    public func blobChunk(_ key: String, index: Int) async throws -> Data? {
        try await database.perform { try $0.blobChunk(key, index: index) }
    }

    @discardableResult
    public func deleteBlob(_ key: String) async throws -> Bool {
        try await database.perform { try $0.deleteBlob(key) }
    }

    public func deleteBlobs(storedBefore cutoff: Date) async throws -> Int {
        try await database.perform { try $0.deleteBlobs(storedBefore: cutoff) }
    }

    public func deleteBlobs(expiredBy now: Date) async throws -> Int {
        try await database.perform { try $0.deleteBlobs(expiredBy: now) }
    }
}
