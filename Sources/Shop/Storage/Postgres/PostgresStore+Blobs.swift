import Foundation
import PostgresNIO

// Files kept in PostgreSQL (`BlobTable`): a file is written in one transaction, chunk by
// chunk; a reader takes one chunk per statement, holding a pooled connection only that long
// (a slow download never pins one).
extension PostgresStore {
    @discardableResult
    public func writeBlob(_ key: String, from source: some BlobSource, expires: Date?, replace: Bool) async throws
        -> Bool
    {
        let ranges = source.chunkRanges(Self.chunkSize)
        let size = source.size
        let logger = self.logger
        return try await transaction { connection in
            if replace {
                try await connection.execute("DELETE FROM blobs WHERE clave = \(key)", logger: logger)
            }
            // A concurrent writer of the same key waits here for the first to commit, then
            // only refreshes its age.
            let inserted = try await connection.row(
                """
                INSERT INTO blobs (clave, tamano, trozos, guardado, expira)
                VALUES (\(key), \(size), \(ranges.count), now(), \(expires))
                ON CONFLICT (clave) DO UPDATE SET guardado = now()
                RETURNING (xmax::text = '0') AS nuevo
                """, logger: logger)
            guard try inserted?.value("nuevo", as: Bool.self) == true else { return false }
            for (index, range) in ranges.enumerated() {
                let bytes = try source.bytes(range)
                try await connection.execute(
                    "INSERT INTO blob_trozos (clave, n, datos) VALUES (\(key), \(index), \(bytes))", logger: logger)
            }
            return true
        }
    }

    public func blobInfo(_ key: String) async throws -> BlobInfo? {
        let logger = self.logger
        return try await read { connection in
            guard
                let row = try await connection.row(
                    "SELECT tamano, trozos, guardado, expira FROM blobs WHERE clave = \(key)", logger: logger)
            else { return nil }
            return BlobInfo(
                size: try row.value("tamano", as: Int.self), chunks: try row.value("trozos", as: Int.self),
                stored: try row.value("guardado", as: Date.self), expires: try row.value("expira", as: Date?.self))
        }
    }

    public func blobChunk(_ key: String, index: Int) async throws -> Data? {
        let logger = self.logger
        return try await read { connection in
            try await connection.row(
                "SELECT datos FROM blob_trozos WHERE clave = \(key) AND n = \(index)", logger: logger
            )?.value("datos", as: Data.self)
        }
    }

    @discardableResult
    public func deleteBlob(_ key: String) async throws -> Bool {
        let logger = self.logger
        return try await transaction { connection in
            try await !connection.rows("DELETE FROM blobs WHERE clave = \(key) RETURNING 1 AS n", logger: logger)
                .isEmpty
        }
    }

    public func deleteBlobs(storedBefore cutoff: Date) async throws -> Int {
        let logger = self.logger
        return try await transaction { connection in
            try await connection.rows(
                "DELETE FROM blobs WHERE expira IS NULL AND guardado < \(cutoff) RETURNING 1 AS n", logger: logger
            ).count
        }
    }

    public func deleteBlobs(expiredBy now: Date) async throws -> Int {
        let logger = self.logger
        return try await transaction { connection in
            try await connection.rows("DELETE FROM blobs WHERE expira <= \(now) RETURNING 1 AS n", logger: logger)
                .count
        }
    }
}
