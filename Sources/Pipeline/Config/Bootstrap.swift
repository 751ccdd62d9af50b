import JobEngine
import Logging
import Support

/// What both executables build first: configuration, logging, Redis, queues.
public struct Bootstrap: Sendable {
    public var config: AppConfig
    public var environment: Environment
    public var logger: Logger
    public var redis: RedisClient
    public var jobs: JobClient

    /// Reads the environment; a bad setting or queue file throws an error whose
    /// description is the one line to print.
    public static func make(label: String, environment: Environment = .load()) throws -> Bootstrap {
        let config = try AppConfig(environment: environment)
        LineLogHandler.bootstrap()
        var logger = Logger(label: label)
        logger.logLevel = config.logLevel
        let catalog = try QueueCatalog.load(directory: config.queuesDirectory)
        let redis = RedisClient(url: config.redisURL, name: label, logger: logger)
        let jobs = JobClient(redis: redis, catalog: catalog, logger: logger)
        return Bootstrap(config: config, environment: environment, logger: logger, redis: redis, jobs: jobs)
    }
}
