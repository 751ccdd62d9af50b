import Foundation

/// Gemini's `generateContent` on a `FakeAPIServer`, speaking the real wire format: the key
/// from `x-goog-api-key` or `?key=` (missing → 403 PERMISSION_DENIED, wrong → 400
/// API_KEY_INVALID), unknown models → 404 NOT_FOUND, a missing `contents` or an over-limit
/// body → 400, all in the Google error envelope. Requests may use camelCase or snake_case
/// (`inlineData` / `inline_data`), as the real API accepts both. Answers are scripted per
/// test (`answer`), including the 200-without-text cases; errors are injected on the server.
/// Also `embedContent` / `batchEmbedContents` (see the Embeddings section below).
final class FakeGemini: @unchecked Sendable {
    static let key = "clave-falsa-de-gemini"
    static let path = "/v1beta/models/*"

    let server: FakeAPIServer
    private let lock = NSLock()
    private var script: @Sendable (Call) -> Answer = { _ in .text("Un casco de seguridad blanco.") }
    var maxBodyBytes = 20_000_000

    /// One generateContent request as the fake understood it.
    struct Call: @unchecked Sendable {
        var model: String
        var texts: [String]
        var images: [(mimeType: String, data: Data)]
        var systemInstruction: String?
        var generationConfig: [String: Any]?
        /// True when the request used camelCase keys only.
        var camelCase: Bool
    }

    enum Answer: Sendable {
        case text(String)
        /// Text split over several parts, with a thought part first (never part of the answer).
        case parts([String], thought: String?)
        /// No candidates, `promptFeedback.blockReason`.
        case promptBlocked(String)
        /// A candidate with this finish reason and `"content": {}`.
        case candidateWithoutText(String)
        /// MAX_TOKENS with no parts and thoughts spent.
        case maxTokensThinking
        /// Text with no `usageMetadata` at all.
        case textWithoutUsage(String)
    }

    init(server: FakeAPIServer) {
        self.server = server
        server.route("POST", Self.path) { [unowned self] received in self.respond(received) }
    }

    /// A fake Gemini on a free loopback port for the duration of `body`.
    static func run<T: Sendable>(_ body: @Sendable (FakeGemini) async throws -> T) async throws -> T {
        try await FakeAPIServer.run { server in try await body(FakeGemini(server: server)) }
    }

    /// GEMINI_BASE_URL for clients under test.
    var baseURL: String { server.baseURL + "/v1beta" }

    func answer(_ script: @escaping @Sendable (Call) -> Answer) {
        lock.withLock { self.script = script }
    }

    /// Every generateContent request received, parsed.
    var calls: [Call] {
        server.requests(matching: Self.path).compactMap { Self.parse($0) }
    }

    // MARK: Injected errors (the next matching requests, before the scripted answers)

    /// 429 RESOURCE_EXHAUSTED with a `RetryInfo` delay and no Retry-After header; with
    /// `perDay`, the QuotaFailure names a per-day quota.
    func injectRateLimit(retryDelay: String, perDay: Bool = false) {
        let quota =
            perDay ? "GenerateRequestsPerDayPerProjectPerModel-FreeTier" : "GenerateRequestsPerMinutePerProjectPerModel"
        server.inject(
            Self.path,
            .json(
                object: Self.envelope(
                    429, "RESOURCE_EXHAUSTED",
                    "You exceeded your current quota, please check your plan and billing details. Please retry in \(retryDelay).",
                    details: [
                        [
                            "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                            "violations": [["quotaId": quota, "quotaValue": "15"]],
                        ],
                        ["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": retryDelay],
                    ]), status: 429))
    }

    func injectUnavailable(_ times: Int = 1) {
        for _ in 0..<times {
            server.inject(
                Self.path,
                .json(
                    object: Self.envelope(503, "UNAVAILABLE", "The model is overloaded. Please try again later."),
                    status: 503))
        }
    }

    func injectInvalidArgument(_ message: String = "Request contains an invalid argument.") {
        server.inject(Self.path, .json(object: Self.envelope(400, "INVALID_ARGUMENT", message), status: 400))
    }

    // MARK: Wire format

    static func envelope(_ code: Int, _ status: String, _ message: String, details: [[String: Any]] = []) -> [String:
        Any]
    {
        var error: [String: Any] = ["code": code, "message": message, "status": status]
        if !details.isEmpty { error["details"] = details }
        return ["error": error]
    }

    private func respond(_ received: FakeAPIServer.Received) -> FakeAPIServer.Reply {
        let tail = received.path.dropFirst("/v1beta/models/".count)
        let pieces = tail.split(separator: ":", maxSplits: 1).map(String.init)
        guard pieces.count == 2, ["generateContent", "embedContent", "batchEmbedContents"].contains(pieces[1]) else {
            return .json(object: Self.envelope(404, "NOT_FOUND", "Method not found."), status: 404)
        }
        let queryKey = received.query.split(separator: "&").first { $0.hasPrefix("key=") }.map {
            String($0.dropFirst(4))
        }
        guard let key = received.headers["x-goog-api-key"] ?? queryKey else {
            return .json(
                object: Self.envelope(
                    403, "PERMISSION_DENIED",
                    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
                ), status: 403)
        }
        guard key == Self.key else {
            return .json(
                object: Self.envelope(
                    400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.",
                    details: [
                        [
                            "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                            "domain": "googleapis.com",
                        ]
                    ]), status: 400)
        }
        guard pieces[0].hasPrefix("gemini-") else {
            return .json(
                object: Self.envelope(
                    404, "NOT_FOUND",
                    "models/\(pieces[0]) is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods."
                ), status: 404)
        }
        guard received.body.count <= maxBodyBytes else {
            return .json(
                object: Self.envelope(
                    400, "INVALID_ARGUMENT",
                    "Request payload size exceeds the limit: \(maxBodyBytes) bytes."), status: 400)
        }
        if pieces[1] != "generateContent" { return embed(received, model: pieces[0], method: pieces[1]) }
        guard let call = Self.parse(received) else {
            return .json(
                object: Self.envelope(
                    400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unknown name or missing \"contents\"."),
                status: 400)
        }
        let script = lock.withLock { self.script }
        return .json(object: Self.body(for: script(call)))
    }

    static func body(for answer: Answer) -> [String: Any] {
        let usage: [String: Any] = ["promptTokenCount": 271, "candidatesTokenCount": 9, "totalTokenCount": 280]
        func candidate(_ parts: [[String: Any]], _ reason: String) -> [String: Any] {
            ["content": ["role": "model", "parts": parts], "finishReason": reason, "index": 0]
        }
        switch answer {
        case .text(let text):
            return [
                "candidates": [candidate([["text": text]], "STOP")], "usageMetadata": usage,
                "modelVersion": "gemini-2.0-flash",
            ]
        case .parts(let texts, let thought):
            var parts: [[String: Any]] = thought.map { [["text": $0, "thought": true]] } ?? []
            parts += texts.map { ["text": $0] }
            return ["candidates": [candidate(parts, "STOP")], "usageMetadata": usage]
        case .promptBlocked(let reason):
            return ["promptFeedback": ["blockReason": reason, "safetyRatings": []], "usageMetadata": usage]
        case .candidateWithoutText(let reason):
            return [
                "candidates": [["content": [String: Any](), "finishReason": reason, "index": 0]],
                "usageMetadata": usage,
            ]
        case .maxTokensThinking:
            return [
                "candidates": [["content": ["role": "model"], "finishReason": "MAX_TOKENS", "index": 0]],
                "usageMetadata": ["promptTokenCount": 102, "thoughtsTokenCount": 278, "totalTokenCount": 380],
            ]
        case .textWithoutUsage(let text):
            return ["candidates": [candidate([["text": text]], "STOP")]]
        }
    }

    /// Reads a request in either casing; nil when `contents` is missing.
    static func parse(_ received: FakeAPIServer.Received) -> Call? {
        guard let object = received.json as? [String: Any], let contents = object["contents"] as? [[String: Any]]
        else { return nil }
        let model = String(received.path.dropFirst("/v1beta/models/".count).split(separator: ":").first ?? "")
        var texts: [String] = []
        var images: [(String, Data)] = []
        var camelCase = true
        for content in contents {
            for part in content["parts"] as? [[String: Any]] ?? [] {
                if let text = part["text"] as? String { texts.append(text) }
                if part["inline_data"] != nil { camelCase = false }
                if let inline = (part["inlineData"] ?? part["inline_data"]) as? [String: Any] {
                    if inline["mime_type"] != nil { camelCase = false }
                    let mime = (inline["mimeType"] ?? inline["mime_type"]) as? String ?? ""
                    let data = Data(base64Encoded: inline["data"] as? String ?? "") ?? Data()
                    images.append((mime, data))
                }
            }
        }
        if object["system_instruction"] != nil || object["generation_config"] != nil { camelCase = false }
        let system = (object["systemInstruction"] ?? object["system_instruction"]) as? [String: Any]
        let systemText = (system?["parts"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined()
        let config = (object["generationConfig"] ?? object["generation_config"]) as? [String: Any]
        return Call(
            model: model, texts: texts, images: images, systemInstruction: systemText, generationConfig: config,
            camelCase: camelCase)
    }
}

// MARK: Embeddings

extension FakeGemini {
    /// One text embedded, as the fake understood it.
    struct Embedded: Sendable {
        var model: String
        var text: String
        var taskType: String?
        var outputDimensionality: Int?
    }

    /// Every text embedded so far (injected failures excluded), one entry per text.
    var embedded: [Embedded] {
        server.requests(matching: Self.path).flatMap { received -> [Embedded] in
            guard let object = received.json as? [String: Any] else { return [] }
            let model = String(received.path.dropFirst("/v1beta/models/".count).split(separator: ":").first ?? "")
            let items = (object["requests"] as? [[String: Any]]) ?? (object["content"] != nil ? [object] : [])
            return items.compactMap { item in
                guard let text = Self.text(of: item) else { return nil }
                return Embedded(
                    model: model, text: text, taskType: (item["taskType"] ?? item["task_type"]) as? String,
                    outputDimensionality: (item["outputDimensionality"] ?? item["output_dimensionality"]) as? Int)
            }
        }
    }

    /// The embedding calls received (`embedContent` or `batchEmbedContents`), in order.
    var embeddingCalls: [String] {
        server.requests(matching: Self.path).compactMap { $0.path.split(separator: ":").last.map(String.init) }
            .filter { $0 != "generateContent" }
    }

    /// `embedContent` answers `{"embedding": {"values"}}`, `batchEmbedContents` answers
    /// `{"embeddings": [...]}` in request order; at most 100 requests per batch, each naming the
    /// model of the path. Vectors are deterministic (seeded by text and task type), 3072
    /// values by default for gemini-embedding-001 and normalised only at 3072, like the API.
    fileprivate func embed(_ received: FakeAPIServer.Received, model: String, method: String) -> FakeAPIServer.Reply {
        guard let object = received.json as? [String: Any] else {
            return .json(object: Self.envelope(400, "INVALID_ARGUMENT", "Invalid JSON payload received."), status: 400)
        }
        let items: [[String: Any]]
        if method == "batchEmbedContents" {
            guard let requests = object["requests"] as? [[String: Any]], !requests.isEmpty else {
                return .json(
                    object: Self.envelope(400, "INVALID_ARGUMENT", "* BatchEmbedContentsRequest.requests: is empty"),
                    status: 400)
            }
            guard requests.count <= 100 else {
                return .json(
                    object: Self.envelope(
                        400, "INVALID_ARGUMENT",
                        "* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch"),
                    status: 400)
            }
            for request in requests where request["model"] as? String != "models/\(model)" {
                return .json(
                    object: Self.envelope(
                        400, "INVALID_ARGUMENT",
                        "* BatchEmbedContentsRequest.model: unexpected model name format or mismatch with the path"),
                    status: 400)
            }
            items = requests
        } else {
            items = [object]
        }
        var vectors: [[Float]] = []
        for item in items {
            guard let text = Self.text(of: item) else {
                return .json(
                    object: Self.envelope(
                        400, "INVALID_ARGUMENT", "* EmbedContentRequest.content: contains an empty Part."),
                    status: 400)
            }
            let size = (item["outputDimensionality"] ?? item["output_dimensionality"]) as? Int ?? 3072
            let task = (item["taskType"] ?? item["task_type"]) as? String ?? ""
            vectors.append(Self.vector(for: task + "|" + text, size: size, normalised: size == 3072))
        }
        if method == "batchEmbedContents" {
            return .json(object: ["embeddings": vectors.map { ["values": $0] }])
        }
        return .json(object: ["embedding": ["values": vectors[0]]])
    }

    static func text(of item: [String: Any]) -> String? {
        let parts = (item["content"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
        let text = parts.compactMap { $0["text"] as? String }.joined()
        return text.isEmpty ? nil : text
    }

    /// A deterministic pseudo-random vector for `seed`; values around ±0.5 unless normalised.
    static func vector(for seed: String, size: Int, normalised: Bool) -> [Float] {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var values: [Float] = []
        values.reserveCapacity(size)
        for _ in 0..<size {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Float(Int64(bitPattern: state >> 11) % 1_000_000) / 1_000_000)
        }
        guard normalised else { return values }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return values.map { $0 / norm }
    }
}
