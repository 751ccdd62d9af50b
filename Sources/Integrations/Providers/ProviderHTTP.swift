import Foundation
import Support

/// Sends a request to an outside API through an `HTTPTransport` and applies the one retry
/// policy of the project: 408, 409 (OpenAI), 429, 5xx, timeouts and connection failures
/// are retried a few times with exponential backoff and jitter, honouring the server's
/// delay when it gives one; other statuses fail at once. Waits longer than `maxWait` are
/// not slept here: the error goes back to the job engine (see `ProviderError.jobError`).
public struct ProviderHTTP: Sendable {
    public var api: String
    public var transport: any HTTPTransport
    public var policy: RetryPolicy

    public struct RetryPolicy: Sendable {
        /// Tries in one call, the first included.
        public var attempts: Int
        public var baseDelay: Double
        public var maxDelay: Double
        /// The longest server-requested wait slept inside the call; longer ones are handed
        /// back to the caller.
        public var maxWait: Double

        public init(attempts: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 8, maxWait: Double = 10) {
            self.attempts = max(1, attempts)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.maxWait = maxWait
        }

        public static let standard = RetryPolicy()
        /// One try: the job engine does all the retrying.
        public static let once = RetryPolicy(attempts: 1)
    }

    public init(api: String, transport: any HTTPTransport, policy: RetryPolicy = .standard) {
        self.api = api
        self.transport = transport
        self.policy = policy
    }

    /// The response of a successful (2xx) call, or throws a `ProviderError`.
    public func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        var attempt = 1
        let provider = OutboundMetrics.Provider(api: api)
        let operation = OutboundMetrics.Operation(provider: provider, url: request.url)
        while true {
            let failure: ProviderError
            let started = ContinuousClock.now
            func seconds() -> Double { (ContinuousClock.now - started).inSeconds }
            do {
                let response = try await transport.send(request)
                OutboundMetrics.record(
                    provider: provider, operation: operation, status: response.status, seconds: seconds())
                if (200..<300).contains(response.status) { return response }
                failure = classify(response)
            } catch let error as HTTPTransportError {
                OutboundMetrics.record(provider: provider, operation: operation, status: nil, seconds: seconds())
                switch error {
                case .responseTooLarge, .addressRefused:
                    throw ProviderError(kind: .permanent, api: api, status: 0, message: error.description)
                case .timeout, .connection:
                    failure = ProviderError(kind: .transient, api: api, status: 0, message: error.description)
                }
            }
            guard failure.kind != .permanent, attempt < policy.attempts else { throw failure }
            let delay = OutsideNumber.delaySeconds(failure.retryAfter) ?? backoff(attempt: attempt)
            guard delay <= policy.maxWait else { throw failure }
            try await Task.sleep(for: .milliseconds(OutsideNumber.milliseconds(delay)))
            OutboundMetrics.recordRetry(provider: provider, operation: operation)
            attempt += 1
        }
    }

    /// `send` with a JSON body, decoding a JSON answer.
    public func sendJSON<Body: Encodable, Answer: Decodable>(
        url: String, headers: [(String, String)] = [], body: Body, as: Answer.Type,
        timeout: Duration = .seconds(30)
    ) async throws -> Answer {
        let encoded = try JSONEncoder().encode(body)
        let response = try await send(
            OutboundRequest(
                method: "POST", url: url, headers: [("Content-Type", "application/json")] + headers,
                body: Array(encoded), timeout: timeout))
        return try decode(Answer.self, from: response)
    }

    /// Decodes a 2xx answer; a body that does not fit is a permanent error naming the API.
    public func decode<Answer: Decodable>(_ type: Answer.Type, from response: OutboundResponse) throws -> Answer {
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(response.body))
        } catch {
            throw ProviderError(
                kind: .permanent, api: api, status: response.status,
                message: "respuesta no reconocida (\(String(describing: error).prefix(200)))")
        }
    }

    func backoff(attempt: Int) -> Double {
        let exponential = min(policy.maxDelay, policy.baseDelay * pow(2, Double(attempt - 1)))
        return exponential * Double.random(in: 0.7...1.3)
    }

    /// Status first, then the body: the message and any retry delay the server gave.
    public func classify(_ response: OutboundResponse) -> ProviderError {
        let status = response.status
        let kind: ProviderError.Kind =
            switch status {
            case 429: .rateLimited
            case 408, 409, 500...599: .transient
            default: .permanent
            }
        let details = Self.details(of: response)
        // A spent quota (OpenAI insufficient_quota, a Gemini per-day quota) is a 429 that
        // no retry within minutes can fix.
        let exhausted = status == 429 && Self.isQuotaExhausted(response)
        var error = ProviderError(
            kind: exhausted ? .permanent : kind, api: api, status: status, message: details.message ?? "HTTP \(status)",
            retryAfter: Self.headerDelay(response.headers) ?? details.retryAfter)
        error.migrateToChatId = details.migrateToChatId
        return error
    }

    /// OpenAI's `insufficient_quota` (code or type), or a Gemini `QuotaFailure` whose
    /// quota is per day (it resets at midnight Pacific time).
    static func isQuotaExhausted(_ response: OutboundResponse) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return false }
        if error["code"] as? String == "insufficient_quota" || error["type"] as? String == "insufficient_quota" {
            return true
        }
        for detail in error["details"] as? [[String: Any]] ?? [] {
            for violation in detail["violations"] as? [[String: Any]] ?? [] {
                if let quota = violation["quotaId"] as? String, quota.contains("PerDay") { return true }
            }
        }
        return false
    }

    /// `retry-after-ms` (OpenAI) or `Retry-After` in seconds, clamped (`OutsideNumber`): a
    /// peer's `1e300`, `inf`, `nan` or `-5` never reaches a conversion to an integer.
    static func headerDelay(_ headers: [String: String]) -> Double? {
        if let ms = headers["retry-after-ms"].flatMap(Double.init), let delay = OutsideNumber.delaySeconds(ms / 1000) {
            return delay
        }
        return OutsideNumber.delaySeconds(headers["retry-after"].flatMap(Double.init))
    }

    /// The message and delay inside the error bodies of Gemini (`error.message`,
    /// `error.details[].retryDelay` "17s"), OpenAI (`error.message`, or a string `error`)
    /// and Telegram (`description`, `parameters.retry_after`, `parameters.migrate_to_chat_id`).
    static func details(of response: OutboundResponse) -> (
        message: String?, retryAfter: Double?, migrateToChatId: Int64?
    ) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return (text.isEmpty || text.hasPrefix("<") ? nil : String(text.prefix(300)), nil, nil)
        }
        var message: String?
        var delay: Double?
        if let error = object["error"] as? [String: Any] {
            message = error["message"] as? String
            for detail in error["details"] as? [[String: Any]] ?? [] {
                if let raw = detail["retryDelay"] as? String, raw.hasSuffix("s"), let seconds = Double(raw.dropLast()) {
                    delay = OutsideNumber.delaySeconds(seconds)
                }
            }
        } else if let error = object["error"] as? String {
            message = error
        }
        if let description = object["description"] as? String { message = description }
        var migrated: Int64?
        if let parameters = object["parameters"] as? [String: Any] {
            if let retry = parameters["retry_after"] {
                delay = OutsideNumber.delaySeconds((retry as? Double) ?? (retry as? Int).map(Double.init))
            }
            // A supergroup's id does not fit in 32 bits (-100…).
            migrated = (parameters["migrate_to_chat_id"] as? Int).map(Int64.init)
        }
        return (message.map { String($0.prefix(300)) }, delay, migrated)
    }
}
