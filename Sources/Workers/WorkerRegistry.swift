import Core

/// Every job kind this executable can run, with its handler.
enum WorkerHandlers {
    static func registry() -> JobRegistry {
        var registry = JobRegistry()
        registry.register(NoopHandler())
        return registry
    }
}
