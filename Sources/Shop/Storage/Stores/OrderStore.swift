import Foundation

/// Orders: placed atomically with the stock decrement and idempotently by key, then moved
/// through `OrderState`'s machine. Every engine must pass the same storage tests (no
/// oversell under concurrent orders, one order per key, cancellation restocks).
public protocol OrderStore: Sendable {
    /// See `AppDatabase.placeOrder(_:idempotencyKey:updatingClient:)` for the contract.
    func placeOrder(_ request: OrderRequest, idempotencyKey: String, updatingClient: Bool) async throws
        -> PlacedOrder
    func order(id: Int64) async throws -> Order?
    func order(idempotencyKey: String) async throws -> Order?
    /// A page of orders matching `filter`, newest first.
    func listOrders(_ filter: OrderFilter, limit: Int?, offset: Int?) async throws -> Page<Order>
    /// What the orders matching `filter` add up to, in pesos; without a state filter the
    /// cancelled ones are left out.
    func orderTotal(_ filter: OrderFilter) async throws -> Int
    /// Moves an order if the state machine allows it; cancelling restocks and corrects the
    /// client's purchase statistics.
    func changeOrderState(id: Int64, to state: OrderState) async throws -> Order
}

extension OrderStore {
    /// An order whose client data updates the stored client (staff, API).
    public func placeOrder(_ request: OrderRequest, idempotencyKey: String) async throws -> PlacedOrder {
        try await placeOrder(request, idempotencyKey: idempotencyKey, updatingClient: true)
    }
}
