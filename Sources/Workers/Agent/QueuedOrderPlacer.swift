import Assistant
import JobEngine
import Pipeline
import Shop
import Support

/// Places a chat's order through the `pedidos` queue (the one place orders are written) and
/// waits, bounded, for the worker's answer. The order is stored under the cart's key; the
/// queue's idempotency key is the cart's key, the attempt and the request, so a retried
/// turn finds the same job while a changed cart, or a new try after a refusal, is a new one.
struct QueuedOrderPlacer: OrderPlacer {
    let jobs: JobClient
    let waiters: JobWaiters
    let wait: Duration

    /// The order job has not finished within the wait: the chat job is retried (and finds
    /// the same order job again).
    struct StillPlacing: Error, CustomStringConvertible {
        var jobId: String
        var description: String { "el pedido (trabajo \(jobId)) sigue en proceso; se reintentará" }
    }

    func place(_ request: OrderRequest, key: String, attempt: Int, updatesClient: Bool) async throws
        -> OrderPlacement
    {
        let queueKey = try PlaceOrderJob.bodyKey(owner: "\(key):\(attempt)", order: request)
        let job = try await jobs.enqueue(
            PlaceOrderJob(order: request, key: key, updatesClient: updatesClient), idempotencyKey: queueKey)
        // Waiting for another job is an outside wait: it holds no CPU slot of the chat queue.
        return try await OutsideWait.around { try await self.waitForResult(of: job.id) }
    }

    private func waitForResult(of jobId: String) async throws -> OrderPlacement {
        let deadline = ContinuousClock.now + wait
        while true {
            // Short waits, each re-reading the job: a missed wake-up costs at most one slice.
            let slice = min(Duration.seconds(2), deadline - ContinuousClock.now)
            let status = try await waiters.wait(for: jobId, timeout: max(slice, .milliseconds(1)))
            guard let status else { throw StillPlacing(jobId: jobId) }
            switch status.state {
            case .completed:
                let result = try JobCoding.decode(PlaceOrderJob.Result.self, from: status.result ?? "")
                return .placed(orderId: result.orderId, total: result.total)
            case .failed, .dead:
                return .refused(status.error ?? "el pedido no se pudo registrar.")
            default:
                if ContinuousClock.now >= deadline { throw StillPlacing(jobId: jobId) }
            }
        }
    }
}
