import Support

/// Where uploaded photos and audio live and for how long: `BLOBS_DIR` (./var/blobs; shared
/// storage when front ends and workers run on different machines) and
/// `BLOBS_RETENTION_HOURS` (168 = 7 days, long enough for retries and for an operator to
/// re-drive a dead letter). The front ends write there; the workers read and expire files.
public struct BlobConfig: Sendable {
    public var directory: String
    public var retentionSeconds: Double
    /// How often a worker deletes expired files.
    public var sweepIntervalSeconds: Double

    public init(directory: String = "./var/blobs", retentionSeconds: Double = 7 * 86_400) {
        self.directory = directory
        self.retentionSeconds = retentionSeconds
        self.sweepIntervalSeconds = min(3_600, max(1, retentionSeconds / 10))
    }

    public init(environment env: Environment) throws(ConfigError) {
        let hours = try env.double("BLOBS_RETENTION_HOURS", default: 168)
        guard hours > 0, hours <= 24 * 365 else {
            throw ConfigError(setting: "BLOBS_RETENTION_HOURS", problem: "debe ser un número de horas entre 0 y 8760")
        }
        self.init(directory: env.string("BLOBS_DIR", default: "./var/blobs"), retentionSeconds: hours * 3_600)
    }

    public var store: BlobStore { BlobStore(directory: directory) }
}
