import Foundation
import Synchronization

/// An OpenAI-compatible `/v1/chat/completions` on a `FakeAPIServer` that takes its time, as
/// real models do: each answer is held `latency`; above `maxConcurrent` calls in flight it
/// answers 429 with `retry-after-ms` (as OpenAI does), and it records how many calls were in
/// flight at most, so a test or a benchmark can check a client's concurrency limit. Injected
/// 429s (`rateLimitStorm`) come ahead of the normal answers.
public final class FakeChatModel: Sendable {
    public static let path = "/v1/chat/completions"
    public static let key = "sk-falsa-de-pruebas"
    public static let reply = "Con gusto le ayudo. ¿Desea algo más?"

    private struct Counters {
        var inFlight = 0
        var maxInFlight = 0
        var answered = 0
        var refused = 0
        var latency: Duration
    }

    public let server: FakeAPIServer
    public let maxConcurrent: Int
    private let counters: Mutex<Counters>

    public init(server: FakeAPIServer, latency: Duration, maxConcurrent: Int = 10_000) {
        self.server = server
        self.maxConcurrent = maxConcurrent
        counters = Mutex(Counters(latency: latency))
        server.route("POST", Self.path) { [self] received in await self.answer(received) }
    }

    /// Starts a server with the model, runs `body`, stops it.
    public static func run<T: Sendable>(
        latency: Duration, maxConcurrent: Int = 10_000, _ body: @Sendable (FakeChatModel) async throws -> T
    ) async throws -> T {
        try await FakeAPIServer.run { server in
            try await body(FakeChatModel(server: server, latency: latency, maxConcurrent: maxConcurrent))
        }
    }

    /// OPENAI_BASE_URL for clients.
    public var baseURL: String { server.baseURL + "/v1" }

    public var latency: Duration {
        get { counters.withLock { $0.latency } }
        set { counters.withLock { $0.latency = newValue } }
    }

    /// The most calls that were being answered at once.
    public var maxInFlight: Int { counters.withLock { $0.maxInFlight } }
    /// Calls answered with a completion.
    public var answered: Int { counters.withLock { $0.answered } }
    /// Calls refused with a 429 for going over `maxConcurrent`.
    public var refused: Int { counters.withLock { $0.refused } }

    /// Resets the in-flight maximum and the counts (between benchmark runs).
    public func resetCounts() {
        counters.withLock {
            $0.maxInFlight = $0.inFlight
            $0.answered = 0
            $0.refused = 0
        }
    }

    /// The next `count` calls get a 429 with this delay (`retry-after-ms` and `Retry-After`).
    public func rateLimitStorm(count: Int, retryAfterMs: Int) {
        let reply = FakeAPIServer.Reply.json(
            #"{"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#,
            status: 429,
            headers: ["retry-after-ms": String(retryAfterMs), "Retry-After": String(max(1, retryAfterMs / 1000))])
        for _ in 0..<count { server.inject(Self.path, reply) }
    }

    /// The last user message of every call answered or refused so far, oldest first.
    public var userMessages: [String] {
        server.requests(matching: Self.path).compactMap { received in
            guard let object = received.json as? [String: Any],
                let messages = object["messages"] as? [[String: Any]]
            else { return nil }
            return messages.last(where: { $0["role"] as? String == "user" })?["content"] as? String
        }
    }

    private func answer(_ received: FakeAPIServer.Received) async -> FakeAPIServer.Reply {
        guard received.headers["authorization"] == "Bearer \(Self.key)" else {
            return .json(#"{"error":{"message":"Incorrect API key provided.","code":"invalid_api_key"}}"#, status: 401)
        }
        let (admitted, latency) = counters.withLock { counters -> (Bool, Duration) in
            guard counters.inFlight < maxConcurrent else {
                counters.refused += 1
                return (false, .zero)
            }
            counters.inFlight += 1
            counters.maxInFlight = max(counters.maxInFlight, counters.inFlight)
            return (true, counters.latency)
        }
        guard admitted else {
            return .json(
                #"{"error":{"message":"Too many concurrent requests","type":"requests","code":"rate_limit_exceeded"}}"#,
                status: 429, headers: ["retry-after-ms": "100"])
        }
        try? await Task.sleep(for: latency)
        counters.withLock {
            $0.inFlight -= 1
            $0.answered += 1
        }
        let model = (received.json as? [String: Any])?["model"] as? String ?? "falso"
        return .json(
            object: [
                "id": "chatcmpl-lento", "object": "chat.completion", "created": 1_767_225_600, "model": model,
                "choices": [
                    [
                        "index": 0, "message": ["role": "assistant", "content": Self.reply, "refusal": NSNull()],
                        "finish_reason": "stop",
                    ]
                ],
                "usage": ["prompt_tokens": 800, "completion_tokens": 9, "total_tokens": 809],
            ])
    }
}
