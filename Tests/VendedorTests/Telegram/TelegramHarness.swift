import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

/// A test's Redis and queues, a SQLite file, a blob directory and a fake Telegram server,
/// with the pieces of the Telegram front end and workers built on them.
struct TelegramHarness: @unchecked Sendable {
    static let secret = "secreto_del_webhook-0123456789"
    let fixture: QueueFixture
    let fake: FakeTelegram
    let database: AppDatabase
    let directory: TemporaryDirectory

    static func run(_ body: @escaping @Sendable (TelegramHarness) async throws -> Void) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        let database = try directory.openDatabase()
        try await FakeTelegram.run { fake in
            try await body(TelegramHarness(fixture: fixture, fake: fake, database: database, directory: directory))
        }
    }

    var blobs: LocalBlobStore { LocalBlobStore(directory: directory.url.appendingPathComponent("blobs").path) }

    /// Short retry waits: a test never sleeps out a real backoff.
    static let quickPolicy = ProviderHTTP.RetryPolicy(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 10)

    func client(policy: ProviderHTTP.RetryPolicy = TelegramHarness.quickPolicy) -> TelegramClient {
        TelegramClient(
            token: FakeTelegram.token, baseURL: fake.baseURL, transport: CurlTransport(maxConcurrent: 64),
            policy: policy)
    }

    var scripts: TelegramScripts { try! TelegramScripts.load(directory: fixture.queuesDirectory.path) }

    func limiter(_ limits: TelegramRateLimits = TelegramRateLimits()) -> TelegramRateLimiter {
        TelegramRateLimiter(redis: fixture.redis, script: scripts.limit, limits: limits)
    }

    func delivery(
        policy: ProviderHTTP.RetryPolicy = TelegramHarness.quickPolicy,
        limits: TelegramRateLimits = TelegramRateLimits(),
        callbackPolicy: ProviderHTTP.RetryPolicy = .once
    ) -> DeliveryResources {
        DeliveryResources(
            telegram: client(policy: policy), limiter: limiter(limits), blobs: blobs,
            callback: ReplyCallback(transport: CurlTransport(), policy: callbackPolicy))
    }

    /// A worker in this process serving `queues`.
    func worker(
        _ queues: Set<String>, delivery: DeliveryResources? = nil, concurrency: Int? = nil
    ) throws -> InProcessWorker {
        try InProcessWorker(
            fixture, queues: queues, concurrency: concurrency, database: database, delivery: delivery ?? self.delivery()
        )
    }

    func frontEnd(mode: TelegramConfig.Mode = .webhook, pollTimeout: Int = 1) -> TelegramFrontEnd {
        TelegramFrontEnd(
            config: TelegramConfig(
                token: FakeTelegram.token, webhookSecret: Self.secret, apiBaseURL: fake.baseURL, mode: mode,
                pollTimeoutSeconds: pollTimeout),
            scripts: scripts, transport: CurlTransport(), pollPause: .milliseconds(50))
    }

    func intake(_ jobs: JobClient? = nil) -> TelegramIntake {
        frontEnd().intake(jobs ?? fixture.jobs, logger: fixture.logger)
    }

    /// The front end's router (webhook mode) on `jobs` (another "process": another client).
    func app(jobs: JobClient? = nil) -> some ApplicationProtocol {
        let jobs = jobs ?? fixture.jobs
        let deps = FrontEndDependencies(
            jobs: jobs, waiters: JobWaiters(client: jobs), signer: TokenSigner(secret: "secreto-de-pruebas-0123456789"),
            database: database, telegram: frontEnd())
        return Application(router: buildRouter(deps))
    }

    struct StoredJob {
        var id: String
        var kind: String
        var queue: String
        var payload: String
        var state: String

        func decode<P: JobPayload>(_ type: P.Type) throws -> P { try JobCoding.decode(P.self, from: payload) }
    }

    /// Every job record in Redis (any queue, any state), oldest id first.
    func allJobs() async throws -> [StoredJob] {
        let keys = (try await fixture.redis.send("KEYS", "vd:job:*").array ?? []).compactMap(\.string).sorted()
        var jobs: [StoredJob] = []
        for key in keys {
            let fields = try await fixture.redis.send("HGETALL", key).fieldMap
            jobs.append(
                StoredJob(
                    id: String(key.dropFirst("vd:job:".count)), kind: fields["tipo"] ?? "", queue: fields["cola"] ?? "",
                    payload: fields["payload"] ?? "", state: fields["estado"] ?? ""))
        }
        return jobs
    }

    func jobs<P: JobPayload>(_ type: P.Type) async throws -> [(id: String, payload: P, state: String)] {
        try await allJobs().filter { $0.kind == P.kind }.map { ($0.id, try $0.decode(P.self), $0.state) }
    }
}

/// Tiny valid file headers for the download tests.
enum SampleFiles {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF\u{0}prueba-de-foto".utf8)
    static let ogg = Data("OggS".utf8) + Data([0x00, 0x02]) + Data("nota de voz de prueba".utf8)
    static let pdf = Data("%PDF-1.4 no es una imagen".utf8)
}
