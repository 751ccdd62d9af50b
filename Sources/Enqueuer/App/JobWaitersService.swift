import Core
import ServiceLifecycle

/// Runs the job-completion subscription for the lifetime of the front end.
struct JobWaitersService: Service {
    let waiters: JobWaiters

    func run() async throws {
        waiters.start()
        try? await gracefulShutdown()
        waiters.stop()
    }
}
