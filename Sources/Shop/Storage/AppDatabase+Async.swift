import Foundation
import Support

extension AppDatabase {
    /// Runs blocking database work off Swift's cooperative thread pool and awaits its result:
    /// `try await db.perform { try $0.placeOrder(request, idempotencyKey: key) }`.
    public func perform<T: Sendable>(_ work: @escaping @Sendable (AppDatabase) throws -> T) async throws -> T {
        try await BlockingPool.shared.run { try work(self) }
    }
}
