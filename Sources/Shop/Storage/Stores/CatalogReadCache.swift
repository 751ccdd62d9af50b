import Synchronization

/// One catalog read a store keeps with the catalog version it was read at (`catalogo_version`,
/// bumped by each engine's triggers on any change of a product's texts or active flag, never
/// of its stock), so what every chat turn reads of the catalog costs one primary-key read.
final class CatalogReadCache<T: Sendable>: Sendable {
    private let kept = Mutex<(version: Int64, value: T)?>(nil)

    func value(at version: Int64) -> T? {
        kept.withLock { $0?.version == version ? $0?.value : nil }
    }

    /// Keeps `value` unless a newer version's is kept already.
    func keep(_ value: T, at version: Int64) {
        kept.withLock { current in
            if (current?.version ?? .min) <= version { current = (version, value) }
        }
    }

    /// The value kept for `version`, or `load`'s (then kept): for an engine that reads the
    /// version and the data in one snapshot.
    func value(at version: Int64, orLoad load: () throws -> T) rethrows -> T {
        if let kept = value(at: version) { return kept }
        let value = try load()
        keep(value, at: version)
        return value
    }
}
