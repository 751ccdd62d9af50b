import Foundation
import Support

/// The blob store's file work (hashing and writing up to 25 MB, reading, sweeping) run off
/// Swift's cooperative pool, on `BlockingPool` threads.
extension BlobStore {
    private func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await BlockingPool.shared.run(work)
    }

    /// `put` off the pool: stores the bytes and returns their key.
    public func store(_ data: Data) async throws -> String {
        try await offPool { try self.put(data) }
    }

    /// `data(of:)` off the pool.
    public func load(_ key: String) async throws -> Data {
        try await offPool { try self.data(of: key) }
    }
}
