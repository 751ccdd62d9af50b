import Foundation

/// Gemini's `generateContent` (text, and text with inline images) through `ProviderHTTP`:
/// the key goes in the `x-goog-api-key` header (never in a URL that could be logged), the
/// answer is every non-thought text part of the first candidate, and the 200-with-no-text
/// cases (blocked prompt, blocked output, MAX_TOKENS spent thinking) become `GeminiError`s.
public struct GeminiClient: Sendable {
    public var config: GeminiConfig
    public var http: ProviderHTTP
    public var timeout: Duration
    /// Inline data is meant for requests under 20 MB (checked before sending).
    public var maxRequestBytes: Int

    public init(
        config: GeminiConfig, transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy = .standard,
        timeout: Duration = .seconds(60), maxRequestBytes: Int = 20_000_000
    ) {
        self.config = config
        self.http = ProviderHTTP(api: "gemini", transport: transport, policy: policy)
        self.timeout = timeout
        self.maxRequestBytes = maxRequestBytes
    }

    /// What came back: the text, and whether it was cut by the token cap.
    public struct Reply: Sendable {
        public var text: String
        public var finishReason: GeminiFinishReason?
        public var usage: GeminiUsage?
        public var modelVersion: String?

        public var truncated: Bool { finishReason == .maxTokens }
    }

    /// Runs `request` on `model` (default: the configured one; "models/" prefix optional).
    public func generateContent(_ request: GeminiRequest, model: String? = nil) async throws -> Reply {
        var name = model ?? config.model
        if name.hasPrefix("models/") { name.removeFirst("models/".count) }
        let body = try JSONEncoder().encode(request)
        guard body.count <= maxRequestBytes else { throw GeminiError.requestTooLarge(body.count) }
        var headers = [("Content-Type", "application/json")]
        if let key = config.apiKey { headers.append(("x-goog-api-key", key)) }
        let response = try await http.send(
            OutboundRequest(
                method: "POST", url: "\(config.baseURL)/models/\(name):generateContent", headers: headers,
                body: Array(body), timeout: timeout))
        return try Self.reply(from: try http.decode(GeminiResponse.self, from: response))
    }

    /// The answer's text, or the reason there is none.
    static func reply(from response: GeminiResponse) throws -> Reply {
        guard let candidate = response.candidates?.first else {
            if let reason = response.promptFeedback?.blockReason { throw GeminiError.promptBlocked(reason) }
            throw GeminiError.noCandidates
        }
        let text = candidate.text
        if text.trimmed.isEmpty {
            if let reason = candidate.finishReason, reason.isBlocked { throw GeminiError.outputBlocked(reason) }
            throw GeminiError.emptyOutput(candidate.finishReason)
        }
        return Reply(
            text: text, finishReason: candidate.finishReason, usage: response.usageMetadata,
            modelVersion: response.modelVersion)
    }
}
