import Foundation
import Logging

@testable import JobEngine

/// A test's own Redis, a queues directory copied from the repository with per-test
/// overrides, and a job client on them.
final class QueueFixture: @unchecked Sendable {
    let redisServer: RedisServer
    let queuesDirectory: URL
    let jobs: JobClient
    var logger: Logger

    /// `overrides[queue][field] = value` replaces top-level fields of `queues/<queue>.json`;
    /// `copies[new] = existing` adds a queue `new` defined like `existing` (then overridden).
    init(overrides: [String: [String: Any]] = [:], copies: [String: String] = [:]) async throws {
        redisServer = try await RedisServer()
        queuesDirectory = TestPaths.temporaryDirectory("queues")
        let source = TestPaths.repoRoot.appendingPathComponent("queues")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(file)
            let to = queuesDirectory.appendingPathComponent(file)
            let name = (file as NSString).deletingPathExtension
            if file.hasSuffix(".json"), let changes = overrides[name] {
                var object = try JSONSerialization.jsonObject(with: Data(contentsOf: from)) as! [String: Any]
                for (key, value) in changes { object[key] = value }
                try JSONSerialization.data(withJSONObject: object).write(to: to)
            } else {
                try FileManager.default.copyItem(at: from, to: to)
            }
        }
        for (name, original) in copies {
            let from = source.appendingPathComponent(original + ".json")
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: from)) as! [String: Any]
            object["name"] = name
            for (key, value) in overrides[name] ?? [:] { object[key] = value }
            try JSONSerialization.data(withJSONObject: object).write(
                to: queuesDirectory.appendingPathComponent(name + ".json"))
        }
        logger = Logger(label: "test")
        logger.logLevel = .warning
        let catalog = try QueueCatalog.load(directory: queuesDirectory.path)
        let redis = RedisClient(url: RedisURL(redisServer.url)!, name: "test", logger: logger)
        jobs = JobClient(redis: redis, catalog: catalog, logger: logger)
        try await jobs.prepare()
    }

    var redis: RedisClient { jobs.redis }

    /// Environment for a worker process on this fixture.
    var environment: [String: String] {
        [
            "REDIS_URL": redisServer.url, "QUEUES_DIR": queuesDirectory.path, "LOG_LEVEL": "warning",
            "DATABASE_URL": "sqlite:///" + queuesDirectory.appendingPathComponent("app.db").path,
            "UPLOADS_DIR": queuesDirectory.appendingPathComponent("uploads").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    func status(_ id: String) async throws -> JobStatus? {
        try await jobs.status(id)
    }

    /// Waits until the job reaches `estado` (or the timeout) and returns its last status.
    func waitFor(_ id: String, state: JobState, timeout: Duration = TestPaths.loadedWait) async throws -> JobStatus? {
        var last: JobStatus?
        _ = try await eventually(timeout: timeout) {
            last = try await status(id)
            return last?.state == state
        }
        return last
    }

    func marks(_ name: String) async throws -> [String] {
        (try await redis.send("LRANGE", "vd:marcas:\(name)", "0", "-1").array ?? []).compactMap(\.string)
    }

    func stats(_ queue: String) async throws -> QueueStats {
        try await jobs.stats().first { $0.queue == queue }!
    }

    func tearDown() {
        jobs.redis.close()
        redisServer.stop()
        try? FileManager.default.removeItem(at: queuesDirectory)
    }
}
