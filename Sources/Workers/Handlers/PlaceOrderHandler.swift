import JobEngine
import Pipeline
import Shop

/// Runs `pedido.colocar` jobs: one `placeOrder` transaction, idempotent by key. Business
/// refusals (stock, unknown or inactive products, invalid data) fail the job for good with
/// the Spanish reason; anything else (a busy database) is retried with backoff.
struct PlaceOrderHandler: JobHandler {
    let orders: any OrderStore

    /// Codes of `CodedError`s that retrying cannot fix.
    static let permanentCodes: Set<ErrorCode> = [
        .insufficientStock, .productNotFound, .productInactive, .validation, .notFound, .conflict,
    ]

    func handle(_ job: PlaceOrderJob, context: JobContext) async throws -> JobResult {
        let key = job.orderKey(jobId: context.id)
        let request = job.order
        do {
            let updates = job.updatesClient ?? true
            let placed = try await orders.placeOrder(request, idempotencyKey: key, updatingClient: updates)
            if placed.replayed {
                context.logger.info("Pedido \(placed.order.id) ya existía para la clave; no se creó otro")
            }
            return try JobResult(
                PlaceOrderJob.Result(orderId: placed.order.id, total: placed.order.total, repeated: placed.replayed)
            )
        } catch let error as any CodedError where Self.permanentCodes.contains(error.code) {
            throw JobError.permanent(error.message)
        }
    }
}
