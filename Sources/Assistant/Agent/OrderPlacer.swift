import Shop

/// Places the order a chat confirmed. The worker's implementation enqueues a
/// `PlaceOrderJob` (the `pedidos` queue does the one transaction) and waits for its result;
/// the same `key` always means the same order, so a retried turn never places two.
public protocol OrderPlacer: Sendable {
    /// `attempt` counts earlier refused placements of the same cart (a new attempt after a
    /// refusal must be a new job, while a retried turn must find the same one).
    /// `updatesClient`: whether the order may change a stored client's record (only when the
    /// customer proved to be that client); the order always keeps the data given with it.
    func place(_ request: OrderRequest, key: String, attempt: Int, updatesClient: Bool) async throws
        -> OrderPlacement
}

public enum OrderPlacement: Sendable, Equatable {
    case placed(orderId: Int64, total: Int)
    /// Not placed, with the reason for the customer (not enough stock, a product withdrawn…).
    case refused(String)
}
