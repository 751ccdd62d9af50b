import ServiceLifecycle

/// The completion subscription runs for the lifetime of the process that waits on jobs
/// (the front end's `GET /jobs/{id}?wait`, the reply worker waiting for its order).
extension JobWaiters: Service {
    public func run() async throws {
        start()
        try? await gracefulShutdown()
        stop()
    }
}
