import Foundation
import Support

/// Export settings, read by both executables: the front end serves the files the workers
/// write, so `EXPORTS_DIR` must be shared storage when they run on different machines.
public struct ExportConfig: Sendable, Equatable {
    /// `EXPORTS_DIR` (./var/exports).
    public var directory: String
    /// `EXPORTS_LINK_TTL`: seconds a download link (and its file) lives; 24 h by default.
    public var linkLifetime: TimeInterval
    /// `EXPORTS_CLEANUP_INTERVAL`: seconds between sweeps of expired files in the workers (600).
    public var cleanupInterval: TimeInterval

    public init(
        directory: String = "./var/exports", linkLifetime: TimeInterval = 86_400, cleanupInterval: TimeInterval = 600
    ) {
        self.directory = directory
        self.linkLifetime = linkLifetime
        self.cleanupInterval = cleanupInterval
    }

    public init(environment env: Environment) throws(ConfigError) {
        let lifetime = try env.int("EXPORTS_LINK_TTL", default: 86_400)
        guard (60...2_592_000).contains(lifetime) else {
            throw ConfigError(setting: "EXPORTS_LINK_TTL", problem: "debe estar entre 60 y 2592000 segundos (30 días)")
        }
        let interval = try env.int("EXPORTS_CLEANUP_INTERVAL", default: 600)
        guard (1...86_400).contains(interval) else {
            throw ConfigError(setting: "EXPORTS_CLEANUP_INTERVAL", problem: "debe estar entre 1 y 86400 segundos")
        }
        self.init(
            directory: env.string("EXPORTS_DIR", default: "./var/exports"), linkLifetime: TimeInterval(lifetime),
            cleanupInterval: TimeInterval(interval))
    }
}
