import JobEngine
import Logging
import Support

/// Settings shared by both executables, built once at the root from the environment.
public struct AppConfig: Sendable {
    public var redisURL: RedisURL
    public var queuesDirectory: String
    public var databaseURL: String
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    public var secretKey: String?
    /// Where the front end stores uploads (catalog CSVs) for the workers; shared storage
    /// when they run on other machines.
    public var uploadsDirectory: String
    /// `LOG_FILE`: log lines also go to this file (the old backend's setting).
    public var logFile: String?
    /// `LOG_FORMAT`: `text` (default) or `json` (one object per line).
    public var logFormat: LogFormat = .text
    /// Default life of a token minted by `vendedor-enqueuer token` without `--days`
    /// (`ACCESS_TOKEN_EXPIRE_MINUTES`, the old backend's setting; 30 days by default).
    public var tokenLifetimeSeconds: Double = 30 * 86_400

    public init(
        redisURL: RedisURL, queuesDirectory: String = "queues", databaseURL: String = "sqlite:///./var/app.db",
        host: String = "127.0.0.1", port: Int = 8001, logLevel: Logger.Level = .info, secretKey: String? = nil,
        uploadsDirectory: String = "./var/uploads"
    ) {
        self.uploadsDirectory = uploadsDirectory
        self.redisURL = redisURL
        self.queuesDirectory = queuesDirectory
        self.databaseURL = databaseURL
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.secretKey = secretKey
    }

    public init(environment env: Environment) throws(ConfigError) {
        let redis = env.string("REDIS_URL", default: "redis://127.0.0.1:6379/0")
        guard let redisURL = RedisURL(redis) else {
            throw ConfigError(setting: "REDIS_URL", problem: "no es una URL redis:// válida")
        }
        let port = try env.int("PORT", default: 8001)
        guard (1...65535).contains(port) else {
            throw ConfigError(setting: "PORT", problem: "debe estar entre 1 y 65535")
        }
        let level = env.string("LOG_LEVEL", default: "info").lowercased()
        let logLevel: Logger.Level
        switch level {
        case "warn": logLevel = .warning
        default:
            guard let parsed = Logger.Level(rawValue: level) else {
                throw ConfigError(setting: "LOG_LEVEL", problem: "debe ser trace, debug, info, warning o error")
            }
            logLevel = parsed
        }
        self.init(
            redisURL: redisURL,
            queuesDirectory: env.string("QUEUES_DIR", default: "queues"),
            databaseURL: env.string("DATABASE_URL", default: "sqlite:///./var/app.db"),
            host: env.string("HOST", default: "127.0.0.1"),
            port: port,
            logLevel: logLevel,
            secretKey: env["SECRET_KEY"],
            uploadsDirectory: env.string("UPLOADS_DIR", default: "./var/uploads")
        )
        logFile = env["LOG_FILE"]
        let format = env.string("LOG_FORMAT", default: "text").lowercased()
        guard let logFormat = LogFormat(rawValue: format) else {
            throw ConfigError(setting: "LOG_FORMAT", problem: "debe ser text o json")
        }
        self.logFormat = logFormat
        if env["ACCESS_TOKEN_EXPIRE_MINUTES"] != nil {
            let minutes = try env.int("ACCESS_TOKEN_EXPIRE_MINUTES", default: 0)
            // No token lives longer than a year (`TokenSigner.maxLifetime`).
            guard (1...(365 * 1440)).contains(minutes) else {
                throw ConfigError(setting: "ACCESS_TOKEN_EXPIRE_MINUTES", problem: "debe estar entre 1 y 525600")
            }
            tokenLifetimeSeconds = Double(minutes) * 60
        }
    }
}
