import Foundation
import Support

extension AppDatabase {
    /// Runs blocking database work off Swift's cooperative thread pool and awaits its result:
    /// `try await db.perform { try $0.placeOrder(request, idempotencyKey: key) }`.
    /// With tracing on, a client span named after the caller (`sqlite recordTurn(_:)`).
    public func perform<T: Sendable>(
        function: String = #function, _ work: @escaping @Sendable (AppDatabase) throws -> T
    ) async throws -> T {
        try await Traces.span("sqlite \(function)", kind: .client) { _ in
            try await BlockingPool.shared.run { try work(self) }
        }
    }
}
