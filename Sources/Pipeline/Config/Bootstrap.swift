import Integrations
import JobEngine
import Logging
import Support

/// What both processes connect to first: Redis and the queue definitions, with the
/// process's logger. Built from an `AppConfig`; reads no environment.
public struct Bootstrap: Sendable {
    public var config: AppConfig
    public var logger: Logger
    public var redis: RedisClient
    public var jobs: JobClient
    /// With trace export configured: the exporter, to run as the process's first service.
    public var traceExporter: OTLPExporter?

    /// A bad queue file throws an error whose description is the one line to print.
    public init(config: AppConfig, label: String) throws {
        var logger = Logger(label: label)
        logger.logLevel = config.logLevel
        let catalog = try QueueCatalog.load(directory: config.queuesDirectory)
        self.config = config
        self.logger = logger
        redis = RedisClient(url: config.redisURL, name: label, logger: logger)
        jobs = JobClient(redis: redis, catalog: catalog, logger: logger)
        traceExporter = config.tracing?.start(processName: label, logger: logger)
    }

    /// For commands and benchmarks: the environment's `AppConfig`, connected.
    public static func make(label: String, environment: Environment = .load()) throws -> Bootstrap {
        try Bootstrap(config: AppConfig(environment: environment), label: label)
    }
}
