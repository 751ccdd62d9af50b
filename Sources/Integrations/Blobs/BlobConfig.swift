import Support

/// Where uploaded photos and audio live and for how long: `BLOBS_BACKEND` (local: files under
/// `BLOBS_DIR`, ./var/blobs, shared storage when front ends and workers run on different
/// hosts; database: the database's blob table, no shared disk; it also keeps the export files),
/// and `BLOBS_RETENTION_HOURS` (168 = 7 days, long enough for retries and for an operator to
/// re-drive a dead letter). The front ends write there; the workers read and expire blobs.
public struct BlobConfig: Sendable {
    public var backend: BlobBackend
    public var directory: String
    public var retentionSeconds: Double
    /// How often a worker deletes expired blobs.
    public var sweepIntervalSeconds: Double

    public init(
        directory: String = "./var/blobs", retentionSeconds: Double = 7 * 86_400, backend: BlobBackend = .local
    ) {
        self.backend = backend
        self.directory = directory
        self.retentionSeconds = retentionSeconds
        self.sweepIntervalSeconds = min(3_600, max(1, retentionSeconds / 10))
    }

    public init(environment env: Environment) throws(ConfigError) {
        let hours = try env.double("BLOBS_RETENTION_HOURS", default: 168)
        guard hours > 0, hours <= 24 * 365 else {
            throw ConfigError(setting: "BLOBS_RETENTION_HOURS", problem: "debe ser un número de horas entre 0 y 8760")
        }
        let name = env.string("BLOBS_BACKEND", default: BlobBackend.local.rawValue)
        guard let backend = BlobBackend(rawValue: name.lowercased()) else {
            throw ConfigError(
                setting: "BLOBS_BACKEND",
                problem: "debe ser local (archivos en BLOBS_DIR) o database (en la base de datos de DATABASE_URL)")
        }
        self.init(
            directory: env.string("BLOBS_DIR", default: "./var/blobs"), retentionSeconds: hours * 3_600,
            backend: backend)
    }
}

/// Where blobs (and, with `database`, export files) are kept.
public enum BlobBackend: String, Sendable, CaseIterable {
    /// Files under `BLOBS_DIR` (exports under `EXPORTS_DIR`).
    case local
    /// Chunked rows in the database `DATABASE_URL` names (SQLite or PostgreSQL).
    case database
}
